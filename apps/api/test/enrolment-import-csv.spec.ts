import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../src/common/problem/problem.exception.js';
import { countryCode } from '../src/cohorts/imports/country-names.js';
import { matchHeaders } from '../src/cohorts/imports/import-columns.js';
import { importTemplate } from '../src/cohorts/imports/import-template.js';
import { readImportFile, type ImportFileSummary } from '../src/cohorts/imports/read-import-file.js';
import { reportingValue } from '../src/cohorts/imports/reporting-values.js';
import type { ImportRow } from '../src/cohorts/imports/validate-import-row.js';

/** The bytes, arriving in chunks of `chunk` bytes (so that sniffing and decoding cross chunk edges). */
async function* chunks(bytes: Buffer, chunk = 7): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
}

async function read(
  content: string | Buffer,
  language: 'en' | 'es' | 'fr' = 'en',
  batchSize?: number,
  chunk?: number,
): Promise<{ rows: ImportRow[]; batches: number; summary: ImportFileSummary }> {
  const rows: ImportRow[] = [];
  let batches = 0;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const summary = await readImportFile(
    chunks(bytes, chunk ?? (bytes.length > 100_000 ? 64 * 1024 : 7)),
    language,
    async (batch) => {
      batches += 1;
      rows.push(...batch);
    },
    batchSize,
  );
  return { rows, batches, summary };
}

async function refusal(content: string | Buffer): Promise<{ code: string; detail: string }> {
  try {
    await read(content);
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    expect(error.problem.status).toBe(422);
    return { code: String(error.problem.extensions?.code), detail: error.problem.detail };
  }
  throw new Error('the file was not refused');
}

const HEADER = 'Email,Given name,Family name,Country,Ministry or department,Job title,Language';

describe('enrolment file reading', () => {
  it('reads a plain comma-separated file, cell by cell', async () => {
    const { rows, summary } = await read(
      `${HEADER}\nana@example.org,Ana,Tuilagi,FJ,Ministry of Finance,Budget officer,es\n`,
    );
    expect(summary).toEqual({ totalRows: 1, invalidRows: 0, notices: [], hasReporting: false });
    expect(rows[0]).toEqual({
      rowNumber: 1,
      email: 'ana@example.org',
      givenName: 'Ana',
      familyName: 'Tuilagi',
      country: 'FJ',
      department: 'Ministry of Finance',
      jobTitle: 'Budget officer',
      language: 'es',
      reporting: null,
      problems: [],
    });
  });

  it('reads an Excel "CSV UTF-8" export: BOM, semicolons, CRLF, quoted cells with the delimiter and line breaks', async () => {
    const file =
      '\ufeffCorreo electrónico;Nombre;Apellidos;País;Ministerio o departamento\r\n' +
      'lucia@example.org;Lucía;"Pérez; Gómez";República Dominicana;"Hacienda\r\nDirección ""B"""\r\n' +
      ';;;;\r\n';
    const { rows, summary } = await read(file, 'es');
    expect(summary.totalRows).toBe(1);
    expect(rows[0]).toMatchObject({
      email: 'lucia@example.org',
      givenName: 'Lucía',
      familyName: 'Pérez; Gómez',
      country: 'DO',
      department: 'Hacienda\r\nDirección "B"',
      language: 'es',
    });
  });

  it('takes the delimiter from Excel\'s "sep=" line', async () => {
    const { rows } = await read('sep=;\nEmail;Given name;Family name\nana@example.org;Ana;Tuilagi\n');
    expect(rows[0]).toMatchObject({ email: 'ana@example.org', familyName: 'Tuilagi' });
  });

  it('matches headers in English, Spanish and French ignoring case, accents, spaces and underscores', () => {
    expect(
      matchHeaders(['E-MAIL', 'given_name', 'APELLIDOS', 'pays', 'TRANCHE D AGE', 'ile_ou_region']).columns,
    ).toEqual(['email', 'given_name', 'family_name', 'country', 'age_band', 'island_region']);
    expect(matchHeaders(['Courriel', 'Prénom', 'Nom']).missing).toEqual([]);
  });

  it('ignores unknown columns and lists them as a notice', async () => {
    const { rows, summary } = await read(
      'Email,Notes,Given name,Family name,Phone\na@example.org,x,A,B,123\n',
    );
    expect(rows[0]!.problems).toEqual([]);
    expect(summary.notices).toEqual([
      {
        code: 'columns-ignored',
        columns: ['Notes', 'Phone'],
        message: 'These columns are not used and were ignored: "Notes", "Phone".',
      },
    ]);
  });

  it('hands rows on in batches', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `p${i}@example.org,P,${i}`);
    const { rows, batches } = await read(`Email,Given name,Family name\n${lines.join('\n')}\n`, 'en', 10);
    expect(rows).toHaveLength(25);
    expect(batches).toBe(3);
    expect(rows[24]!.rowNumber).toBe(25);
  });

  it('refuses an xlsx workbook, telling to save it as CSV UTF-8', async () => {
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), Buffer.alloc(200, 1)]);
    const { code, detail } = await refusal(xlsx);
    expect(code).toBe('not-csv');
    expect(detail).toMatch(/Excel workbook/);
    expect(detail).toMatch(/CSV UTF-8/);
  });

  it('refuses binary content and text in another encoding', async () => {
    expect((await refusal(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x0a, 0xff]))).code).toBe(
      'not-csv',
    );
    const latin1 = Buffer.from(`${HEADER}\nandre@example.org,André,Dupont\n`, 'latin1');
    const { code, detail } = await refusal(latin1);
    expect(code).toBe('not-csv');
    expect(detail).toMatch(/not UTF-8 text \(line 2/);
  });

  it('refuses a broken quote naming the line', async () => {
    const { code, detail } = await refusal(`${HEADER}\na@example.org,"Ana,B\n`);
    expect(code).toBe('not-csv');
    expect(detail).toMatch(/quoted cell is never closed/);
  });

  it('refuses an empty file and a header without rows', async () => {
    expect(await refusal('')).toMatchObject({ code: 'empty-file' });
    expect(await refusal('\ufeff\r\n  \r\n')).toMatchObject({ code: 'empty-file' });
    expect(await refusal(`${HEADER}\r\n,,,\r\n`)).toMatchObject({ code: 'empty-file' });
  });

  it('refuses missing required columns, naming them in the import language', async () => {
    const { code, detail } = await refusal('Email,Country\na@example.org,FJ\n');
    expect(code).toBe('missing-columns');
    expect(detail).toMatch(/"Given name", "Family name" columns/);
    await expect(read('Courriel,Pays\na@example.org,FJ\n', 'fr')).rejects.toMatchObject({
      problem: { detail: expect.stringMatching(/"Prénom", "Nom"/) },
    });
  });

  it('refuses 100,001 rows and takes 100,000', async () => {
    const row = 'a@example.org,A,B\n';
    const file = (n: number) => Buffer.from(`Email,Given name,Family name\n${row.repeat(n)}`);
    expect((await refusal(file(100_001))).code).toBe('too-many-rows');
    const { summary } = await read(file(100_000));
    expect(summary.totalRows).toBe(100_000);
  });
});

describe('enrolment row checks', () => {
  it('names each problem with its column', async () => {
    const { rows, summary } = await read(
      'Email,Given name,Family name,Country,Language,Sex,Age band,Disability,Job title\n' +
        `not-an-email,,Tuilagi,Atlantis,klingon,robot,12,maybe,${'x'.repeat(201)}\n`,
    );
    expect(summary.invalidRows).toBe(1);
    expect(rows[0]!.problems.map((p) => [p.column, p.code])).toEqual([
      ['email', 'email-invalid'],
      ['given_name', 'required-missing'],
      ['country', 'country-unknown'],
      ['job_title', 'too-long'],
      ['language', 'language-unknown'],
      ['sex', 'value-unknown'],
      ['age_band', 'value-unknown'],
      ['disability', 'value-unknown'],
    ]);
    expect(rows[0]!.problems[0]!.message).toBe('"not-an-email" is not an e-mail address.');
  });

  it('refuses an address with a space or a second @ in quotes, which no invitation can be sent to', async () => {
    const { rows, summary } = await read(
      `${HEADER}\n"""Ana Tuilagi""@example.org",Ana,Tuilagi\n"""a@b""@example.org",A,B\n`,
    );
    expect(summary.invalidRows).toBe(2);
    expect(rows.map((row) => row.problems.map((p) => [p.column, p.code]))).toEqual([
      [['email', 'email-invalid']],
      [['email', 'email-invalid']],
    ]);
  });

  it('flags a duplicate address (any case) naming the first line it is on', async () => {
    const { rows } = await read(`${HEADER}\na@example.org,A,B\nb@example.org,B,C\nA@Example.org,A,D\n`);
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[2]!.problems).toEqual([
      {
        column: 'email',
        code: 'email-duplicate-in-file',
        message: 'A@Example.org is also on line 2 of the file; each person can be on one line only.',
        otherRowNumber: 1,
      },
    ]);
  });

  it('accepts countries as ISO codes or names in English, Spanish and French', () => {
    expect(countryCode('fj')).toBe('FJ');
    expect(countryCode('Fiji')).toBe('FJ');
    expect(countryCode('Fiyi')).toBe('FJ');
    expect(countryCode('Fidji')).toBe('FJ');
    expect(countryCode("Côte d'Ivoire")).toBe('CI');
    expect(countryCode('cote divoire')).toBe('CI');
    expect(countryCode('Haiti')).toBe('HT');
    expect(countryCode('États-Unis')).toBe('US');
    expect(countryCode('Atlantis')).toBeNull();
  });

  it('reads the official names of Caribbean countries, not only ICU short forms', () => {
    expect(countryCode('Saint Lucia')).toBe('LC');
    expect(countryCode('St. Lucia')).toBe('LC');
    expect(countryCode('Trinidad and Tobago')).toBe('TT');
    expect(countryCode('Antigua and Barbuda')).toBe('AG');
    expect(countryCode('Saint Kitts and Nevis')).toBe('KN');
    expect(countryCode('Saint Vincent and the Grenadines')).toBe('VC');
    expect(countryCode('The Bahamas')).toBe('BS');
    expect(countryCode('San Vicente y las Granadinas')).toBe('VC');
    expect(countryCode('Sainte-Lucie')).toBe('LC');
    expect(countryCode('XX')).toBeNull();
  });

  it('accepts reporting values and their localized words; an empty language is the import language', async () => {
    expect(reportingValue('sex', 'Mujer')).toBe('female');
    expect(reportingValue('sex', 'Prefer not to say')).toBe('prefer_not_to_say');
    expect(reportingValue('age_band', '25-34')).toBe('25_34');
    expect(reportingValue('age_band', '65 et plus')).toBe('65_plus');
    expect(reportingValue('disability', 'Sí')).toBe('yes');
    const { rows, summary } = await read(
      'Courriel,Prénom,Nom,Langue,Sexe,Handicap,Île ou région\nm@example.org,Marie,Joseph,,homme,oui,Grande-Terre\nn@example.org,N,O,English,,,\n',
      'fr',
    );
    expect(summary.hasReporting).toBe(true);
    expect(rows[0]).toMatchObject({
      language: 'fr',
      reporting: { sex: 'male', ageBand: null, disability: 'yes', islandRegion: 'Grande-Terre' },
    });
    expect(rows[1]).toMatchObject({ language: 'en', reporting: null });
  });

  it('keeps formula-like cells as they are: they are neutralised on export, not refused', async () => {
    const { rows } = await read(`${HEADER}\na@example.org,=HYPERLINK("x"),@B,,+1 Dept,-cmd\n`);
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[0]).toMatchObject({ givenName: '=HYPERLINK("x")', department: '+1 Dept', jobTitle: '-cmd' });
  });
});

describe('enrolment template', () => {
  it('has the headers in the language and an example row that reads back without problems', async () => {
    for (const language of ['en', 'es', 'fr'] as const) {
      const template = importTemplate(language);
      expect(template.startsWith('\ufeff')).toBe(true);
      const { rows, summary } = await read(template, language);
      expect(summary.notices).toEqual([]);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.problems).toEqual([]);
      expect(summary.hasReporting).toBe(true);
    }
    expect(importTemplate('fr').split('\r\n')[0]).toContain('Courriel,Prénom,Nom,Pays');
  });
});
