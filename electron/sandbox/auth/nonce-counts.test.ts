import { describe, expect, it } from 'vitest';
import { NONCE_COUNT_WINDOW, NonceCounts } from './nonce-counts';

describe('NonceCounts', () => {
  it('accepts each count once, in any order within the window; refuses a count seen before', () => {
    const counts = new NonceCounts(10, 1000);
    expect(counts.record('n', 0, 1, 0)).toBe('fresh');
    expect(counts.record('n', 0, 1, 0)).toBe('replay');
    expect(counts.record('n', 0, 3, 0)).toBe('fresh');
    // nc 2 overtaken by nc 3 (another connection): still its first use.
    expect(counts.record('n', 0, 2, 0)).toBe('fresh');
    expect(counts.record('n', 0, 2, 0)).toBe('replay');
    expect(counts.record('n', 0, 3, 0)).toBe('replay');
    expect(counts.record('other', 0, 1, 0)).toBe('fresh');
    expect(counts.record('zero', 0, 0, 0)).toBe('replay');
  });

  it('refuses a count too far below the highest to tell (the window), and forgets what slid out', () => {
    const counts = new NonceCounts(10, 1000);
    expect(counts.record('n', 0, 100, 0)).toBe('fresh');
    expect(counts.record('n', 0, 100 - NONCE_COUNT_WINDOW + 1, 0)).toBe('fresh');
    expect(counts.record('n', 0, 100 - NONCE_COUNT_WINDOW, 0)).toBe('replay');
    expect(counts.record('n', 0, 1, 0)).toBe('replay');
    for (let count = 101; count <= 400; count++) expect(counts.record('n', 0, count, 0)).toBe('fresh');
    expect(counts.record('n', 0, 400 - NONCE_COUNT_WINDOW + 1, 0)).toBe('replay'); // seen, still in the window
  });

  it('agrees with the plain definition on random arrival orders (first use within the window: fresh; else replay)', () => {
    for (let trial = 0; trial < 200; trial++) {
      const counts = new NonceCounts(10, 1000);
      const accepted = new Set<number>();
      let highest = 0;
      for (let step = 0; step < 300; step++) {
        // Mostly rising, sometimes late, sometimes repeated, sometimes far behind.
        const count = Math.max(1, highest + Math.floor(Math.random() * 12) - (Math.random() < 0.2 ? 80 : 8));
        const expected = accepted.has(count) || (accepted.size > 0 && count <= highest - NONCE_COUNT_WINDOW) ? 'replay' : 'fresh';
        expect(counts.record('n', 0, count, 0), `trial ${trial}, step ${step}, nc ${count}, highest ${highest}`).toBe(expected);
        if (expected === 'fresh') {
          accepted.add(count);
          highest = Math.max(highest, count);
        }
      }
    }
  });

  it('forgets nonces past their lifetime', () => {
    const counts = new NonceCounts(10, 1000);
    counts.record('a', 0, 1, 0);
    counts.record('b', 500, 1, 500);
    expect(counts.size).toBe(2);
    counts.record('c', 1300, 1, 1400);
    expect(counts.size).toBe(2); // a went: 1400 ms old
    counts.record('d', 2000, 1, 2400);
    expect(counts.size).toBe(1); // b and c went
  });

  it('stays within capacity and never trusts a nonce it may have evicted', () => {
    const counts = new NonceCounts(3, 1_000_000);
    for (let index = 0; index < 5; index++) expect(counts.record(`n${index}`, index, 1, 10)).toBe('fresh');
    expect(counts.size).toBe(3);
    // n0 and n1 were evicted: a replay of them must not pass as new.
    expect(counts.record('n0', 0, 1, 10)).toBe('forgotten');
    expect(counts.record('n1', 1, 1, 10)).toBe('forgotten');
    // A nonce issued later than anything evicted is simply new.
    expect(counts.record('n9', 9, 1, 10)).toBe('fresh');
  });

  it('checks its arguments', () => {
    expect(() => new NonceCounts(0, 1)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => new NonceCounts(1, 0)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});
