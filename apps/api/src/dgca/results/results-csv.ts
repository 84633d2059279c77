import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../common/csv/spreadsheet-safe.js';
import type { StatementFigures } from './consensus.service.js';
import type { ResultsView } from './results.dto.js';
import { resultsStrings } from './results-strings.js';

const number = (value: number | null) => (value === null ? '' : String(value));

/**
 * The profile as a spreadsheet: a row per dimension (average, spread, consensus, answers) followed
 * by a row per statement, in the framework's order. Nothing in it names or orders people: the
 * figures are those of the consensus view, withheld cells say so. Headed in `language`; numbers
 * keep a dot so a spreadsheet reads them; UTF-8 with a byte order mark, so Excel reads accents.
 */
export function resultsCsv(view: ResultsView, figures: StatementFigures, language: string): string {
  const l = resultsStrings(language);
  const header = [
    l.columns.scope,
    l.columns.dimension,
    l.columns.statement,
    l.columns.average,
    l.columns.spread,
    l.columns.consensus,
    l.columns.score,
    l.columns.answered,
    l.columns.dontKnow,
    l.columns.disagreement,
  ];
  const rows: string[][] = [];
  for (const dimension of figures.content.dimensions) {
    const result = view.dimensions.find((d) => d.key === dimension.key);
    const statements = dimension.statements.map((s) => figures.statements.get(s.id)!);
    const hidden = result?.average === null && statements.some((s) => s.answered > 0);
    rows.push([
      l.scope.dimension,
      spreadsheetSafe(dimension.name),
      '',
      hidden ? l.words.withheld : number(result?.average ?? null),
      hidden ? l.words.withheld : number(result?.spread ?? null),
      number(result?.consensus ?? null),
      number(result?.score ?? null),
      String(statements.reduce((sum, s) => sum + s.answered, 0)),
      statements.some((s) => s.withheld)
        ? l.words.withheld
        : String(statements.reduce((sum, s) => sum + s.dontKnow, 0)),
      '',
    ]);
    for (const statement of statements) {
      const agreed = statement.consensus;
      rows.push([
        l.scope.statement,
        spreadsheetSafe(dimension.name),
        spreadsheetSafe(statement.text),
        statement.withheld ? l.words.withheld : number(statement.mean),
        statement.withheld ? l.words.withheld : number(statement.spread),
        agreed ? (agreed.dontKnow ? l.words.dontKnow : number(agreed.value)) : '',
        '',
        String(statement.answered),
        statement.withheld ? l.words.withheld : String(statement.dontKnow),
        statement.withheld ? l.words.withheld : statement.disagreement ? l.words.yes : l.words.no,
      ]);
    }
  }
  // A line break inside a statement must be quoted too: csv-stringify only quotes the record
  // delimiter (\r\n), and a bare \n would start a new row in a spreadsheet.
  return '\uFEFF' + stringify([header, ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
