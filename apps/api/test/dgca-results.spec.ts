import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditActions } from './admin-fixtures.js';
import { addModule, createCourse } from './course-fixtures.js';
import { dgcaWorld, publishedVersion, signedInPerson, type DgcaWorld } from './dgca-assessments-fixtures.js';
import {
  agree,
  download,
  participantIds,
  pdfText,
  ratedAssessment,
  type RatedAssessment,
} from './dgca-results-fixtures.js';
import { call, unique, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * DGCA results (issue 9): the capability profile, its CSV and PDF, the participants' view, the
 * anonymous regional profile, and the anonymity of everything a facilitator is sent. Assessments
 * are taken through the API in an institution and framework version of this file's own (scale
 * 1–4; leadership: statements 1–2, technology: statements 3–4).
 */
interface DimensionBody {
  key: string;
  average: number | null;
  spread: number | null;
  consensus: number | null;
  score: number | null;
  previousScore: number | null;
  change: number | null;
}

describe('DGCA results', () => {
  let t: TestApp;
  let db: DataSource;
  let world: DgcaWorld;
  let other: DgcaWorld;
  let outsider: TestSession;
  /** Four raters, in the consensus round: leadership averages 2.14, technology 3.5. */
  let main: RatedAssessment;

  const results = (id: string, as: TestSession = world.admin) =>
    call(t, as, 'get', `/api/studio/dgca/assessments/${id}/results`);
  const dimension = (body: { dimensions: DimensionBody[] }, key: string) =>
    body.dimensions.find((d) => d.key === key)!;
  const PROFILE = [
    [1, 2, 3, 4],
    [2, 2, 3, 4],
    [2, 3, 4, 3],
    [3, null, 4, 3],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    world = await dgcaWorld(t, 'results');
    other = await dgcaWorld(t, 'results-other');
    outsider = await signedInPerson(t, 'results-outsider');
    // A statement a spreadsheet would take for a formula (set before the version is first read).
    await db.query(`UPDATE dgca_statement SET text = '=1+1 is the technology budget' WHERE id = $1`, [
      world.version.statementIds[3],
    ]);
    main = await ratedAssessment(t, world, PROFILE);
  });
  afterAll(() => t.close());

  it('profiles each dimension: average and spread of the individual ratings, "don\'t know" left out', async () => {
    const res = await results(main.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      assessment: { id: main.id, subject: 'country', country: 'LC', status: 'consensus', completedAt: null },
      scale: { min: 1, max: 4 },
      participants: 4,
      raters: 4,
      withheld: false,
      previous: null,
    });
    expect(res.body.assessment.institutionName).toMatch(/^Test institution/);
    expect(res.body.scale.levels).toHaveLength(4);
    expect(res.body.dimensions).toEqual([
      {
        key: 'leadership',
        name: 'Dimension leadership',
        statements: 2,
        average: 2.14,
        spread: 0.64,
        consensus: null,
        score: 2.14,
        previousScore: null,
        change: null,
      },
      {
        key: 'technology',
        name: 'Dimension technology',
        statements: 2,
        average: 3.5,
        spread: 0.5,
        consensus: null,
        score: 3.5,
        previousScore: null,
        change: null,
      },
    ]);
    // Gaps are below the top, weakest first, at most half the dimensions; strengths score at
    // least the midpoint (2.5) and are not gaps.
    expect(res.body.gaps).toEqual(['leadership']);
    expect(res.body.strengths).toEqual(['technology']);
  });

  it('scores a dimension by its consensus once one is recorded, and recommends modules for the gaps', async () => {
    const scored = await ratedAssessment(t, world, PROFILE);
    await agree(t, world, scored.id, [2, 3, null, undefined]);
    const course = await createCourse(t, world.admin, world.institutionId, { title: 'Digital budgets' });
    const { moduleId } = await addModule(t, world.admin, course.id, course.revision, 'Costing a service');
    const [leadership] = (await db.query(
      `SELECT id FROM dgca_dimension WHERE version_id = $1 AND key = 'leadership'`,
      [world.version.versionId],
    )) as { id: string }[];
    await db.query(
      `INSERT INTO dgca_recommendation (dimension_id, course_id, module_id, position) VALUES ($1, $2, $3, 0)`,
      [leadership!.id, course.id, moduleId],
    );
    try {
      const res = await results(scored.id);
      expect(res.status).toBe(200);
      expect(dimension(res.body, 'leadership')).toMatchObject({ average: 2.14, consensus: 2.5, score: 2.5 });
      // "Don't know" agreed on statement 3 and nothing on 4: no consensus value, the average stands.
      expect(dimension(res.body, 'technology')).toMatchObject({ average: 3.5, consensus: null, score: 3.5 });
      expect(res.body.gaps).toEqual(['leadership']);
      expect(res.body.strengths).toEqual(['technology']);
      expect(res.body.recommendations).toEqual([
        {
          dimensionKey: 'leadership',
          courseId: course.id,
          courseSlug: course.slug,
          courseTitle: 'Digital budgets',
          moduleId,
          moduleTitle: 'Costing a service',
        },
      ]);
      const pdf = await pdfText(
        (await download(t, world.admin, `/api/studio/dgca/assessments/${scored.id}/results.pdf`)).body,
      );
      expect(pdf).toContain('Dimension leadership: Digital budgets — Costing a service');
    } finally {
      await db.query(`DELETE FROM dgca_recommendation WHERE dimension_id = $1`, [leadership!.id]);
    }
  });

  it("shows the country's E-Government Survey 2024 indices with their source, and none for a country not in the table", async () => {
    const res = await results(main.id);
    expect(res.body.eGovernment).toEqual({
      country: 'LC',
      year: 2024,
      egdi: 0.5255,
      rank: 133,
      osi: 0.3229,
      hci: 0.6037,
      tii: 0.6498,
      epi: 0.137,
      source: {
        title: 'United Nations E-Government Survey 2024',
        publisher: 'UN DESA',
        url: 'https://publicadministration.un.org/egovkb/en-us/Data-Center',
      },
    });
    const jamaica = await ratedAssessment(t, world, [[1, 1, 1, 1]], { extra: { country: 'JM' } });
    expect((await results(jamaica.id)).body.eGovernment).toBeNull();
  });

  it('shows the change per dimension since the previous assessment', async () => {
    const before = await ratedAssessment(t, world, PROFILE, { status: 'consensus' });
    await agree(t, world, before.id, [1, 2, 3, 3]);
    await completeIt(before.id);
    const after = await ratedAssessment(t, world, [[3], [3], [4]], {
      extra: { previousAssessmentId: before.id },
    });
    await agree(t, world, after.id, [3, 3, 4, 2]);
    const res = await results(after.id);
    expect(res.status).toBe(200);
    expect(res.body.previous).toMatchObject({ id: before.id });
    expect(Date.parse(res.body.previous.completedAt)).not.toBeNaN();
    expect(dimension(res.body, 'leadership')).toMatchObject({ score: 3, previousScore: 1.5, change: 1.5 });
    expect(dimension(res.body, 'technology')).toMatchObject({ score: 3, previousScore: 3, change: 0 });
  });

  it('is for managers from the consensus round on; hidden from other institutions', async () => {
    const early = await ratedAssessment(t, world, [[1, 1, 1, 1]], { status: 'individual' });
    const closed = await results(early.id);
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('round-not-reached');
    for (const path of ['results', 'results.csv', 'results.pdf']) {
      const hidden = await call(t, other.admin, 'get', `/api/studio/dgca/assessments/${main.id}/${path}`);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('assessment-not-found');
    }
    const missing = await results(randomUUID());
    expect(missing.status).toBe(404);
  });

  it('reaches participants only once the assessment is completed, and never outsiders', async () => {
    const team = await ratedAssessment(t, world, PROFILE);
    const mine = (as: TestSession) => call(t, as, 'get', `/api/me/assessments/${team.id}/results`);
    const early = await mine(team.raters[0]!);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('results-not-ready');
    const earlyPdf = await call(t, team.raters[0], 'get', `/api/me/assessments/${team.id}/results.pdf`);
    expect(earlyPdf.status).toBe(409);
    await completeIt(team.id);
    const res = await mine(team.raters[1]!);
    expect(res.status).toBe(200);
    expect(res.body).toEqual((await results(team.id)).body);
    for (const stranger of [outsider, world.admin]) {
      const hidden = await mine(stranger);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('assessment-not-found');
    }
    const pdf = await download(t, team.raters[2]!, `/api/me/assessments/${team.id}/results.pdf?language=fr`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(pdf.body)).toContain('Profil de capacités');
    const audit = (await auditActions(t, team.id)).filter((e) => e.action === 'dgca_results.exported');
    expect(audit.map((e) => e.details)).toEqual([expect.objectContaining({ format: 'pdf', language: 'fr' })]);
  });

  it('exports a spreadsheet-safe CSV with a row per dimension and per statement, in the chosen language', async () => {
    await agree(t, world, main.id, [undefined, 2]);
    const csv = await download(t, world.admin, `/api/studio/dgca/assessments/${main.id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="capability-profile-.+\.csv"$/);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      "Scope,Dimension,Statement,Average,Spread (SD),Consensus,Score,Answered,Don't know,Strong disagreement",
      'Dimension,Dimension leadership,,2.14,0.64,2,2,8,1,',
      'Statement,Dimension leadership,leadership statement 1,2,0.71,,,4,0,no',
      'Statement,Dimension leadership,leadership statement 2,2.33,0.47,2,,4,1,no',
      'Dimension,Dimension technology,,3.5,0.5,,3.5,8,0,',
      'Statement,Dimension technology,technology statement 1,3.5,0.5,,,4,0,no',
      "Statement,Dimension technology,'=1+1 is the technology budget,3.5,0.5,,,4,0,no",
    ]);
    const spanish = await download(
      t,
      world.admin,
      `/api/studio/dgca/assessments/${main.id}/results.csv?language=es`,
    );
    expect(spanish.body.toString('utf8')).toContain('Ámbito,Dimensión,Enunciado,Promedio');
    const bad = await call(
      t,
      world.admin,
      'get',
      `/api/studio/dgca/assessments/${main.id}/results.csv?language=de`,
    );
    expect(bad.status).toBe(400);
  });

  it('exports a PDF with the profile, strengths and gaps, and the E-Government context with its source; audited', async () => {
    const pdf = await download(t, world.admin, `/api/studio/dgca/assessments/${main.id}/results.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.body);
    for (const expected of [
      'Capability profile',
      'Profile by dimension',
      'Dimension leadership',
      '2.14',
      'Strengths',
      'Gaps',
      'St. Lucia',
      '0.5255',
      'United Nations E-Government Survey 2024',
      'publicadministration.un.org',
    ])
      expect(text).toContain(expected);
    const spanish = await pdfText(
      (await download(t, world.admin, `/api/studio/dgca/assessments/${main.id}/results.pdf?language=es`))
        .body,
    );
    expect(spanish).toContain('Perfil de capacidades');
    expect(spanish).toContain('2,14');
    const audit = (await auditActions(t, main.id)).filter((e) => e.action === 'dgca_results.exported');
    expect(audit.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ format: 'csv', language: 'en' }),
        expect.objectContaining({ format: 'pdf', language: 'en' }),
        expect.objectContaining({ format: 'pdf', language: 'es' }),
      ]),
    );
  });

  describe('regional profile', () => {
    let versionId = '';
    /** A completed country assessment on the regional version, scored by its consensus per dimension. */
    async function countryResult(
      country: string,
      scores: { leadership: number; technology: number },
      options: { optIn?: boolean; subject?: string; completedAt?: string; status?: string } = {},
    ): Promise<string> {
      const status = options.status ?? 'completed';
      const [row] = (await db.query(
        `INSERT INTO dgca_assessment (version_id, institution_id, subject, country, title, status, completed_at, regional_opt_in)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 'completed' THEN $7::timestamptz END, $8) RETURNING id`,
        [
          versionId,
          world.institutionId,
          options.subject ?? 'country',
          country,
          unique(`Regional ${country}`),
          status,
          options.completedAt ?? new Date().toISOString(),
          options.optIn ?? true,
        ],
      )) as { id: string }[];
      const statements = (await db.query(
        `SELECT s.id, d.key FROM dgca_statement s JOIN dgca_dimension d ON d.id = s.dimension_id
          WHERE d.version_id = $1`,
        [versionId],
      )) as { id: string; key: 'leadership' | 'technology' }[];
      for (const statement of statements)
        await db.query(
          `INSERT INTO dgca_consensus (assessment_id, statement_id, value) VALUES ($1, $2, $3)`,
          [row!.id, statement.id, scores[statement.key]],
        );
      return row!.id;
    }
    const regional = (as: TestSession = world.admin) =>
      call(t, as, 'get', '/api/studio/dgca/regional').query({ versionId });

    beforeAll(async () => {
      versionId = (await publishedVersion(t)).versionId;
    });

    it('withholds scores below three countries, then averages each country’s latest opted-in result, naming none', async () => {
      await countryResult('AG', { leadership: 2, technology: 4 });
      await countryResult('DM', { leadership: 1, technology: 1 }, { completedAt: '2025-01-01T00:00:00Z' });
      await countryResult('DM', { leadership: 3, technology: 2 });
      // Not pooled: opted out, an institution's self-assessment, not completed.
      await countryResult('KN', { leadership: 1, technology: 1 }, { optIn: false });
      await countryResult('VC', { leadership: 1, technology: 1 }, { subject: 'institution' });
      await countryResult('GD', { leadership: 1, technology: 1 }, { status: 'consensus' });
      const two = await regional();
      expect(two.status).toBe(200);
      expect(two.body).toEqual({
        versionId,
        countries: 2,
        withheld: true,
        dimensions: [
          { key: 'leadership', name: 'Dimension leadership', score: null },
          { key: 'technology', name: 'Dimension technology', score: null },
        ],
      });

      await countryResult('BB', { leadership: 4, technology: 3 });
      const three = await regional(other.admin);
      expect(three.status).toBe(200);
      expect(three.body).toMatchObject({ countries: 3, withheld: false });
      expect(three.body.dimensions).toEqual([
        { key: 'leadership', name: 'Dimension leadership', score: 3 },
        { key: 'technology', name: 'Dimension technology', score: 3 },
      ]);
      const text = JSON.stringify(three.body);
      for (const code of ['AG', 'DM', 'BB', 'Regional']) expect(text).not.toContain(code);
    });

    it('answers 404 for a version that does not exist, 400 without one', async () => {
      const missing = await call(t, world.admin, 'get', '/api/studio/dgca/regional').query({
        versionId: randomUUID(),
      });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('version-not-found');
      expect((await call(t, world.admin, 'get', '/api/studio/dgca/regional')).status).toBe(400);
    });
  });

  /**
   * THE ANONYMITY TEST (issue 9): a facilitator must not be able to tie an individual rating,
   * comment or evidence link to a person through any response they are sent.
   */
  describe('anonymity', () => {
    const ODETTE_COMMENT = 'Zebra-striped budget lines, as only Odette would put it';
    const ODETTE_LINK = 'https://example.org/odette-evidence';

    /** Every object in a JSON value, depth first. */
    function objects(value: unknown): Record<string, unknown>[] {
      if (Array.isArray(value)) return value.flatMap(objects);
      if (value && typeof value === 'object')
        return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
      return [];
    }
    const PERSON_KEYS = ['userId', 'participantId', 'email', 'displayName', 'author', 'recordedBy', 'user'];
    const RATING_KEYS = ['value', 'rating', 'ratings', 'comment', 'comments', 'evidenceUrl', 'distribution'];

    it('lets no manager response pair a rating, comment or evidence link with the person who gave it', async () => {
      // Odette rates first, with a pattern nobody else has (4, 1, 4, 1) and a comment and link of her own.
      const team = await ratedAssessment(t, world, [
        [{ value: 4, comment: ODETTE_COMMENT, evidenceUrl: ODETTE_LINK }, 1, 4, 1],
        [{ value: 2, comment: 'Audit found gaps' }, 3, 2, 3],
        [{ value: 2, comment: 'Budget exists on paper' }, 3, 2, 3],
        [3, 2, 3, 2],
      ]);
      await db.query(`UPDATE dgca_assessment SET regional_opt_in = true WHERE id = $1`, [team.id]);
      const people = team.raters;
      const odette = people[0]!;
      const rows = await participantIds(t, team.id);
      await agree(t, world, team.id, [3, 2]);
      const base = `/api/studio/dgca/assessments/${team.id}`;

      const consensus = await call(t, world.admin, 'get', `${base}/consensus`);
      const profile = await results(team.id);
      const csv = (await download(t, world.admin, `${base}/results.csv`)).body.toString('utf8');
      const pdf = await pdfText((await download(t, world.admin, `${base}/results.pdf`)).body);
      const participants = await call(t, world.admin, 'get', `${base}/participants`);
      const assessment = await call(t, world.admin, 'get', base);
      await completeIt(team.id);
      const regional = await call(t, world.admin, 'get', '/api/studio/dgca/regional').query({
        versionId: world.version.versionId,
      });
      const completedProfile = await results(team.id);
      for (const res of [consensus, profile, participants, assessment, regional, completedProfile])
        expect(res.status).toBe(200);

      // 1. The figures are there, as a group's: Odette's comment is in the consensus view…
      const s1 = consensus.body.dimensions[0].statements[0];
      expect(s1.comments.map((c: { text: string }) => c.text)).toEqual([
        'Audit found gaps',
        'Budget exists on paper',
        ODETTE_COMMENT,
      ]);
      // …sorted by text although she wrote first, and with nothing beside it but its link.
      expect(s1.comments[2]).toEqual({ text: ODETTE_COMMENT, evidenceUrl: ODETTE_LINK });
      expect(s1.distribution).toEqual([
        { value: 1, count: 0 },
        { value: 2, count: 2 },
        { value: 3, count: 1 },
        { value: 4, count: 1 },
      ]);

      // 2. No response that carries ratings or comments names, mails or identifies anyone.
      const identities = people.flatMap((p) => [p.userId, p.email, p.displayName]).concat(rows);
      const withRatings: [string, string][] = [
        ['consensus', JSON.stringify(consensus.body)],
        ['results', JSON.stringify(profile.body)],
        ['completed results', JSON.stringify(completedProfile.body)],
        ['regional', JSON.stringify(regional.body)],
        ['csv', csv],
        ['pdf', pdf],
      ];
      for (const [name, text] of withRatings)
        for (const identity of identities)
          expect({ name, found: text.includes(identity) }).toEqual({ name, found: false });
      for (const body of [consensus.body, profile.body, completedProfile.body, regional.body])
        for (const object of objects(body))
          expect(Object.keys(object).filter((key) => PERSON_KEYS.includes(key))).toEqual([]);
      // Group figures hold only counts per level and comments only text and link: no per-person record.
      for (const object of objects(consensus.body.dimensions)) {
        if ('count' in object) expect(Object.keys(object).sort()).toEqual(['count', 'value']);
        if ('evidenceUrl' in object) expect(Object.keys(object).sort()).toEqual(['evidenceUrl', 'text']);
      }

      // 3. The responses that name people carry nothing anyone rated, wrote or linked.
      for (const [name, body] of [
        ['participants', participants.body],
        ['assessment', assessment.body],
      ] as const) {
        const text = JSON.stringify(body);
        expect({ name, comment: text.includes(ODETTE_COMMENT), link: text.includes(ODETTE_LINK) }).toEqual({
          name,
          comment: false,
          link: false,
        });
        for (const object of objects(body))
          expect(Object.keys(object).filter((key) => RATING_KEYS.includes(key))).toEqual([]);
      }
      expect(JSON.stringify(participants.body)).toContain(odette.email);

      // 4. The CSV and PDF carry the group's figures only, never a list of individual ratings.
      expect(csv).not.toContain(ODETTE_COMMENT);
      expect(pdf).not.toContain(ODETTE_COMMENT);
      expect(pdf).not.toContain(ODETTE_LINK);
    });

    it('withholds everything drawn from individual ratings while fewer than three people answered', async () => {
      const SECRET = 'Said by one of only two raters';
      const pair = await ratedAssessment(t, world, [
        [{ value: 4, comment: SECRET, evidenceUrl: 'https://example.org/secret' }, 4, 4, 4],
        [1, 1, 1, 1],
        [undefined, undefined, undefined, undefined],
      ]);
      const base = `/api/studio/dgca/assessments/${pair.id}`;
      const consensus = await call(t, world.admin, 'get', `${base}/consensus`);
      const profile = await results(pair.id);
      const csv = (await download(t, world.admin, `${base}/results.csv`)).body.toString('utf8');
      const pdf = await pdfText((await download(t, world.admin, `${base}/results.pdf`)).body);
      expect(consensus.body).toMatchObject({ raters: 2, withheld: true });
      expect(profile.body).toMatchObject({
        participants: 3,
        raters: 2,
        withheld: true,
        strengths: [],
        gaps: [],
      });
      for (const d of profile.body.dimensions as DimensionBody[])
        expect(d).toMatchObject({ average: null, spread: null, score: null });
      for (const text of [JSON.stringify(consensus.body), JSON.stringify(profile.body), csv, pdf]) {
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain('https://example.org/secret');
        // 4 and 1 averaged: 2.5 would tell each of the two what the other said.
        expect(text).not.toContain('2.5');
      }
      expect(csv).toContain('Dimension,Dimension leadership,,withheld,withheld,,,4,withheld,');
      expect(pdf).toContain('Fewer than three people answered');
    });
  });

  async function completeIt(id: string): Promise<void> {
    const current = await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${id}`);
    const res = await call(t, world.admin, 'post', `/api/studio/dgca/assessments/${id}/status`).send({
      revision: current.body.revision,
      to: 'completed',
    });
    if (res.status !== 200) throw new Error(`complete: ${res.status} ${JSON.stringify(res.body)}`);
  }
});
