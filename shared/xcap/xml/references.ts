/**
 * Entity and character references (XML 1.0 §4.1) as XCAP content has them: no DTD, so only the
 * five predefined entities exist; character references must denote an XML Char.
 */
import { isXmlChar } from './chars';
import { matchNCNameAt } from './names';

const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Above every valid code point: digits beyond this cannot make the reference valid again. */
const CODE_POINT_CAP = 0x110000;

export type ReferenceProblem =
  | { readonly problem: 'no-digits'; readonly hex: boolean; readonly uppercaseX: boolean }
  | { readonly problem: 'missing-semicolon' }
  | { readonly problem: 'not-xml-char'; readonly end: number }
  | { readonly problem: 'raw-ampersand' }
  | { readonly problem: 'unknown-entity'; readonly end: number };

export interface DecodedReference {
  /** The referenced character(s). */
  readonly text: string;
  /** Offset just after the closing ";". */
  readonly end: number;
}

/** Decodes the reference whose "&" is at `ampOffset`. */
export function decodeReference(text: string, ampOffset: number): DecodedReference | ReferenceProblem {
  return text[ampOffset + 1] === '#' ? decodeCharacterReference(text, ampOffset) : decodeEntityReference(text, ampOffset);
}

function decodeCharacterReference(text: string, ampOffset: number): DecodedReference | ReferenceProblem {
  const hex = text[ampOffset + 2] === 'x';
  const digitsStart = ampOffset + (hex ? 3 : 2);
  const radix = hex ? 16 : 10;
  let codePoint = 0;
  let offset = digitsStart;
  for (let digit = digitValue(text, offset, radix); digit !== -1; digit = digitValue(text, ++offset, radix)) {
    codePoint = Math.min(codePoint * radix + digit, CODE_POINT_CAP);
  }
  if (offset === digitsStart) return { problem: 'no-digits', hex, uppercaseX: text[ampOffset + 2] === 'X' };
  if (text[offset] !== ';') return { problem: 'missing-semicolon' };
  if (!isXmlChar(codePoint)) return { problem: 'not-xml-char', end: offset + 1 };
  return { text: String.fromCodePoint(codePoint), end: offset + 1 };
}

function decodeEntityReference(text: string, ampOffset: number): DecodedReference | ReferenceProblem {
  const nameEnd = matchNCNameAt(text, ampOffset + 1);
  if (nameEnd === -1 || text[nameEnd] !== ';') return { problem: 'raw-ampersand' };
  const replacement = PREDEFINED_ENTITIES.get(text.slice(ampOffset + 1, nameEnd));
  if (replacement === undefined) return { problem: 'unknown-entity', end: nameEnd + 1 };
  return { text: replacement, end: nameEnd + 1 };
}

/** Value of the ASCII digit at `offset` in `radix` (10 or 16), or -1. */
function digitValue(text: string, offset: number, radix: number): number {
  const code = text.charCodeAt(offset); // NaN past the end: matches no range below
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (radix === 16 && code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (radix === 16 && code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  return -1;
}

/** Resolves every reference in `raw`; null when one is malformed or names an unknown entity. */
export function resolveReferences(raw: string): string | null {
  if (!raw.includes('&')) return raw;
  let out = '';
  let last = 0;
  for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', last)) {
    const decoded = decodeReference(raw, amp);
    if ('problem' in decoded) return null;
    out += raw.slice(last, amp) + decoded.text;
    last = decoded.end;
  }
  return out + raw.slice(last);
}
