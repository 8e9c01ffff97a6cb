/** The parser is a single pass: hostile 100k-character inputs must be handled in linear time. */
import { describe, expect, it } from 'vitest';
import type { NodeSelector } from './ast';
import { isXcapCoreError } from '../errors';
import { parseNodeSelector } from './parse';
import { printNodeSelector } from './print';

const SIZE = 100_000;
// A guard against super-linear parsing, not a benchmark: generous so a busy CI machine does not flake.
const BUDGET_MS = 500;

const INPUTS: readonly (readonly [string, string])[] = [
  ['nested "["', `a${'['.repeat(SIZE)}`],
  ['"[@" repeated', `a${'[@'.repeat(SIZE / 2)}`],
  ['unterminated value full of brackets and the other quote', `a[@b="${"['/]".repeat(SIZE / 4)}`],
  ['long valid value with references', `a[@b="${'&amp;&#x41;x'.repeat(SIZE / 12)}"]`],
  ['many steps', `${'a/'.repeat(SIZE / 2)}a`],
  ['many positioned steps', `${'a[1]/'.repeat(SIZE / 5)}@b`],
  ['long name', 'é'.repeat(SIZE)],
  ['long digit run', `a[${'1'.repeat(SIZE)}]`],
  ['long character reference', `a[@b="&#${'1'.repeat(SIZE)};"]`],
  ['long entity name', `a[@b="&${'x'.repeat(SIZE)};"]`],
  ['long extension step', `a/${'('.repeat(SIZE)}`],
  ['quotes everywhere', `a[@b=${'"'.repeat(SIZE)}`],
  ['alternating quotes', `a[@b="${`'"`.repeat(SIZE / 2)}`],
];

describe('performance', () => {
  it.each(INPUTS)(`%s: parses or fails within ${BUDGET_MS} ms`, (_label, input) => {
    // Best of a few timed runs after warm-up: the budget is about the algorithm (a quadratic one
    // takes seconds here), not about JIT tiers or a garbage collection landing in the timed run.
    for (let run = 0; run < 2; run++) parseOrError(input);
    let fastest = Infinity;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      parseOrError(input);
      fastest = Math.min(fastest, performance.now() - started);
    }
    expect(fastest).toBeLessThan(BUDGET_MS);
    const outcome = parseOrError(input);
    if (outcome !== null) expect(printNodeSelector(outcome)).toBe(input);
  });
});

/** The parsed selector, or null when the input is rejected with an XcapCoreError. */
function parseOrError(input: string): NodeSelector | null {
  try {
    return parseNodeSelector(input);
  } catch (error) {
    if (!isXcapCoreError(error)) throw error;
    return null;
  }
}
