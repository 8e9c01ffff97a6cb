/**
 * Scanning an att-value (XML 1.0 `AttValue`) inside a node selector: a quoted string that may
 * contain references but no raw "<", no raw "&" and not its own delimiting quote.
 *
 * The decoded value is what an XML parser would report for the same text in an attribute:
 * references resolved and, as XML's attribute-value normalization does for CDATA attributes,
 * a literal tab, line feed, carriage return or CR LF pair becomes one space (a reference such as
 * &#9; stays a real tab). Comparing that value with the attribute in the document is then exact.
 */
import { decodeReferenceAt } from './references';
import { columnOf, invalidSelector } from './selector-error';
import { formatCodePoint, isXmlChar } from '../xml/chars';

export type AttQuote = '"' | "'";

export interface ScannedAttValue {
  readonly value: string;
  readonly rawValue: string;
  readonly quote: AttQuote;
  /** Offset just after the closing quote. */
  readonly end: number;
}

export function isAttQuote(char: string | undefined): char is AttQuote {
  return char === '"' || char === "'";
}

/** Scans the att-value whose opening quote is at `quoteOffset`; linear in its length. */
export function scanAttValue(text: string, quoteOffset: number): ScannedAttValue {
  const quote = text[quoteOffset];
  if (!isAttQuote(quote)) throw new RangeError('scanAttValue must start at a quote');
  let value = '';
  let runStart = quoteOffset + 1; // start of the current run of characters copied as they are
  let offset = runStart;
  while (offset < text.length) {
    const char = text[offset];
    if (char === quote) {
      value += text.slice(runStart, offset);
      return { value, rawValue: text.slice(quoteOffset + 1, offset), quote, end: offset + 1 };
    }
    if (char === '<') {
      throw invalidSelector(`raw "<" in attribute value at column ${columnOf(offset)}: write it as &lt;`, offset);
    }
    if (char === '&') {
      const reference = decodeReferenceAt(text, offset);
      value += text.slice(runStart, offset) + reference.text;
      offset = runStart = reference.end;
    } else if (char === '\t' || char === '\n' || char === '\r') {
      value += `${text.slice(runStart, offset)} `;
      offset += char === '\r' && text[offset + 1] === '\n' ? 2 : 1;
      runStart = offset;
    } else {
      offset += xmlCharLengthAt(text, offset);
    }
  }
  throw invalidSelector(
    `unterminated attribute value: the ${quote} opened at column ${columnOf(quoteOffset)} is never closed`,
    quoteOffset,
  );
}

/** Length in UTF-16 units of the XML Char at `offset`; throws if it is not one (control characters, lone surrogates, U+FFFE/U+FFFF). */
function xmlCharLengthAt(text: string, offset: number): number {
  const codePoint = text.codePointAt(offset) ?? 0;
  if (!isXmlChar(codePoint)) {
    throw invalidSelector(
      `character ${formatCodePoint(codePoint)} at column ${columnOf(offset)} is not allowed in an XML attribute value`,
      offset,
    );
  }
  return codePoint > 0xffff ? 2 : 1;
}
