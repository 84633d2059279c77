import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { disagreement, meanAndSpread } from '../src/dgca/results/statistics.js';
import { auditActions } from './admin-fixtures.js';
import { dgcaWorld, publishedVersion, type DgcaWorld } from './dgca-assessments-fixtures.js';
import { agree, ratedAssessment, type RatedAssessment } from './dgca-results-fixtures.js';
import { call, type TestSession } from './sessions-for-tests.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The DGCA consensus round (issue 9): the facilitator's anonymous view of the individual ratings
 * and the agreed rating they record. Assessments are taken through the API, each in an
 * institution and framework version of this file's own (scale 1–4, 2 dimensions × 2 statements).
 */
interface StatementBody {
  statementId: string;
  answered: number;
  dontKnow: number;
  withheld: boolean;
  distribution: { value: number; count: number }[];
  mean: number | null;
  spread: number | null;
  disagreement: boolean;
  comments: { text: string; evidenceUrl: string | null }[];
  consensus: { value: number | null; dontKnow: boolean; notes: string; recordedAt: string } | null;
}

describe('DGCA consensus round', () => {
  let t: TestApp;
  let world: DgcaWorld;
  let other: DgcaWorld;
  let main: RatedAssessment;

  const consensusOf = (id: string, as: TestSession = world.admin) =>
    call(t, as, 'get', `/api/studio/dgca/assessments/${id}/consensus`);
  const statements = (body: { dimensions: { statements: StatementBody[] }[] }) =>
    body.dimensions.flatMap((dimension) => dimension.statements);
  const record = (id: string, statementId: string, body: object, as: TestSession = world.admin) =>
    call(t, as, 'put', `/api/studio/dgca/assessments/${id}/consensus/${statementId}`).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    world = await dgcaWorld(t, 'consensus');
    other = await dgcaWorld(t, 'consensus-other');
    main = await ratedAssessment(t, world, [
      [{ value: 1, comment: 'Budget approved in 2025', evidenceUrl: 'https://example.org/budget' }, 2, 3, 4],
      [4, 2, 3, undefined],
      [{ value: 2, comment: 'A strategy exists' }, 3, 3, undefined],
      [{ value: 3, evidenceUrl: 'https://example.org/only-a-link' }, null, 3, 4],
    ]);
  });
  afterAll(() => t.close());

  it('shows each statement as an anonymous distribution over every level, with mean, spread and disagreement', async () => {
    const res = await consensusOf(main.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'consensus', raters: 4, withheld: false });
    expect(res.body.scale.map((level: { value: number }) => level.value)).toEqual([1, 2, 3, 4]);
    expect(res.body.dimensions.map((d: { key: string }) => d.key)).toEqual(['leadership', 'technology']);
    const [s1, s2, s3] = statements(res.body);
    // Ratings 1, 4, 2, 3: both ends of the scale are present.
    expect(s1).toMatchObject({
      statementId: world.version.statementIds[0],
      answered: 4,
      dontKnow: 0,
      withheld: false,
      distribution: [
        { value: 1, count: 1 },
        { value: 2, count: 1 },
        { value: 3, count: 1 },
        { value: 4, count: 1 },
      ],
      mean: 2.5,
      spread: 1.12,
      disagreement: true,
      consensus: null,
    });
    // 2, 2, 3 and a "don't know": zeros are listed, "don't know" is counted apart and left out of the mean.
    expect(s2).toMatchObject({
      answered: 4,
      dontKnow: 1,
      distribution: [
        { value: 1, count: 0 },
        { value: 2, count: 2 },
        { value: 3, count: 1 },
        { value: 4, count: 0 },
      ],
      mean: 2.33,
      spread: 0.47,
      disagreement: false,
      comments: [],
    });
    expect(s3).toMatchObject({ mean: 3, spread: 0, disagreement: false });
  });

  it('flags disagreement from a spread of a quarter of the scale, or ratings at both ends, with two ratings or more', () => {
    const counts = (...values: number[]) =>
      [1, 2, 3, 4].map((value) => ({ value, count: values.filter((v) => v === value).length }));
    // Scale 1–4: a quarter of the range is 0.75.
    expect(meanAndSpread(counts(1, 1, 3, 3))).toEqual({ mean: 2, spread: 1 });
    expect(disagreement(counts(1, 1, 3, 3), 1, 4)).toBe(true);
    expect(meanAndSpread(counts(2, 3)).spread).toBe(0.5);
    expect(disagreement(counts(2, 3), 1, 4)).toBe(false);
    expect(disagreement(counts(1, 2, 2, 2, 2, 2, 2, 2, 2, 4), 1, 4)).toBe(true);
    expect(disagreement(counts(4), 1, 4)).toBe(false);
    expect(meanAndSpread(counts())).toEqual({ mean: null, spread: null });
  });

  it('lists comments and evidence links by their text, never by author or time', async () => {
    const [s1] = statements((await consensusOf(main.id)).body);
    // Written in the order "Budget…", "A strategy…", link only: listed by text.
    expect(s1!.comments).toEqual([
      { text: '', evidenceUrl: 'https://example.org/only-a-link' },
      { text: 'A strategy exists', evidenceUrl: null },
      { text: 'Budget approved in 2025', evidenceUrl: 'https://example.org/budget' },
    ]);
  });

  it('withholds a statement that fewer than three people answered, even when the round has enough raters', async () => {
    const [, , , s4] = statements((await consensusOf(main.id)).body);
    // Two people rated it 4: showing that would tell the facilitator what both of them said.
    expect(s4).toMatchObject({
      answered: 2,
      dontKnow: 0,
      withheld: true,
      mean: null,
      spread: null,
      disagreement: false,
      comments: [],
    });
    expect(s4!.distribution.every((level) => level.count === 0)).toBe(true);
  });

  it('withholds every figure and comment while fewer than three participants have answered', async () => {
    const two = await ratedAssessment(t, world, [
      [{ value: 1, comment: 'Said by one of two' }, 1, 1, 1],
      [4, 4, 4, 4],
      [undefined, undefined, undefined, undefined],
    ]);
    const res = await consensusOf(two.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ raters: 2, withheld: true });
    for (const statement of statements(res.body)) {
      expect(statement).toMatchObject({
        answered: 2,
        withheld: true,
        mean: null,
        spread: null,
        comments: [],
      });
      expect(statement.disagreement).toBe(false);
      expect(statement.distribution.map((level) => level.count)).toEqual([0, 0, 0, 0]);
    }
    expect(JSON.stringify(res.body)).not.toContain('Said by one of two');
    // The agreed rating is the group's: it is still recorded and shown.
    const saved = await record(two.id, world.version.statementIds[0]!, { value: 2, notes: 'Agreed' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      withheld: true,
      consensus: { value: 2, dontKnow: false, notes: 'Agreed' },
    });
  });

  it('records the agreed rating or "don\'t know" with notes, replaces it, and audits it', async () => {
    const [first, second] = world.version.statementIds;
    const saved = await record(main.id, first!, { value: 3, notes: '  Budget line exists, not spent  ' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      statementId: first,
      mean: 2.5,
      consensus: { value: 3, dontKnow: false, notes: 'Budget line exists, not spent' },
    });
    expect(Date.parse(saved.body.consensus.recordedAt)).not.toBeNaN();
    const replaced = await record(main.id, first!, { dontKnow: true });
    expect(replaced.body.consensus).toMatchObject({ value: null, dontKnow: true, notes: '' });
    await record(main.id, second!, { value: 2 });
    const view = statements((await consensusOf(main.id)).body);
    expect(view[0]!.consensus).toMatchObject({ value: null, dontKnow: true });
    expect(view[1]!.consensus).toMatchObject({ value: 2, dontKnow: false });
    const audit = (await auditActions(t, main.id)).filter((e) => e.action === 'dgca_consensus.recorded');
    expect(audit.map((e) => e.details)).toEqual([
      expect.objectContaining({ statementId: first, dimensionKey: 'leadership', value: 3, dontKnow: false }),
      expect.objectContaining({ statementId: first, value: null, dontKnow: true }),
      expect.objectContaining({ statementId: second, value: 2 }),
    ]);
  });

  it('refuses a consensus with neither or both of value and dontKnow, or off the scale, naming the levels', async () => {
    const statementId = world.version.statementIds[2]!;
    for (const body of [{}, { notes: 'Only notes' }, { value: 2, dontKnow: true }, { value: null }]) {
      const res = await record(main.id, statementId, body);
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('consensus-choice');
    }
    const off = await record(main.id, statementId, { value: 5 });
    expect(off.status).toBe(422);
    expect(off.body).toMatchObject({ code: 'rating-out-of-scale', allowed: [1, 2, 3, 4] });
    expect(off.body.detail).toContain('1, 2, 3, 4');
    // Malformed fields are refused by validation (400), naming the field.
    for (const [body, field] of [
      [{ value: 2.5 }, 'value'],
      [{ value: '3' }, 'value'],
      [{ dontKnow: 'yes' }, 'dontKnow'],
      [{ value: 2, notes: 'x'.repeat(4001) }, 'notes'],
    ] as const) {
      const res = await record(main.id, statementId, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const unchanged = statements((await consensusOf(main.id)).body)[2]!;
    expect(unchanged.consensus).toBeNull();
  });

  it("answers 404 for a statement of another framework version, and for another institution's admin", async () => {
    const elsewhere = await publishedVersion(t);
    const foreign = await record(main.id, elsewhere.statementIds[0]!, { value: 2 });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('statement-not-found');
    const hidden = await consensusOf(main.id, other.admin);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('assessment-not-found');
    const write = await record(main.id, world.version.statementIds[0]!, { value: 1 }, other.admin);
    expect(write.status).toBe(404);
    expect(write.body.code).toBe('assessment-not-found');
  });

  it('is closed before the consensus round and final once the assessment is completed', async () => {
    const early = await ratedAssessment(t, world, [[1, 1, 1, 1]], { status: 'individual' });
    const view = await consensusOf(early.id);
    expect(view.status).toBe(409);
    expect(view.body.code).toBe('round-not-reached');
    const write = await record(early.id, world.version.statementIds[0]!, { value: 1 });
    expect(write.status).toBe(409);
    expect(write.body.code).toBe('round-not-reached');

    const done = await ratedAssessment(t, world, [[1, 2, 3, 4]], { status: 'consensus' });
    await agree(t, world, done.id, [2]);
    const revision = (await call(t, world.admin, 'get', `/api/studio/dgca/assessments/${done.id}`)).body
      .revision;
    const completed = await call(
      t,
      world.admin,
      'post',
      `/api/studio/dgca/assessments/${done.id}/status`,
    ).send({
      revision,
      to: 'completed',
    });
    expect(completed.status).toBe(200);
    const closed = await record(done.id, world.version.statementIds[0]!, { value: 4 });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('assessment-completed');
    // Still readable, with what was agreed.
    const after = await consensusOf(done.id);
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('completed');
    expect(statements(after.body)[0]!.consensus).toMatchObject({ value: 2 });
  });

  it('is not for participants: the Studio route refuses anyone who is not an admin', async () => {
    const res = await consensusOf(main.id, main.raters[0]);
    expect(res.status).toBe(403);
  });
});
