/** Per-document serialisation: concurrent read-modify-write cycles lose nothing; other documents do not wait. */
import { describe, expect, it } from 'vitest';
import { decode, openTempStore, text } from './test-support/temp-store';

const COUNTER = 'counters/global/hits';

function later<T>(value: T): Promise<T> {
  return new Promise((done) => setTimeout(() => done(value), Math.random() * 3));
}

describe('concurrent updates', () => {
  it('100 parallel increments of one counter end at 100', async () => {
    const { store } = await openTempStore();
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        store.update(COUNTER, async (current) => {
          const value = Number(decode(current?.bytes) ?? '0');
          await later(null); // yield mid-cycle: without the mutex, other increments would read the same value
          return { write: text(String(value + 1)), result: value + 1 };
        }),
      ),
    );
    expect(decode((await store.read(COUNTER))?.bytes)).toBe('100');
    expect(results.map((outcome) => outcome.result).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
  });

  it('runs updates of one document in call order, and a failing one does not block the next', async () => {
    const { store } = await openTempStore();
    const order: number[] = [];
    const calls = [1, 2, 3, 4].map((n) =>
      store.update(COUNTER, async () => {
        await later(null);
        order.push(n);
        if (n === 2) throw new Error('callback failed');
        return { keep: true };
      }),
    );
    const settled = await Promise.allSettled(calls);
    expect(order).toEqual([1, 2, 3, 4]);
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  });

  it('lets other documents proceed while one update waits, and shows only finished writes', async () => {
    const { store } = await openTempStore();
    await store.write(COUNTER, text('old'));
    let release = (): void => undefined;
    const gate = new Promise<void>((done) => (release = done));
    const slow = store.update(COUNTER, async () => {
      await gate;
      return { write: text('new') };
    });
    await store.write('counters/global/other', text('independent'));
    expect(decode((await store.read(COUNTER))?.bytes)).toBe('old'); // the slow write is not acknowledged yet
    release();
    await slow;
    expect(decode((await store.read(COUNTER))?.bytes)).toBe('new');
  });
});
