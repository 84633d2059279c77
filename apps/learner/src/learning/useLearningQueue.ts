import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useSession } from '@archipelago/ui';
import { learningQueue, type LearningQueue } from './learning-writes';
import { setSignedInUser } from './signed-in-user';
import type { QueueHealth } from './write-queue';

const IDLE: QueueHealth = { pending: 0, failing: false };

/** The signed-in person's write queue; undefined while nobody is signed in. */
export function useLearningQueue(): LearningQueue | undefined {
  const { me } = useSession();
  const userId = me?.user.id;
  return useMemo(() => {
    if (!userId) return undefined;
    // The shell's <PendingWrites> says the same after this render; the queue may send straight away.
    setSignedInUser(userId);
    return learningQueue(userId);
  }, [userId]);
}

/** How many writes are waiting and whether the connection is failing, kept up to date. */
export function useQueueHealth(queue: LearningQueue | undefined): QueueHealth {
  const subscribe = useCallback(
    (onChange: () => void) => queue?.subscribeHealth(onChange) ?? (() => undefined),
    [queue],
  );
  return useSyncExternalStore(subscribe, () => queue?.state ?? IDLE);
}

/**
 * Sends what is waiting before a page reads progress, so it shows what the learner did; gives up
 * after a moment on a bad connection (the page then shows what the API has).
 */
export function sendPendingFirst(queue: LearningQueue | undefined): Promise<void> {
  if (!queue || queue.state.pending === 0) return Promise.resolve();
  return Promise.race([queue.flush(), new Promise<void>((done) => setTimeout(done, 2500))]);
}
