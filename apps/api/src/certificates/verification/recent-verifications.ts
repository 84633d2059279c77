import { Injectable } from '@nestjs/common';

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/**
 * What the verification route read for a code in the last second, so a code checked by many
 * people at once (a certificate shared on a profile, a QR scanned by a hall) costs one query a
 * second, not one per request, and concurrent checks share one query. This process forgets a code
 * the moment it changes one (revoke, re-issue, approve, decline); another replica sees the change
 * within the second. Bounded: past `maxCodes` the oldest entries go first.
 */
@Injectable()
export class RecentVerifications {
  private readonly entries = new Map<string, Entry<unknown>>();

  readonly ttlMs = 1000;
  readonly maxCodes = 20_000;

  get<T>(code: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const known = this.entries.get(code);
    if (known && now - known.at < this.ttlMs) return known.value as Promise<T>;
    const value = load();
    // A failed read is not remembered: the next request tries again.
    value.catch(() => this.entries.get(code)?.value === value && this.entries.delete(code));
    this.entries.delete(code); // re-inserted last, so Map order stays oldest first
    this.entries.set(code, { at: now, value });
    if (this.entries.size > this.maxCodes) this.trim(now);
    return value;
  }

  forget(code: string): void {
    this.entries.delete(code);
  }

  private trim(now: number): void {
    for (const [code, entry] of this.entries) {
      if (this.entries.size <= this.maxCodes && now - entry.at < this.ttlMs) break;
      this.entries.delete(code);
    }
  }
}
