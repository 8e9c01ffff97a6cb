/** The parser is a single pass: hostile 100k-character inputs must be handled in linear time. */
import { describe, expect, it } from 'vitest';
import { isXcapCoreError } from '../errors';
import { parseNodeSelector } from './parse';
import { printNodeSelector } from './print';

const SIZE = 100_000;
const BUDGET_MS = 100;

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
  it.each(INPUTS)('%s: parses or fails within 100 ms', (_label, input) => {
    parseOrError(input); // warm-up: the budget is about the algorithm, not JIT compilation
    const started = performance.now();
    const outcome = parseOrError(input);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(BUDGET_MS);
    if (typeof outcome === 'string') expect(outcome).toBe(input);
  });
});

/** The printed selector when it parses, or the error code. */
function parseOrError(input: string): string | { code: string } {
  try {
    return printNodeSelector(parseNodeSelector(input));
  } catch (error) {
    if (!isXcapCoreError(error)) throw error;
    return { code: error.code };
  }
}
