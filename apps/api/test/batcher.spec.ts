import { describe, expect, it } from '@jest/globals';
import { Batcher } from '../src/database/batcher.js';

/** A batcher whose batches are recorded and answered by `answer`, each after a turn of the event loop. */
function recording(options: { concurrency?: number; maxSize?: number; keyOf?: (item: string) => string }) {
  const batches: string[][] = [];
  let running = 0;
  let mostRunning = 0;
  let answer = (items: readonly string[]): string[] => items.map((item) => item.toUpperCase());
  const batcher = new Batcher<string, string>({
    run: async (items) => {
      batches.push([...items]);
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return answer(items);
    },
    concurrency: options.concurrency ?? 1,
    maxSize: options.maxSize ?? 100,
    keyOf: options.keyOf,
  });
  return {
    batcher,
    batches,
    mostRunning: () => mostRunning,
    answerWith: (next: typeof answer) => (answer = next),
  };
}

describe('batching concurrent statements', () => {
  it('sends what is submitted in one turn as one batch and gives each caller its own answer', async () => {
    const { batcher, batches } = recording({});
    const answers = await Promise.all(['a', 'b', 'c'].map((item) => batcher.submit(item)));
    expect(answers).toEqual(['A', 'B', 'C']);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('holds what arrives while a batch is out for the next one, never more batches than allowed', async () => {
    const { batcher, batches, mostRunning } = recording({ concurrency: 1 });
    const first = batcher.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['b', 'c'].map((item) => batcher.submit(item));
    expect(await Promise.all([first, ...later])).toEqual(['A', 'B', 'C']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
    expect(mostRunning()).toBe(1);
  });

  it('never puts two items with the same key in one batch, and keeps their order', async () => {
    const { batcher, batches } = recording({ keyOf: (item) => item[0]! });
    const answers = await Promise.all(['a1', 'b1', 'a2', 'a3', 'c1'].map((item) => batcher.submit(item)));
    expect(answers).toEqual(['A1', 'B1', 'A2', 'A3', 'C1']);
    expect(batches).toEqual([['a1', 'b1', 'c1'], ['a2'], ['a3']]);
  });

  it('splits at the largest batch size', async () => {
    const { batcher, batches } = recording({ maxSize: 2, concurrency: 3 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((item) => batcher.submit(item)));
    expect(batches).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('retries a failed batch item by item, so that only the bad item fails', async () => {
    const { batcher, answerWith } = recording({});
    answerWith((items) => {
      if (items.includes('bad')) throw new Error('bad item');
      return items.map((item) => item.toUpperCase());
    });
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => batcher.submit(item)));
    expect(results).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('bad item') },
      { status: 'fulfilled', value: 'C' },
    ]);
  });
});
