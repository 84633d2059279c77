import { signedInUser } from '../learning/signed-in-user';
import { WriteQueue, type SendOutcome } from '../learning/write-queue';
import { saveAnswer, type SaveAnswerRequest } from './quiz-api';

/**
 * Quiz answers wait in the same kind of persistent queue as lesson progress (see write-queue.ts):
 * kept in localStorage per person until the API accepts them, the newest per question replacing an
 * older one, retried with backoff. A reload or a dropped connection in the middle of an attempt loses
 * nothing; the attempt page puts what is still waiting over what the server returned.
 */
export interface AnswerWrite {
  attemptId: string;
  slot: number;
  body: SaveAnswerRequest;
}

export type AnswerQueue = WriteQueue<AnswerWrite>;

export const answerKey = (attemptId: string, slot: number) => `${attemptId}:${slot}`;

const storageKey = (userId: string) => `archipelago.quiz-answers.${userId}`;

/**
 * 422: the response does not fit the question; 409/410: the attempt is closed (submitted, or past its
 * deadline and grace): sending again cannot help. Session and server trouble is worth retrying.
 */
function outcomeOf(status: number, data: unknown): SendOutcome {
  if (data !== undefined && status < 300) return { outcome: 'saved', data };
  if (status === 401 || status === 403 || status === 408 || status === 429 || status >= 500) {
    return { outcome: 'retry' };
  }
  return { outcome: 'rejected' };
}

async function send(write: AnswerWrite, { keepalive }: { keepalive: boolean }): Promise<SendOutcome> {
  try {
    const { status, data } = await saveAnswer(write.attemptId, write.slot, write.body, keepalive);
    return outcomeOf(status, data);
  } catch {
    return { outcome: 'retry' };
  }
}

const queues = new Map<string, AnswerQueue>();

/** The signed-in person's answer queue, created once per page load; it sends what waits at once. */
export function answerQueue(userId: string): AnswerQueue {
  const existing = queues.get(userId);
  if (existing) return existing;
  // Never send one person's answers under the next person's session on a shared computer.
  const sendAsAuthor = (write: AnswerWrite, options: { keepalive: boolean }) =>
    signedInUser() === userId ? send(write, options) : Promise.resolve<SendOutcome>({ outcome: 'retry' });
  const queue = new WriteQueue<AnswerWrite>(storageKey(userId), sendAsAuthor);
  queues.set(userId, queue);
  window.addEventListener('online', () => queue.retryNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') queue.retryNow();
    else queue.flushOnLeave();
  });
  void queue.flush();
  return queue;
}
