/**
 * A small, persistent queue for the reader's writes (progress and reflection answers), so that
 * nothing a learner does is lost on a flaky connection.
 *
 * - One entry per key: a newer write for the same key replaces the one still waiting. The API's
 *   writes are idempotent and ordered by the device time `at` in the body, so sending only the
 *   latest, sending it twice, or sending it late is always safe.
 * - Entries live in localStorage (per person, so a shared office PC never sends one person's
 *   answers as another's) until the API accepts them; a reload or a crash loses nothing.
 * - A failed send is retried with exponential backoff; coming back online or to the tab retries at
 *   once; when the page is hidden or left, what is waiting is sent with `keepalive`.
 * - localStorage is read on every operation rather than cached, so two tabs share one queue.
 */

/** What a send came to: accepted, worth retrying later, or refused for good (bad request, 404). */
export type SendOutcome =
  { outcome: 'saved'; data: unknown } | { outcome: 'retry' } | { outcome: 'rejected' };

/** Where a key's latest write stands, for the page that made it. */
export type WriteStatus = 'pending' | 'saved' | 'rejected';

export interface QueueHealth {
  /** Writes waiting to reach the API. */
  pending: number;
  /** The last attempt failed: the connection is down or unstable. */
  failing: boolean;
}

interface Entry<W> {
  key: string;
  /** Tells this entry from a newer write for the same key made while it was being sent. */
  id: string;
  write: W;
}

type KeyListener = (status: WriteStatus, data?: unknown) => void;
type HealthListener = (health: QueueHealth) => void;

/** Seconds before each retry; the last one repeats. Short at first: most drops are brief. */
const BACKOFF_SECONDS = [1, 2, 4, 8, 15, 30];

let counter = 0;
const newId = () => `${Date.now().toString(36)}-${(counter += 1)}-${Math.random().toString(36).slice(2, 8)}`;

export class WriteQueue<W> {
  private memory: Entry<W>[] = [];
  private storageWorks = true;
  private flushing: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly keyListeners = new Map<string, Set<KeyListener>>();
  private readonly healthListeners = new Set<HealthListener>();
  private health: QueueHealth = { pending: 0, failing: false };

  constructor(
    private readonly storageKey: string,
    private readonly send: (write: W, options: { keepalive: boolean }) => Promise<SendOutcome>,
  ) {
    this.health = { pending: this.read().length, failing: false };
  }

  /** Queues a write, replacing any write still waiting under the same key, and sends soon. */
  put(key: string, write: W): void {
    const entries = this.read().filter((entry) => entry.key !== key);
    entries.push({ key, id: newId(), write });
    this.save(entries);
    this.notifyKey(key, 'pending');
    this.schedule(0);
  }

  /** The write still waiting under this key, if any (e.g. an answer typed offline before a reload). */
  pending(key: string): W | undefined {
    return this.read().find((entry) => entry.key === key)?.write;
  }

  get state(): QueueHealth {
    return this.health;
  }

  /** Sends what is waiting, oldest first; stops at the first failure and schedules a retry. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    clearTimeout(this.timer);
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.flushing;
  }

  /** The page is being hidden or left: send everything with keepalive so it outlives the page. */
  flushOnLeave(): void {
    clearTimeout(this.timer);
    for (const entry of this.read()) {
      void this.send(entry.write, { keepalive: true }).then((result) => this.settle(entry, result));
    }
  }

  /** Coming back online or to the tab: forget the backoff and try now. */
  retryNow(): void {
    this.failures = 0;
    if (this.read().length > 0) void this.flush();
  }

  subscribe(key: string, listener: KeyListener): () => void {
    const set = this.keyListeners.get(key) ?? new Set<KeyListener>();
    set.add(listener);
    this.keyListeners.set(key, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.keyListeners.delete(key);
    };
  }

  subscribeHealth(listener: HealthListener): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const [entry] = this.read();
      if (!entry) {
        this.failures = 0;
        this.setHealth(false);
        return;
      }
      let result: SendOutcome;
      try {
        result = await this.send(entry.write, { keepalive: false });
      } catch {
        result = { outcome: 'retry' };
      }
      if (result.outcome === 'retry') {
        this.failures += 1;
        this.setHealth(true);
        const seconds = BACKOFF_SECONDS[Math.min(this.failures, BACKOFF_SECONDS.length) - 1]!;
        // Jitter keeps many learners of one office from retrying in step after an outage.
        this.schedule(seconds * 1000 * (0.8 + Math.random() * 0.4));
        return;
      }
      this.failures = 0;
      this.setHealth(false);
      this.settle(entry, result);
    }
  }

  /** Removes a sent entry, unless a newer write for its key arrived meanwhile, and tells the page. */
  private settle(entry: Entry<W>, result: SendOutcome): void {
    if (result.outcome === 'retry') return;
    const entries = this.read();
    const current = entries.find((candidate) => candidate.key === entry.key);
    // A newer write for this key is waiting: it will report for itself when it lands.
    if (current && current.id !== entry.id) return;
    if (current) this.save(entries.filter((candidate) => candidate !== current));
    if (result.outcome === 'saved') this.notifyKey(entry.key, 'saved', result.data);
    else this.notifyKey(entry.key, 'rejected');
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private notifyKey(key: string, status: WriteStatus, data?: unknown): void {
    for (const listener of this.keyListeners.get(key) ?? []) listener(status, data);
    this.setHealth(this.health.failing);
  }

  private setHealth(failing: boolean): void {
    const next = { pending: this.read().length, failing };
    if (next.pending === this.health.pending && next.failing === this.health.failing) return;
    this.health = next;
    for (const listener of this.healthListeners) listener(next);
  }

  private read(): Entry<W>[] {
    if (!this.storageWorks) return [...this.memory];
    try {
      const parsed = JSON.parse(window.localStorage.getItem(this.storageKey) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as Entry<W>[]) : [];
    } catch {
      // Storage disabled (strict privacy settings): the queue still works for this page's life.
      this.storageWorks = false;
      return [...this.memory];
    }
  }

  private save(entries: Entry<W>[]): void {
    this.memory = entries;
    if (!this.storageWorks) return;
    try {
      if (entries.length === 0) window.localStorage.removeItem(this.storageKey);
      else window.localStorage.setItem(this.storageKey, JSON.stringify(entries));
    } catch {
      // Full or disabled storage: from now on keep the entries in memory; they are still retried.
      this.storageWorks = false;
    }
  }
}
