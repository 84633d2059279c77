import type { QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';
import { preparedQuery } from './prepared-query.js';

export interface BatcherOptions<Item, Result> {
  /** Runs one batch and answers one result per item, in the items' order. */
  run(items: readonly Item[]): Promise<Result[]>;
  /** Items with the same key never share a batch (two writes to one row, say); they run in turn. */
  keyOf?(item: Item): string;
  /** How many batches may run at once; 1 serializes them (no two batches lock rows against each other). */
  concurrency: number;
  maxSize: number;
}

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/**
 * Turns many callers' statements of one kind into one: what is submitted while the event loop
 * handles a round of I/O goes out together once that round ends (setImmediate), and whatever
 * arrives while `concurrency` batches are out waits for the next. Under load, N concurrent
 * requests then cost one round trip, one plan execution and one commit instead of N; a lone call
 * waits for nothing but the end of the current turn. A failed batch of several is retried item by
 * item, so that each caller gets its own answer or error.
 */
export class Batcher<Item, Result> {
  private queue: Pending<Item, Result>[] = [];
  private running = 0;
  private scheduled = false;

  constructor(private readonly options: BatcherOptions<Item, Result>) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.options.concurrency && this.queue.length > 0) {
      const batch = this.take();
      this.running += 1;
      void this.execute(batch).finally(() => {
        this.running -= 1;
        if (this.queue.length > 0) this.schedule();
      });
    }
  }

  /** The oldest items, up to maxSize, skipping any whose key is already in the batch. */
  private take(): Pending<Item, Result>[] {
    const { keyOf, maxSize } = this.options;
    if (!keyOf) return this.queue.splice(0, maxSize);
    const batch: Pending<Item, Result>[] = [];
    const rest: Pending<Item, Result>[] = [];
    const keys = new Set<string>();
    for (const pending of this.queue) {
      const key = keyOf(pending.item);
      if (batch.length < maxSize && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else {
        rest.push(pending);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async execute(batch: Pending<Item, Result>[]): Promise<void> {
    try {
      const results = await this.options.run(batch.map((pending) => pending.item));
      batch.forEach((pending, i) => pending.resolve(results[i] as Result));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const pending of batch) await this.execute([pending]);
    }
  }
}

export interface BatchedStatementOptions<Item> extends Omit<BatcherOptions<Item, unknown>, 'run'> {
  /** Its prepared-statement name. */
  name: string;
  /** SQL taking one array parameter per column and answering rows with an `index` (WITH ORDINALITY). */
  text: string;
  /** The item's value for each array parameter, in order. */
  parameters(item: Item): unknown[];
}

/**
 * A Batcher for one statement that reads its items from array parameters (`unnest … WITH
 * ORDINALITY`) and answers at most one row per item, which it hands back to that item's caller.
 */
export function batchedStatement<Item, Row extends QueryResultRow>(
  db: DataSource,
  { name, text, parameters, ...options }: BatchedStatementOptions<Item>,
): Batcher<Item, Row | undefined> {
  return new Batcher<Item, Row | undefined>({
    ...options,
    run: async (items) => {
      const rows = items.map(parameters);
      const columns = (rows[0] ?? []).map((_, column) => rows.map((row) => row[column]));
      const answers = await preparedQuery<Row & { index: number }>(db, name, text, columns);
      const byItem = new Array<Row | undefined>(items.length);
      for (const answer of answers) byItem[answer.index - 1] = answer;
      return byItem;
    },
  });
}
