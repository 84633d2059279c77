import { useMemo, useSyncExternalStore } from 'react';
import { useSession } from '@archipelago/ui';
import { learningQueue, type LearningQueue } from './learning-writes';
import type { QueueHealth } from './write-queue';

const IDLE: QueueHealth = { pending: 0, failing: false };

/** The signed-in person's write queue; undefined while nobody is signed in. */
export function useLearningQueue(): LearningQueue | undefined {
  const { me } = useSession();
  const userId = me?.user.id;
  return useMemo(() => (userId ? learningQueue(userId) : undefined), [userId]);
}

/** How many writes are waiting and whether the connection is failing, kept up to date. */
export function useQueueHealth(queue: LearningQueue | undefined): QueueHealth {
  return useSyncExternalStore(
    (onChange) => queue?.subscribeHealth(onChange) ?? (() => undefined),
    () => queue?.state ?? IDLE,
  );
}
