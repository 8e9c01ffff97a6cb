/**
 * Entity and character references inside an att-value (XML 1.0 §4.1). XCAP selectors carry no
 * DTD, so only the five predefined entities exist; character references must denote an XML Char.
 */
import { columnOf, invalidSelector, quoteExcerpt } from './selector-error';
import { isXmlChar } from './xml-chars';
import { matchNCNameAt } from './xml-names';

const PREDEFINED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Above every valid code point: digits beyond this cannot make the reference valid again. */
const CODE_POINT_CAP = 0x110000;

export interface DecodedReference {
  /** The referenced character(s). */
  readonly text: string;
  /** Offset just after the closing ";". */
  readonly end: number;
}

/** Decodes the reference whose "&" is at `ampOffset`, or throws invalid-selector pointing at the "&". */
export function decodeReferenceAt(text: string, ampOffset: number): DecodedReference {
  return text[ampOffset + 1] === '#' ? decodeCharacterReference(text, ampOffset) : decodeEntityReference(text, ampOffset);
}

function decodeCharacterReference(text: string, ampOffset: number): DecodedReference {
  const column = columnOf(ampOffset);
  const hex = text[ampOffset + 2] === 'x';
  const digitsStart = ampOffset + (hex ? 3 : 2);
  const radix = hex ? 16 : 10;
  let codePoint = 0;
  let offset = digitsStart;
  for (let digit = digitValue(text, offset, radix); digit !== -1; digit = digitValue(text, ++offset, radix)) {
    codePoint = Math.min(codePoint * radix + digit, CODE_POINT_CAP);
  }
  if (offset === digitsStart) {
    const hint = text[ampOffset + 2] === 'X' ? ' (XML requires a lowercase "x": &#x41;)' : '';
    throw invalidSelector(`malformed character reference at column ${column}: expected ${hex ? 'hex digits after "&#x"' : 'digits after "&#"'}${hint}`, ampOffset);
  }
  if (text[offset] !== ';') {
    throw invalidSelector(`character reference at column ${column} is missing its closing ";"`, ampOffset);
  }
  if (!isXmlChar(codePoint)) {
    const written = quoteExcerpt(text.slice(ampOffset, offset + 1));
    throw invalidSelector(`character reference ${written} at column ${column} does not denote a character allowed in XML`, ampOffset);
  }
  return { text: String.fromCodePoint(codePoint), end: offset + 1 };
}

function decodeEntityReference(text: string, ampOffset: number): DecodedReference {
  const column = columnOf(ampOffset);
  const nameEnd = matchNCNameAt(text, ampOffset + 1);
  if (nameEnd === -1 || text[nameEnd] !== ';') {
    throw invalidSelector(`raw "&" in attribute value at column ${column}: write it as &amp;`, ampOffset);
  }
  const replacement = PREDEFINED_ENTITIES.get(text.slice(ampOffset + 1, nameEnd));
  if (replacement === undefined) {
    const written = quoteExcerpt(text.slice(ampOffset, nameEnd + 1));
    throw invalidSelector(
      `unknown entity reference ${written} at column ${column}: only &lt; &gt; &amp; &quot; &apos; and character references such as &#160; are allowed`,
      ampOffset,
    );
  }
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
