/** Property tests: print/parse round trips over generated ASTs, and robustness on arbitrary text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isXcapCoreError, type XcapCoreErrorCode } from '../errors';
import { parseNodeSelector } from './parse';
import { printNodeSelector } from './print';
import { nodeSelectorArb, selectorishStringArb, withoutOffsets } from './test-support/arbitraries';

const RUNS = 5000;
const PARSE_ERROR_CODES: readonly XcapCoreErrorCode[] = ['invalid-selector', 'unsupported-extension-selector'];

describe('round trips over generated selectors', () => {
  it('parse(print(ast)) equals ast (ignoring offsets) and prints back identically', () => {
    fc.assert(
      fc.property(nodeSelectorArb, (ast) => {
        const printed = printNodeSelector(ast);
        const parsed = parseNodeSelector(printed);
        expect(withoutOffsets(parsed)).toEqual(withoutOffsets(ast));
        expect(printNodeSelector(parsed)).toBe(printed);
      }),
      { numRuns: RUNS },
    );
  });

  it('offsets delimit each step and the terminal in the text', () => {
    fc.assert(
      fc.property(nodeSelectorArb, (ast) => {
        const printed = printNodeSelector(ast);
        const parsed = parseNodeSelector(printed);
        const pieces = parsed.steps.map((step) => printed.slice(step.start, step.end));
        if (parsed.terminal !== null) pieces.push(printed.slice(parsed.terminal.start, parsed.terminal.end));
        expect(pieces.join('/')).toBe(printed);
        parsed.steps.forEach((step, index) => {
          expect(printNodeSelector({ steps: [step], terminal: null })).toBe(pieces[index]);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

/** Parsing arbitrary text either succeeds and prints back identically, or throws a parse XcapCoreError with a column inside the text (or just after it). */
function parsesOrFailsCleanly(text: string): void {
  let parsed;
  try {
    parsed = parseNodeSelector(text);
  } catch (error) {
    if (!isXcapCoreError(error) || !PARSE_ERROR_CODES.includes(error.code)) throw error;
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeLessThanOrEqual(text.length + 1);
    return;
  }
  expect(printNodeSelector(parsed)).toBe(text);
}

describe('robustness on arbitrary text', () => {
  it.each([
    ['printable ASCII', fc.string()],
    ['full Unicode code points', fc.string({ unit: 'binary' })],
    ['UTF-16 code units, lone surrogates included', fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) })],
    ['selector-like token soup', selectorishStringArb],
  ])('%s: parse only ever throws XcapCoreError, and whatever parses prints back identically', (_label, arbitrary) => {
    fc.assert(fc.property(arbitrary, parsesOrFailsCleanly), { numRuns: RUNS });
  });
});
