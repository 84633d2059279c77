import { useEffect } from 'react';
import { useSession } from '@archipelago/ui';
import { pendingWritesKey, setSignedInUser } from './signed-in-user';

function hasPendingWrites(userId: string): boolean {
  try {
    return window.localStorage.getItem(pendingWritesKey(userId)) !== null;
  } catch {
    return false;
  }
}

/**
 * In the app shell, on every page: keeps the write queue told who is signed in, and when an earlier
 * visit left progress or answers waiting on this device, loads the queue (its own small chunk)
 * so they are sent now rather than the next time a lesson is opened.
 */
export function PendingWrites() {
  const { me } = useSession();
  const userId = me?.user.id ?? null;
  useEffect(() => {
    setSignedInUser(userId);
    if (userId === null || !hasPendingWrites(userId)) return;
    import('./learning-writes').then(
      ({ learningQueue }) => learningQueue(userId).retryNow(),
      // Not reachable now: the queue loads again with the next lesson.
      () => undefined,
    );
  }, [userId]);
  return null;
}
