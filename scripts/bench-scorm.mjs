// The SCORM budgets, for `pnpm bench` (scripts/bench.mjs), on a seeded API started for them:
//   - import: a 200 MB package of 5,000 files (scripts/lib/scorm-bench-packages.mjs) is uploaded,
//     timed, while the API's resident memory is sampled every 20 ms: the import streams to disk,
//     so its peak must stay far below the package's size;
//   - commits: the demo trainer publishes a one-SCO SCORM 2004 package; LEARNERS learners sign up,
//     enrol and launch it (POST …/navigation start), each getting a runtime session; then 32
//     connections post the commits a SCO makes as it runs — scorm-again's JSON with a 10 KB
//     suspend_data, location, session_time, statuses, score and three interactions, each session's
//     commitSequence increasing — three in four as application/json (the player's sync XHR), one in
//     four as text/plain (sendBeacon on unload). Afterwards every session's attempt is read back
//     through the trainer's route: it must hold at least the newest commit that was answered, and
//     exactly what that commit sent (none lost, none mixed).
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inParallel, newLearner, session, TRAINER } from './lib/bench-people.mjs';
import { bigPackage, BIG, smallPackage } from './lib/scorm-bench-packages.mjs';
import {
  createScormCourse,
  publishCourse,
  scormLearnerDetail,
  scormLearners,
  uploadPackage,
} from './lib/scorm-setup.mjs';

const LEARNERS = Number(process.env.SCORM_BENCH_LEARNERS ?? 500);
const COMMIT_SECONDS = Number(process.env.SCORM_BENCH_SECONDS ?? 20);
const COMMIT_ROUTE = '/api/scorm/sessions/:sessionId/commits';

/** 10,240 characters, as a SCO that keeps its state in suspend_data would send each time. */
const SUSPEND = randomBytes(7680).toString('base64');

const interaction = (n, seq) => ({
  id: `urn:bench:question-${n}`,
  type: 'choice',
  objectives: {},
  timestamp: new Date(Date.UTC(2026, 10, 30, 8, 0, seq % 60)).toISOString().slice(0, 19),
  weighting: '1',
  learner_response: ['a', 'b', 'c', 'd'][(seq + n) % 4],
  result: (seq + n) % 4 === 0 ? 'correct' : 'incorrect',
  latency: 'PT12S',
  description: `Question ${n + 1}`,
  correct_responses: { 0: { pattern: 'a' } },
});

/**
 * A commit as scorm-again 3.4.3 sends it for SCORM 2004 (`dataCommitFormat: 'json'`,
 * `includeCommitSequence: true`): its whole cmi rendering, read-only fields included. The
 * location and suspend_data name the sequence, so what is stored shows which commit it came from.
 */
export const commitBody = (seq) => ({
  cmi: {
    comments_from_learner: {},
    comments_from_lms: {},
    completion_status: 'incomplete',
    completion_threshold: '',
    credit: 'credit',
    entry: 'ab-initio',
    exit: 'suspend',
    interactions: { 0: interaction(0, seq), 1: interaction(1, seq), 2: interaction(2, seq) },
    launch_data: '',
    learner_id: '',
    learner_name: '',
    learner_preference: { audio_level: '1', language: '', delivery_speed: '1', audio_captioning: '0' },
    location: `page-${seq}`,
    max_time_allowed: '',
    mode: 'normal',
    objectives: {},
    progress_measure: String(Math.min(0.9, (seq % 90) / 100)),
    scaled_passing_score: '',
    score: { scaled: '0.6', raw: '60', min: '0', max: '100' },
    session_time: `PT${seq}S`,
    success_status: 'unknown',
    // About 10 KB, its length varying with the sequence so the report's length tells commits apart.
    suspend_data: `${seq}|${SUSPEND.slice(seq % 97)}`,
    time_limit_action: 'continue,no message',
    total_time: `PT${seq}S`,
  },
  adl: { nav: { request: '_none_' } },
  commitSequence: seq,
});

const rssMb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** Reads back every learner's attempt and compares it with the commits sent and answered. */
async function verifyCommits(trainer, activityId, sessions) {
  const rows = new Map((await scormLearners(trainer, activityId)).map((row) => [row.userId, row]));
  const result = { checked: 0, lost: 0, mixed: 0, missing: 0 };
  await inParallel(sessions, 8, async (s) => {
    const row = rows.get(s.userId);
    if (!row) {
      result.missing += 1;
      return;
    }
    const detail = await scormLearnerDetail(trainer, activityId, row.enrolmentId);
    const attempt = detail.scos[0]?.attempts.at(-1);
    const seq = Number(/^page-(\d+)$/.exec(attempt?.location ?? '')?.[1] ?? 0);
    result.checked += 1;
    if (seq < s.acked) result.lost += 1;
    // The report gives suspend_data's length: it must be that of the commit the location came from.
    else if (seq > 0 && attempt.suspendDataLength !== commitBody(seq).cmi.suspend_data.length)
      result.mixed += 1;
  });
  return result;
}

/** Uploads the 200 MB package of 5,000 files, timing it and sampling the API's resident memory. */
export async function measureImport(base, trainer, apiPid) {
  const big = await bigPackage();
  const course = await createScormCourse(trainer, 'Benchmark SCORM import', ['Big package']);
  const baseline = rssMb(apiPid);
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(apiPid));
  }, 20);
  const started = performance.now();
  const imported = await uploadPackage(base, trainer, course.activityIds[0], big);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(apiPid));
  return {
    status: imported.status,
    detail: imported.status === 201 ? '' : JSON.stringify(imported.body).slice(0, 300),
    fileCount: imported.body?.fileCount,
    zipMb: statSync(big).size / 2 ** 20,
    files: BIG.files,
    seconds,
    baselineMb: baseline,
    peakMb: peak,
  };
}

/** LEARNERS launched sessions of a one-SCO package, then 32 connections of commits into them. */
export async function measureCommits(base, trainer, serverTimes) {
  const folder = mkdtempSync(join(tmpdir(), 'archipelago-bench-scorm-'));
  try {
    const course = await createScormCourse(trainer, 'Benchmark SCORM commits', ['Benchmark SCO']);
    const activityId = course.activityIds[0];
    const uploaded = await uploadPackage(base, trainer, activityId, await smallPackage(folder));
    if (uploaded.status !== 201)
      throw new Error(`package refused: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
    await publishCourse(trainer, course.id, 'Benchmark');
    const sessions = await inParallel(
      Array.from({ length: LEARNERS }, (_, i) => i),
      4,
      async (i) => {
        const person = await newLearner(base, 'bench-scorm', i);
        const me = await person.call('GET', '/api/me');
        await person.call('POST', `/api/courses/${course.slug}/enrolment`);
        const started = await person.call(
          'POST',
          `/api/me/learning/${course.slug}/scorm/${activityId}/navigation`,
          { request: 'start' },
        );
        if (!started.delivery) throw new Error(`no delivery for learner ${i}: ${JSON.stringify(started)}`);
        return {
          cookie: person.cookie,
          userId: me.user.id,
          sessionId: started.delivery.sessionId,
          commitUrl: started.delivery.commitUrl,
          sent: 0,
          acked: 0,
        };
      },
    );

    let n = 0;
    const refused = { count: 0, sample: '' };
    const commitRequest = {
      method: 'POST',
      setupRequest: (request, context) => {
        n += 1;
        const s = sessions[n % sessions.length];
        s.sent += 1;
        context.pending = { s, seq: s.sent };
        const beacon = n % 4 === 0;
        return {
          ...request,
          path: s.commitUrl,
          headers: {
            ...request.headers,
            cookie: s.cookie,
            'content-type': beacon ? 'text/plain;charset=UTF-8' : 'application/json',
          },
          body: JSON.stringify(commitBody(s.sent)),
        };
      },
      onResponse: (status, body, context) => {
        const { s, seq } = context.pending ?? {};
        if (status === 200 && /"result":\s*"true"/.test(body)) {
          if (s && seq > s.acked) s.acked = seq;
        } else {
          refused.count += 1;
          refused.sample ||= `${status} ${String(body).slice(0, 200)}`;
        }
      },
    };
    const options = { url: base, connections: 32, requests: [commitRequest] };
    // The machine's load before and after says whether the figures were measured on a quiet
    // machine: the run itself (API, PostgreSQL, load generator) keeps about three processes busy.
    const loadBefore = loadavg()[0];
    await autocannon({ ...options, duration: 3 }); // warm-up: JIT and pool
    const commits = await serverTimes('POST', COMMIT_ROUTE, () =>
      autocannon({ ...options, duration: COMMIT_SECONDS }),
    );
    const loadAverage = { before: loadBefore, after: loadavg()[0] };
    const verified = await verifyCommits(trainer, activityId, sessions);
    return { learners: sessions.length, ...commits, refused, verified, loadAverage };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function measureScorm(port, serverTimes, apiPid) {
  const base = `http://127.0.0.1:${port}`;
  const trainer = await session(base, TRAINER);
  // The import first, on a freshly started API, as after a deploy; then the commit load.
  const imported = await measureImport(base, trainer, apiPid);
  const commits = await measureCommits(base, trainer, serverTimes);
  return { learners: commits.learners, commits, import: imported };
}

/** The SCORM rows of the benchmark's table. */
export function scormRows(scorm) {
  const { commits, import: imported } = scorm;
  const v = commits.verified;
  return [
    [
      `POST /api/scorm/sessions/:id/commits (${scorm.learners} launched sessions, 10 KB suspend_data, JSON and beacon bodies), 32 connections: commits/s (mean)`,
      commits.result.requests.average.toFixed(0),
      '≥ 1,000',
    ],
    [
      'SCORM commits: latency p99, in the API / at the load generator',
      `${commits.p99} ms / ${commits.result.latency.p99} ms`,
      '< 50 ms',
    ],
    [
      'SCORM commits: errors / non-2xx / answered false',
      `${commits.result.errors} / ${commits.result.non2xx} / ${commits.refused.count}`,
      '0 / 0 / 0',
    ],
    [
      'SCORM commits: sessions checked / newest answered commit lost / data mixed from two commits / learners missing from the report',
      `${v.checked} / ${v.lost} / ${v.mixed} / ${v.missing}`,
      `${scorm.learners} / 0 / 0 / 0`,
    ],
    [
      'SCORM commits: load average of the machine (1 min) before / at the end of the run',
      `${commits.loadAverage.before.toFixed(1)} / ${commits.loadAverage.after.toFixed(1)} on ${cpus().length} cores`,
      'noted',
    ],
    [
      `Import of a ${imported.zipMb.toFixed(0)} MB package of ${imported.files.toLocaleString('en')} files: time (answer)`,
      `${imported.seconds.toFixed(1)} s (${imported.status}${imported.detail ? ` ${imported.detail}` : ''})`,
      'noted',
    ],
    [
      'API resident memory while importing it: peak (before)',
      `${imported.peakMb.toFixed(0)} MB (${imported.baselineMb.toFixed(0)} MB)`,
      '< 300 MB',
    ],
  ];
}
