import { openTaggedPdf, PDF_BOLD as BOLD, PDF_REGULAR as REGULAR } from '../../common/pdf/tagged-pdf.js';
import type { ActionView } from './actions.dto.js';
import type { PlanDimension } from './plan-dimensions.js';
import { countryName, interpolate, longDate } from '../../common/i18n/server-languages.js';
import { planStrings, quarterOf } from './plan-strings.js';

const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b5394';
const MARGIN = 56;

export interface PlanPdfData {
  title: string;
  subject: 'country' | 'institution';
  country: string;
  institutionName: string;
  exportedAt: Date;
  dimensions: PlanDimension[];
  actions: ActionView[];
}

/** What the plan says about when an action happens, with the quarters the roadmap uses. */
function when(language: string, action: ActionView): string {
  const l = planStrings(language).pdf;
  const { startsOn, endsOn } = action;
  const values = {
    start: startsOn ? longDate(language, startsOn) : '',
    end: endsOn ? longDate(language, endsOn) : '',
    startQuarter: startsOn ? quarterOf(language, startsOn) : '',
    endQuarter: endsOn ? quarterOf(language, endsOn) : '',
  };
  if (startsOn && endsOn) return interpolate(l.when!, values);
  if (startsOn) return interpolate(l.from!, values);
  if (endsOn) return interpolate(l.until!, values);
  return l.undated!;
}

/** Every field of an action as the lines under its title; empty fields are left out. */
function actionLines(language: string, action: ActionView): string[] {
  const l = planStrings(language);
  const p = l.pdf;
  const latest = action.updates[0];
  return [
    interpolate(p.priority!, {
      band: l.band[action.priority.band],
      impact: action.impact,
      feasibility: action.feasibility,
      score: action.priority.score,
    }),
    interpolate(p.status!, { status: l.status[action.status], progress: action.progress }),
    action.owner ? interpolate(p.owner!, { owner: action.owner }) : '',
    when(language, action),
    action.indicator ? interpolate(p.indicator!, { indicator: action.indicator }) : '',
    action.target ? interpolate(p.target!, { target: action.target }) : '',
    action.resources ? interpolate(p.resources!, { resources: action.resources }) : '',
    action.description,
    latest
      ? interpolate(p.latestUpdate!, {
          date: longDate(language, new Date(latest.createdAt)),
          author: latest.author?.displayName ?? p.formerMember!,
          comment: latest.comment,
        })
      : '',
  ].filter((line) => line !== '');
}

/**
 * The action plan as a tagged A4 PDF in `language`: the assessment, then per dimension (in the
 * framework's order) each action with every field, its quarters and its latest progress report.
 * Text flows onto as many pages as it needs; headings give screen readers the outline.
 */
export function renderActionPlan(data: PlanPdfData, language: string): Promise<Buffer> {
  const l = planStrings(language).pdf;
  const title = `${l.title!} — ${data.title}`;
  const { doc, finished: done } = openTaggedPdf({
    language,
    margin: MARGIN,
    info: {
      Title: title,
      Author: data.institutionName,
      Subject: data.title,
      Keywords: interpolate(l.keywords!, { title: data.title }),
      CreationDate: data.exportedAt,
    },
  });

  const width = doc.page.width - 2 * MARGIN;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const block = (
    tag: string,
    text: string,
    style: { font: string; size: number; color: string; gapAfter: number; indent?: number },
  ) => {
    root.add(
      doc.struct(tag, {}, () => {
        doc.font(style.font).fontSize(style.size).fillColor(style.color);
        const indent = style.indent ?? 0;
        doc.text(text, MARGIN + indent, doc.y, { width: width - indent, lineGap: 2 });
      }),
    );
    doc.moveDown(style.gapAfter);
  };
  /** Keeps a heading with at least a few lines of what follows it. */
  const room = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };

  block('H1', l.title!, { font: BOLD, size: 22, color: ACCENT, gapAfter: 0.2 });
  block('P', data.title, { font: BOLD, size: 14, color: INK, gapAfter: 0.3 });
  const subject = interpolate(data.subject === 'country' ? l.subjectCountry! : l.subjectInstitution!, {
    country: countryName(language, data.country),
  });
  const count =
    data.actions.length === 1 ? l.countOne! : interpolate(l.count!, { count: data.actions.length });
  block(
    'P',
    [
      subject,
      interpolate(l.organisedBy!, { institution: data.institutionName }),
      interpolate(l.exportedOn!, { date: longDate(language, data.exportedAt) }),
      count,
    ].join('\n'),
    { font: REGULAR, size: 10, color: MUTED, gapAfter: 1 },
  );
  if (data.actions.length === 0) block('P', l.empty!, { font: REGULAR, size: 11, color: INK, gapAfter: 0 });

  const known = new Set(data.dimensions.map((dimension) => dimension.key));
  const groups = [
    ...data.dimensions.map((dimension) => ({
      name: dimension.name,
      actions: data.actions.filter((action) => action.dimensionKey === dimension.key),
    })),
    // An action filed under a key the version lacks cannot be made through the API; kept, not lost.
    ...[...new Set(data.actions.filter((a) => !known.has(a.dimensionKey)).map((a) => a.dimensionKey))].map(
      (key) => ({ name: key, actions: data.actions.filter((action) => action.dimensionKey === key) }),
    ),
  ].filter((group) => group.actions.length > 0);
  for (const group of groups) {
    room(120);
    block('H2', group.name, { font: BOLD, size: 16, color: ACCENT, gapAfter: 0.4 });
    for (const action of group.actions) {
      room(90);
      block('H3', action.title, { font: BOLD, size: 12, color: INK, gapAfter: 0.2 });
      for (const line of actionLines(language, action))
        block('P', line, { font: REGULAR, size: 10, color: INK, gapAfter: 0.1, indent: 12 });
      doc.moveDown(0.8);
    }
  }
  root.end();
  doc.end();
  return done;
}
