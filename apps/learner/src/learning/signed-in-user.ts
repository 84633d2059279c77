/**
 * Who is signed in, for the write queue, which outlives pages and sign-outs: one person's waiting
 * progress and answers are only ever sent while that person is the one signed in, never under the
 * next person's session on a shared computer. Kept up to date by <PendingWrites> in the app shell.
 */
let current: string | null = null;

export const signedInUser = (): string | null => current;

export function setSignedInUser(userId: string | null): void {
  current = userId;
}

/** Where a person's waiting writes are kept on this device. */
export const pendingWritesKey = (userId: string) => `archipelago.pending-writes.${userId}`;
