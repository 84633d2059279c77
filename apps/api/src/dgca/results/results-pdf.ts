import { openTaggedPdf, PDF_BOLD as BOLD, PDF_REGULAR as REGULAR } from '../../common/pdf/tagged-pdf.js';
import { countryName, interpolate, longDate } from '../../common/i18n/server-languages.js';
import type { FrameworkContent } from '../frameworks/framework-content.js';
import type { Assessment } from '../assessments/assessment.entity.js';
import type { ResultsView } from './results.dto.js';
import { decimal, resultsStrings, signedDecimal } from './results-strings.js';

const INK = '#1f2933';
const MUTED = '#52606d';
const ACCENT = '#0b5394';
const RULE = '#9aa5b1';
const MARGIN = 56;

export interface ResultsPdfData {
  assessment: Assessment;
  content: FrameworkContent;
  view: ResultsView;
  exportedAt: Date;
}

type Style = { font: string; size: number; color: string; gapAfter: number; indent?: number };

/**
 * The capability profile as a tagged A4 PDF in `language`: the assessment and its dates, the
 * profile table (average, spread, consensus, score, change per dimension), strengths and gaps,
 * the modules recommended for the gaps, and the country's E-Government Survey 2024 indices with
 * their source. It holds only group figures: no name, and nothing a person's answer can be read from.
 */
export function renderResults(data: ResultsPdfData, language: string): Promise<Buffer> {
  const l = resultsStrings(language);
  const p = l.pdf;
  const { assessment, content, view } = data;
  const { doc, finished: done } = openTaggedPdf({
    language,
    margin: MARGIN,
    info: {
      Title: `${p.title!} — ${assessment.title}`,
      Author: view.assessment.institutionName,
      Subject: assessment.title,
      Keywords: interpolate(p.keywords!, { title: assessment.title }),
      CreationDate: data.exportedAt,
    },
  });

  const width = doc.page.width - 2 * MARGIN;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const room = (height: number) => {
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
  };
  const block = (tag: string, text: string, style: Style) => {
    root.add(
      doc.struct(tag, {}, () => {
        doc.font(style.font).fontSize(style.size).fillColor(style.color);
        const indent = style.indent ?? 0;
        doc.text(text, MARGIN + indent, doc.y, { width: width - indent, lineGap: 2 });
      }),
    );
    doc.moveDown(style.gapAfter);
  };
  const heading = (text: string) => {
    room(80);
    block('H2', text, { font: BOLD, size: 14, color: ACCENT, gapAfter: 0.4 });
  };
  const paragraph = (text: string, indent = 0) =>
    block('P', text, { font: REGULAR, size: 10, color: INK, gapAfter: 0.2, indent });
  const list = (items: string[]) => {
    const element = doc.struct('L');
    root.add(element);
    for (const item of items)
      element.add(
        doc.struct('LI', {}, () => {
          doc.font(REGULAR).fontSize(10).fillColor(INK);
          doc.text(`• ${item}`, MARGIN + 8, doc.y, { width: width - 8, lineGap: 2 });
        }),
      );
    element.end();
    doc.moveDown(0.6);
  };

  const country = countryName(language, assessment.country);
  block('H1', p.title!, { font: BOLD, size: 22, color: ACCENT, gapAfter: 0.2 });
  block('P', assessment.title, { font: BOLD, size: 14, color: INK, gapAfter: 0.3 });
  block(
    'P',
    [
      interpolate(assessment.subject === 'country' ? p.subjectCountry! : p.subjectInstitution!, { country }),
      interpolate(p.organisedBy!, { institution: view.assessment.institutionName }),
      interpolate(p.framework!, { framework: content.frameworkName, number: content.number }),
      interpolate(p.exportedOn!, { date: longDate(language, data.exportedAt) }),
    ].join('\n'),
    { font: REGULAR, size: 10, color: MUTED, gapAfter: 0.8 },
  );

  heading(p.dates!);
  list(
    [
      assessment.startsOn ? interpolate(p.startsOn!, { date: longDate(language, assessment.startsOn) }) : '',
      assessment.individualDueOn
        ? interpolate(p.individualDueOn!, { date: longDate(language, assessment.individualDueOn) })
        : '',
      assessment.consensusOn
        ? interpolate(p.consensusOn!, { date: longDate(language, assessment.consensusOn) })
        : '',
      assessment.completedAt
        ? interpolate(p.completedAt!, { date: longDate(language, new Date(assessment.completedAt)) })
        : p.notCompleted!,
    ].filter((line) => line !== ''),
  );

  heading(p.profile!);
  paragraph(
    interpolate(p.people!, {
      raters: view.raters,
      participants: view.participants,
      min: view.scale.min,
      max: view.scale.max,
    }),
  );
  if (view.withheld) paragraph(p.withheld!);
  if (view.previous) paragraph(interpolate(p.previous!, { title: view.previous.title }));
  doc.moveDown(0.3);
  const figure = (value: number | null) => (value === null ? l.words.none : decimal(language, value));
  const withPrevious = view.previous !== null;
  table(
    doc,
    root,
    [
      l.columns.dimension,
      l.columns.average,
      l.columns.spread,
      l.columns.consensus,
      l.columns.score,
      ...(withPrevious ? [p.change!] : []),
    ],
    view.dimensions.map((d) => [
      d.name,
      figure(d.average),
      figure(d.spread),
      figure(d.consensus),
      figure(d.score),
      ...(withPrevious ? [d.change === null ? l.words.none : signedDecimal(language, d.change)] : []),
    ]),
    width,
    room,
  );
  doc.moveDown(0.8);

  const nameOf = (key: string) => view.dimensions.find((d) => d.key === key)?.name ?? key;
  heading(p.strengths!);
  if (view.strengths.length) list(view.strengths.map(nameOf));
  else paragraph(p.noStrengths!);
  heading(p.gaps!);
  if (view.gaps.length) list(view.gaps.map(nameOf));
  else paragraph(p.noGaps!);
  if (view.gaps.length) {
    heading(p.recommendations!);
    if (view.recommendations.length)
      list(
        view.recommendations.map((r) =>
          interpolate(r.moduleTitle ? p.recommendationModule! : p.recommendation!, {
            dimension: nameOf(r.dimensionKey),
            course: r.courseTitle,
            module: r.moduleTitle ?? '',
          }),
        ),
      );
    else paragraph(p.noRecommendations!);
  }

  heading(p.eGovernment!);
  const e = view.eGovernment;
  if (e) {
    paragraph(interpolate(p.eGovernmentIntro!, { country }));
    const index = (value: number) => value.toFixed(4);
    list([
      interpolate(p.egdi!, { value: index(e.egdi), rank: e.rank }),
      interpolate(p.osi!, { value: index(e.osi) }),
      interpolate(p.hci!, { value: index(e.hci) }),
      interpolate(p.tii!, { value: index(e.tii) }),
      interpolate(p.epi!, { value: index(e.epi) }),
    ]);
    block('P', interpolate(p.source!, { ...e.source }), {
      font: REGULAR,
      size: 9,
      color: MUTED,
      gapAfter: 0,
    });
  } else paragraph(interpolate(p.noEGovernment!, { country }));

  root.end();
  doc.end();
  return done;
}

/** A tagged table: a header row and one row per dimension, the first column wider for names. */
function table(
  doc: PDFKit.PDFDocument,
  root: PDFKit.PDFStructureElement,
  header: string[],
  rows: string[][],
  width: number,
  room: (height: number) => void,
): void {
  const first = width * 0.4;
  const other = (width - first) / (header.length - 1);
  const columnX = (index: number) => MARGIN + (index === 0 ? 0 : first + (index - 1) * other);
  const columnWidth = (index: number) => (index === 0 ? first : other) - 6;
  const element = doc.struct('Table');
  root.add(element);
  const drawRow = (cells: string[], tag: 'TH' | 'TD', font: string) => {
    doc.font(font).fontSize(9);
    const height =
      Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: columnWidth(index) }))) + 6;
    room(height + 4);
    const top = doc.y;
    const row = doc.struct('TR');
    element.add(row);
    cells.forEach((cell, index) =>
      row.add(
        doc.struct(tag, {}, () => {
          doc.font(font).fontSize(9).fillColor(INK);
          doc.text(cell, columnX(index), top + 3, {
            width: columnWidth(index),
            align: index === 0 ? 'left' : 'right',
          });
        }),
      ),
    );
    row.end();
    // The rule under a row is decoration: marked as an artifact so screen readers skip it.
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.endMarkedContent();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  drawRow(header, 'TH', BOLD);
  for (const cells of rows) drawRow(cells, 'TD', REGULAR);
  element.end();
}
