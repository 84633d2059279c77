import type { Schemas } from '@archipelago/api-client';
import { api } from '../api';
import { pendingWritesKey, signedInUser } from './signed-in-user';
import { WriteQueue, type SendOutcome } from './write-queue';

export type ProgressBody = Schemas['RecordProgressRequest'];
export type ProgressResult = Schemas['RecordProgressResponse'];
export type ReflectionBody = Schemas['SaveReflectionRequest'];

/** A write the reader makes: progress in an activity, or an answer to one of its reflections. */
export type LearningWrite =
  | { kind: 'progress'; slug: string; activityId: string; body: ProgressBody }
  | { kind: 'reflection'; slug: string; activityId: string; reflectionId: string; body: ReflectionBody };

export type LearningQueue = WriteQueue<LearningWrite>;

/**
 * The queue's keys: the latest write per key is kept. Completion has its own key so that a later
 * reading position never replaces a completion that has not reached the API yet.
 */
export const writeKeys = {
  position: (slug: string, activityId: string) => `position:${slug}:${activityId}`,
  completion: (slug: string, activityId: string) => `completion:${slug}:${activityId}`,
  reflection: (slug: string, activityId: string, reflectionId: string) =>
    `reflection:${slug}:${activityId}:${reflectionId}`,
};

/** Retry what might succeed later; drop only what the API refuses for good (invalid, not found). */
function outcomeOf(status: number, data: unknown): SendOutcome {
  if (data !== undefined && status < 300) return { outcome: 'saved', data };
  // 401/403: the session ended or its CSRF token changed; the write waits for the next session.
  if (status === 401 || status === 403 || status === 408 || status === 429 || status >= 500) {
    return { outcome: 'retry' };
  }
  return { outcome: 'rejected' };
}

async function send(write: LearningWrite, { keepalive }: { keepalive: boolean }): Promise<SendOutcome> {
  try {
    if (write.kind === 'progress') {
      const { data, response } = await api.PUT('/api/me/learning/{slug}/activities/{activityId}/progress', {
        params: { path: { slug: write.slug, activityId: write.activityId } },
        body: write.body,
        keepalive,
      });
      return outcomeOf(response.status, data);
    }
    const { data, response } = await api.PUT(
      '/api/me/learning/{slug}/activities/{activityId}/reflections/{reflectionId}',
      {
        params: {
          path: { slug: write.slug, activityId: write.activityId, reflectionId: write.reflectionId },
        },
        body: write.body,
        keepalive,
      },
    );
    return outcomeOf(response.status, data);
  } catch {
    // No connection, or the request was cut off: try again later.
    return { outcome: 'retry' };
  }
}

const queues = new Map<string, LearningQueue>();

/**
 * The signed-in person's queue, created once per page load. It sends what an earlier visit left
 * waiting straight away, and retries at once when the connection or the tab comes back. (The
 * reader sends what is waiting when the page is left, after adding the reading position.)
 */
export function learningQueue(userId: string): LearningQueue {
  const existing = queues.get(userId);
  if (existing) return existing;
  // Someone else signed in on this tab since: keep the writes for their author's next session.
  const sendAsAuthor = (write: LearningWrite, options: { keepalive: boolean }) =>
    signedInUser() === userId ? send(write, options) : Promise.resolve<SendOutcome>({ outcome: 'retry' });
  const queue = new WriteQueue<LearningWrite>(pendingWritesKey(userId), sendAsAuthor);
  queues.set(userId, queue);
  window.addEventListener('online', () => queue.retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') queue.retryNow();
  });
  void queue.flush();
  return queue;
}

/** The device time of a write, which orders retried and late writes on the server. */
export const deviceTime = () => new Date().toISOString();
