/** The two predicates of an element step: `[position]` and `[@att-name=att-value]`. */
import type { AttributeTest } from './ast';
import { isAttQuote, scanAttValue } from './att-value';
import { columnOf, expectedAt, invalidSelector, quoteExcerpt } from './selector-error';
import { scanQNameAt } from './parse-qname';

/** Positions above this are rejected: no real document has that many siblings, and it keeps numbers exact. */
export const MAX_POSITION = 2 ** 31;
const MAX_POSITION_DIGITS = String(MAX_POSITION).length;

export interface ScannedPosition {
  readonly position: number;
  /** Offset just after the closing "]". */
  readonly end: number;
}

export interface ScannedAttributeTest {
  readonly attribute: AttributeTest;
  /** Offset just after the closing "]". */
  readonly end: number;
}

export function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/** Scans `position "]"` from `offset` (just after "["). The caller has seen a digit or a sign there. */
export function scanPosition(text: string, offset: number): ScannedPosition {
  const sign = text[offset] === '+' || text[offset] === '-' ? 1 : 0;
  let digitsEnd = offset + sign;
  while (isDigit(text[digitsEnd])) digitsEnd++;
  const digits = text.slice(offset + sign, digitsEnd);
  const describeProblem = positionProblem(text[offset], digits);
  if (describeProblem !== null) {
    const found = `${quoteExcerpt(text.slice(offset, digitsEnd))} at column ${columnOf(offset)}`;
    throw invalidSelector(describeProblem(found), offset);
  }
  if (text[digitsEnd] !== ']') throw expectedAt('"]" after position', text, digitsEnd);
  return { position: Number(digits), end: digitsEnd + 1 };
}

/**
 * What is wrong with a position whose first character is `first` and whose digits are `digits`,
 * as a message builder taking the quoted position and its column; null when it is fine.
 */
function positionProblem(first: string | undefined, digits: string): ((found: string) => string) | null {
  if (first === '-' || /^0+$/.test(digits)) return (found) => `position must be ≥ 1, found ${found}`;
  if (first === '+') return (found) => `position must be written without "+", found ${found}`;
  // 1*DIGIT would allow "01", but the printer could not reproduce it: reject so print(parse(s)) === s holds.
  if (digits.startsWith('0')) return (found) => `position must be written without leading zeros, found ${found}`;
  // Length check first so a 100k-digit position is not turned into a number at all.
  if (digits.length > MAX_POSITION_DIGITS || Number(digits) > MAX_POSITION) {
    return (found) => `position ${found} is too large (at most ${MAX_POSITION})`;
  }
  return null;
}

/** Scans `"@" att-name "=" att-value "]"` from the "@" at `offset`. */
export function scanAttributeTest(text: string, offset: number): ScannedAttributeTest {
  const scannedName = scanQNameAt(text, offset + 1);
  if (scannedName === null) throw expectedAt('an attribute name after "@"', text, offset + 1);
  const { prefix, local, end: equals } = scannedName;
  if (text[equals] !== '=') {
    throw expectedAt(`"=" after the attribute name ${quoteExcerpt(text.slice(offset + 1, equals))}`, text, equals);
  }
  if (!isAttQuote(text[equals + 1])) throw expectedAt(`a quoted attribute value ("…" or '…') after "="`, text, equals + 1);
  const scannedValue = scanAttValue(text, equals + 1);
  if (text[scannedValue.end] !== ']') throw expectedAt('"]" after the attribute value', text, scannedValue.end);
  const { value, rawValue, quote } = scannedValue;
  return { attribute: { name: { prefix, local }, value, rawValue, quote }, end: scannedValue.end + 1 };
}
