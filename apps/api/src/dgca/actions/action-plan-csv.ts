import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../common/csv/spreadsheet-safe.js';
import type { ActionView } from './actions.dto.js';
import type { PlanDimension } from './plan-dimensions.js';
import { planStrings, quarterOf } from './plan-strings.js';

/**
 * The plan as a spreadsheet: one row per action, grouped by dimension in the framework's order
 * and by priority within a dimension, with every field, the quarters a roadmap is drawn from, and
 * the latest progress report. Headed in `language`; dates stay YYYY-MM-DD so a spreadsheet sorts
 * them. UTF-8 with a byte order mark, so Excel reads accents.
 */
export function actionPlanCsv(dimensions: PlanDimension[], actions: ActionView[], language: string): string {
  const l = planStrings(language);
  const order = new Map(dimensions.map((dimension, index) => [dimension.key, index]));
  const sorted = [...actions].sort(
    (a, b) => (order.get(a.dimensionKey) ?? order.size) - (order.get(b.dimensionKey) ?? order.size),
  );
  const text = (value: string) => spreadsheetSafe(value);
  const header = [
    l.columns.dimension,
    l.columns.title,
    l.columns.description,
    l.columns.owner,
    l.columns.startsOn,
    l.columns.endsOn,
    l.columns.startQuarter,
    l.columns.endQuarter,
    l.columns.resources,
    l.columns.indicator,
    l.columns.target,
    l.columns.impact,
    l.columns.feasibility,
    l.columns.priorityScore,
    l.columns.priority,
    l.columns.status,
    l.columns.progress,
    l.columns.latestUpdate,
    l.columns.latestUpdateOn,
  ];
  const rows = sorted.map((action) => {
    const latest = action.updates[0];
    return [
      text(action.dimensionName),
      text(action.title),
      text(action.description),
      text(action.owner),
      action.startsOn ?? '',
      action.endsOn ?? '',
      action.startsOn ? quarterOf(language, action.startsOn) : '',
      action.endsOn ? quarterOf(language, action.endsOn) : '',
      text(action.resources),
      text(action.indicator),
      text(action.target),
      String(action.impact),
      String(action.feasibility),
      String(action.priority.score),
      l.band[action.priority.band],
      l.status[action.status],
      String(action.progress),
      latest ? text(latest.comment) : '',
      latest ? latest.createdAt.slice(0, 10) : '',
    ];
  });
  // A line break inside a description must be quoted too: csv-stringify only quotes the record
  // delimiter (\r\n), and a bare \n would start a new row in a spreadsheet.
  return '\uFEFF' + stringify([header, ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
