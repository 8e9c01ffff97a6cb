/** One element step: NameorAny, optionally followed by `[position]` and then `[@attr="value"]`. */
import type { AttributeTest, NameTest, Step } from './ast';
import { columnOf, expectedAt, invalidSelector, unsupportedExtension } from './selector-error';
import { isDigit, scanAttributeTest, scanPosition } from './parse-predicates';
import { scanQNameAt } from './parse-qname';

interface ScannedNameTest {
  readonly test: NameTest;
  readonly end: number;
}

/** Scans the element step starting at `start`; on return the step is followed by "/" or the end. */
export function scanElementStep(text: string, start: number): Step {
  const { test, end: testEnd } = scanNameTest(text, start);
  if (isStepBoundary(text, testEnd)) return { test, position: null, attribute: null, start, end: testEnd };
  // Anything but a predicate after the name (e.g. "text()", "a.b()") is the grammar's catch-all.
  if (text[testEnd] !== '[') throw unsupportedExtension(text, start);

  let position: number | null = null;
  let attribute: AttributeTest | null = null;
  let offset = testEnd;
  while (text[offset] === '[') {
    const inside = offset + 1;
    if (startsPosition(text, inside)) {
      if (attribute !== null) {
        throw invalidSelector(
          `the position predicate at column ${columnOf(offset)} must come before the attribute test: write name[n][@attr="value"]`,
          offset,
        );
      }
      if (position !== null) throw invalidSelector(`only one position predicate is allowed per step, found another at column ${columnOf(offset)}`, offset);
      ({ position, end: offset } = scanPosition(text, inside));
    } else if (text[inside] === '@') {
      if (attribute !== null) throw invalidSelector(`only one attribute test is allowed per step, found another at column ${columnOf(offset)}`, offset);
      ({ attribute, end: offset } = scanAttributeTest(text, inside));
    } else {
      throw expectedAt('a position or an attribute test (@name="value") after "["', text, inside);
    }
  }
  if (!isStepBoundary(text, offset)) throw expectedAt('"/", "[" or the end of the selector', text, offset);
  return { test, position, attribute, start, end: offset };
}

export function isStepBoundary(text: string, offset: number): boolean {
  return offset === text.length || text[offset] === '/';
}

/** NameorAny at `start`; a step starting with neither a name nor "*" is an extension selector. */
function scanNameTest(text: string, start: number): ScannedNameTest {
  if (text[start] === '*') return { test: { kind: 'any' }, end: start + 1 };
  const scanned = scanQNameAt(text, start);
  if (scanned !== null) return { test: { kind: 'name', prefix: scanned.prefix, local: scanned.local }, end: scanned.end };
  if (text[start] === '[') throw expectedAt('an element name or "*" before "["', text, start);
  throw unsupportedExtension(text, start);
}

/** A digit, or a sign before a digit (so "[-1]" gets a "position must be ≥ 1" message, not a generic one). */
function startsPosition(text: string, offset: number): boolean {
  const char = text[offset];
  return isDigit(char) || ((char === '+' || char === '-') && isDigit(text[offset + 1]));
}
