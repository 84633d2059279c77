import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AuthContext } from './auth-context.js';
import { EVERYONE, PrincipalChanges } from './principal-changes.js';

/** A safety net only: changes evict entries as they commit (see PrincipalChanges). */
const KEEP_MS = 60_000;
const MAX_ENTRIES = 10_000;

export interface CachedPrincipal {
  auth: AuthContext;
  credentialId: string;
  /** When the credential was last recorded as used, to write last-seen at most every few minutes. */
  lastUsedAt: number;
  /** When the credential expires. */
  expiresAt: number;
}

interface Entry extends CachedPrincipal {
  /** The earlier of the credential's expiry and the end of the keep period. */
  validUntil: number;
}

/**
 * The callers this process has resolved, by credential (a hash of the session or token secret), so
 * that an authenticated request costs no database round trip. An entry goes as soon as anything
 * about its person changes (a notification from the database, see PrincipalChanges) and after a
 * minute in any case. A lookup that raced a change is not stored: `generation` counts evictions.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit, OnApplicationShutdown {
  private readonly entries = new Map<string, Entry>();
  private readonly keysByUser = new Map<string, Set<string>>();
  private evictions = 0;

  constructor(@Inject(PrincipalChanges) private readonly changes: PrincipalChanges) {
    changes.onChange((userId) => (userId === EVERYONE ? this.clear() : this.forget(userId)));
    changes.onLiveChange(() => this.clear());
  }

  async onModuleInit(): Promise<void> {
    await this.changes.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.changes.close();
  }

  /** Read before the database lookup and hand back to put(), which stores only if nothing changed. */
  get generation(): number {
    return this.evictions;
  }

  get(key: string): CachedPrincipal | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.validUntil > Date.now()) return entry;
    this.remove(key, entry.auth.userId);
    return undefined;
  }

  put(key: string, principal: CachedPrincipal, generation: number): void {
    if (!this.changes.live || generation !== this.evictions) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      this.remove(oldestKey, oldest.auth.userId);
    }
    const validUntil = Math.min(principal.expiresAt, Date.now() + KEEP_MS);
    this.entries.set(key, { ...principal, validUntil });
    const { userId } = principal.auth;
    let keys = this.keysByUser.get(userId);
    if (!keys) this.keysByUser.set(userId, (keys = new Set()));
    keys.add(key);
  }

  private forget(userId: string): void {
    this.evictions += 1;
    for (const key of this.keysByUser.get(userId) ?? []) this.entries.delete(key);
    this.keysByUser.delete(userId);
  }

  private clear(): void {
    this.evictions += 1;
    this.entries.clear();
    this.keysByUser.clear();
  }

  private remove(key: string, userId: string): void {
    this.entries.delete(key);
    const keys = this.keysByUser.get(userId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByUser.delete(userId);
  }
}
