/** What a bucket answered: go ahead, or wait this long. */
export type Take = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Per-key token buckets in this process's memory: a burst of `capacity`, then `perSecond`.
 * Deliberately not in the database (as the sign-in limits are): the public verification route
 * must answer thousands of requests a second, and a per-replica limit is enough against
 * someone walking through codes. Keys idle long enough to be full again are forgotten.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillMs: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {
    this.refillMs = (capacity / perSecond) * 1000;
  }

  take(key: string): Take {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket
      ? Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond)
      : this.capacity;
    if (tokens < 1) {
      if (bucket) Object.assign(bucket, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perSecond)) };
    }
    if (bucket) Object.assign(bucket, { tokens: tokens - 1, at: now });
    else {
      if (this.buckets.size >= this.maxKeys) this.forgetFull(now);
      this.buckets.set(key, { tokens: tokens - 1, at: now });
    }
    return { allowed: true };
  }

  get size(): number {
    return this.buckets.size;
  }

  private forgetFull(now: number): void {
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= this.refillMs) this.buckets.delete(key);
    // Still full of active keys (a flood from many addresses): start afresh rather than grow.
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}
