import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../../auth/auth-context.js';
import { ProblemException } from '../../common/problem/problem.exception.js';
import { ProblemType } from '../../common/problem/problem-details.js';
import { batchedStatement, type Batcher } from '../../database/batcher.js';
import { attemptWrite, commitFailureCode, readCommitBody, type AttemptWrite } from './cmi-commit.js';
import { FrozenScorms } from './frozen-scorms.service.js';
import { ScormProgress } from './scorm-progress.service.js';
import { APPLY_COMMITS, SESSION_FACTS } from './scorm-queries.js';

/**
 * The answer to a commit. scorm-again 3.4.3's default `xhrResponseHandler` (synchronous XHR) reads
 * a 2xx whose JSON has `result` as that result with its numeric `errorCode` (0 for true, 101 for
 * false when absent), a 2xx without a JSON `result` as success, and any other status as
 * `{ result: 'false', errorCode: 101 }`; LMSCommit / Commit then return that result to the SCO and
 * set its last error. The terminate commit's answer is never read: sendBeacon only says whether
 * the browser queued it.
 */
export interface CommitResult {
  result: 'true' | 'false';
  errorCode: number;
}

/** A session's fixed facts: who it belongs to and what it plays. Set at launch, never changed. */
export interface SessionFacts {
  attemptId: string;
  enrolmentId: string;
  userId: string;
  activityId: string;
  versionId: string;
  scoId: string;
  baseSeconds: number;
}

interface CommitItem {
  sessionId: string;
  sequence: number;
  write: AttemptWrite;
  final: boolean;
}

const MAX_SESSIONS = 20000;
const BATCH_SIZE = 100;

const notFound = (sessionId: string) =>
  new ProblemException({
    status: 404,
    type: ProblemType.NotFound,
    detail: `You have no SCORM session ${sessionId}.`,
  });

/**
 * The commit endpoint's work (ADR 0016): scorm-again posts the SCO's CMI here on every commit and
 * on terminate. A commit costs one statement — batched with whatever other commits arrive in the
 * same turn of the event loop — once its session's facts are in memory (read once per session and
 * process). The organization is evaluated again only when a commit changed the SCO's status or
 * closed the session, and only until the activity is completed.
 */
@Injectable()
export class ScormCommits {
  private readonly logger = new Logger(ScormCommits.name);
  private readonly sessions = new Map<string, SessionFacts>();
  /** Per session: the status last evaluated, so an unchanged one is not evaluated again. */
  private readonly evaluated = new Map<string, string>();
  /** Enrolment and activity pairs completed already: completion is never undone. */
  private readonly completed = new Set<string>();
  private readonly closeWaiters = new Map<string, (() => void)[]>();
  private readonly apply: Batcher<CommitItem, { applied: boolean } | undefined>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scorms: FrozenScorms,
    private readonly progress: ScormProgress,
  ) {
    this.apply = batchedStatement<CommitItem, { applied: boolean }>(db, {
      name: 'scorm-apply-commits',
      text: APPLY_COMMITS,
      parameters: ({ sessionId, sequence, write, final }) => [
        sessionId,
        sequence,
        JSON.stringify({ ...write.cmi, suspend_data: undefined }),
        write.completion,
        write.success,
        write.scoreScaled,
        write.sessionSeconds,
        write.suspended,
        write.ended,
        final,
        typeof write.cmi.suspend_data === 'string' ? write.cmi.suspend_data : null,
      ],
      keyOf: (item) => item.sessionId,
      concurrency: 4,
      maxSize: BATCH_SIZE,
    });
  }

  /** A launch opened this session: its facts are known without a read. */
  remember(sessionId: string, facts: SessionFacts): void {
    if (this.sessions.size >= MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value as string;
      this.sessions.delete(oldest);
      this.evaluated.delete(oldest);
    }
    this.sessions.set(sessionId, facts);
  }

  /** The session was replaced by a new launch of its attempt. */
  forget(sessionId: string): void {
    this.sessions.delete(sessionId);
    this.evaluated.delete(sessionId);
  }

  async commit(
    sessionId: string,
    rawBody: unknown,
    final: boolean,
    auth: AuthContext,
  ): Promise<CommitResult> {
    const facts = await this.facts(sessionId);
    // Someone else's session, or none: the same 404, so session ids reveal nothing.
    if (!facts || facts.userId !== auth.userId) throw notFound(sessionId);
    const body = readCommitBody(rawBody);
    if (typeof body === 'string') {
      throw new ProblemException({ status: 400, type: ProblemType.BadRequest, detail: body });
    }
    const plan = await this.scorms.get(facts.versionId, facts.activityId);
    const rules = plan?.rules.get(facts.scoId);
    if (!plan || !rules) throw notFound(sessionId);
    const write = attemptWrite(body, { is2004: plan.is2004, rules, final, baseSeconds: facts.baseSeconds });
    if ('refused' in write) return { result: 'false', errorCode: commitFailureCode(plan.is2004) };

    const applied = (await this.apply.submit({ sessionId, sequence: body.commitSequence, write, final }))
      ?.applied;
    if (final) this.wake(sessionId);
    // A duplicate, a stale commit or one after the session closed: true, and nothing changed.
    if (!applied) return { result: 'true', errorCode: 0 };

    const status = `${write.completion}|${write.success}|${write.scoreScaled}|${write.ended}`;
    const pair = `${facts.enrolmentId}:${facts.activityId}`;
    if (!this.completed.has(pair) && (final || this.evaluated.get(sessionId) !== status)) {
      try {
        if (await this.progress.settle(plan, facts.enrolmentId)) this.rememberCompleted(pair);
        this.evaluated.set(sessionId, status);
      } catch (error) {
        // The commit is stored; the next commit, launch or player view evaluates again.
        this.logger.error(error, 'SCORM progress evaluation failed after a commit');
      }
    }
    return { result: 'true', errorCode: 0 };
  }

  /**
   * Waits until the session's final commit has been applied here, or `ms` pass: the player asks
   * for the next SCO right after Terminate, while the final commit may still be on its way by
   * sendBeacon. Answers whether it was woken (the caller reads the database either way).
   */
  waitForClose(sessionId: string, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiters = this.closeWaiters.get(sessionId) ?? [];
      const timer = setTimeout(() => {
        const left = (this.closeWaiters.get(sessionId) ?? []).filter((w) => w !== wake);
        if (left.length === 0) this.closeWaiters.delete(sessionId);
        else this.closeWaiters.set(sessionId, left);
        resolve(false);
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      waiters.push(wake);
      this.closeWaiters.set(sessionId, waiters);
    });
  }

  /** The activity was completed (by a launch or view that evaluated): commits need not evaluate. */
  markCompleted(enrolmentId: string, activityId: string): void {
    this.rememberCompleted(`${enrolmentId}:${activityId}`);
  }

  private rememberCompleted(pair: string): void {
    if (this.completed.size >= MAX_SESSIONS) this.completed.clear();
    this.completed.add(pair);
  }

  private wake(sessionId: string): void {
    const waiters = this.closeWaiters.get(sessionId);
    if (!waiters) return;
    this.closeWaiters.delete(sessionId);
    for (const wake of waiters) wake();
  }

  private async facts(sessionId: string): Promise<SessionFacts | null> {
    const known = this.sessions.get(sessionId);
    if (known) return known;
    const [row] = (await this.db.query(SESSION_FACTS, [sessionId])) as SessionFacts[];
    if (!row) return null;
    this.remember(sessionId, row);
    return row;
  }
}
