/**
 * Percent-encoding (RFC 3986 §2.1) for the components of an XCAP URI.
 *
 * Encoding is per component and always produces the canonical spelling: UTF-8 bytes as
 * uppercase %XX, and every character that may stay readable in that component left raw.
 * Decoding accepts any valid spelling (lowercase hex, needlessly encoded characters) and
 * rejects what cannot be a UTF-8 string, pointing at the offending "%" by column.
 */
import { XcapCoreError } from '../errors';
import { codePointLabel, hexValue, isControl, isPathChar } from './char-classes';
import { findForbiddenCharacter } from './forbidden-characters';
import { nextQuoteState, OUTSIDE_QUOTES } from './selector-quotes';
import { appendUtf8Bytes, isContinuationByte, isValidSecondByte, utf8SequenceLength } from './utf8';

const PERCENT = 0x25;
const SLASH = 0x2f;
const QUESTION_MARK = 0x3f;
const APOSTROPHE = 0x27;

const PERCENT_BYTE = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`);

// ---------------------------------------------------------------------------------------------
// Encoding

/** ASCII characters a component keeps raw, as a 128-entry table. */
function asciiTable(keep: (code: number) => boolean): Uint8Array {
  return Uint8Array.from({ length: 128 }, (_, code) => (keep(code) ? 1 : 0));
}

const PATH_SEGMENT_RAW = asciiTable(isPathChar);
const NODE_SELECTOR_RAW = asciiTable((code) => isPathChar(code) || code === SLASH);
const QUERY_RAW = asciiTable((code) => (isPathChar(code) && code !== APOSTROPHE) || code === SLASH || code === QUESTION_MARK);

/**
 * Percent-encodes every character of `value` that `raw` does not keep, non-ASCII always.
 * With `slashOnlyOutsideQuotes`, a "/" inside a quoted value is encoded too (node selectors).
 * One pass over char codes, appending runs: encoders run on megabyte selectors.
 */
function encodeWith(value: string, raw: Uint8Array, slashOnlyOutsideQuotes: boolean): string {
  let encoded = '';
  let rawRunStart = 0;
  let quote = OUTSIDE_QUOTES;
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code < 0x80) {
      const insideQuotes = quote !== OUTSIDE_QUOTES;
      if (slashOnlyOutsideQuotes) quote = nextQuoteState(quote, code);
      if (raw[code] === 1 && !(insideQuotes && code === SLASH && slashOnlyOutsideQuotes)) continue;
      encoded += value.slice(rawRunStart, index) + (PERCENT_BYTE[code] ?? '');
      rawRunStart = index + 1;
      continue;
    }
    const codePoint = value.codePointAt(index) ?? 0;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      throw new XcapCoreError('invalid-argument', `Unpaired surrogate ${codePointLabel(codePoint)} at index ${index} cannot be percent-encoded as UTF-8.`);
    }
    bytes.length = 0;
    appendUtf8Bytes(codePoint, bytes);
    encoded += value.slice(rawRunStart, index);
    for (const byte of bytes) encoded += PERCENT_BYTE[byte] ?? '';
    if (codePoint > 0xffff) index++;
    rawRunStart = index + 1;
  }
  return encoded + value.slice(rawRunStart);
}

/**
 * A path segment (AUID, XUI, document path segment): RFC 3986 pchar stays readable, so
 * `sip:alice@example.com` goes on the wire as is; "/", "?", "#", "%", space, non-ASCII and
 * the characters RFC 3986 never allows raw ([ ] " < > ^ ` { | } \) are encoded.
 */
export function encodePathSegment(value: string): string {
  return encodeWith(value, PATH_SEGMENT_RAW, false);
}

/**
 * A node selector. Each step is a path segment and the "/" between steps stays literal;
 * a "/" inside a quoted attribute value is data, so it is sent as %2F (no server or HTTP
 * client may split or dot-normalise there). `list[@name="friends"]` → `list%5B@name=%22friends%22%5D`.
 */
export function encodeNodeSelector(selector: string): string {
  return encodeWith(selector, NODE_SELECTOR_RAW, true);
}

/**
 * Query text (the xmlns() bindings): pchar, "/" and "?" stay readable, so `xmlns(p=urn:x:y)`
 * reads as typed. "'" is encoded although the RFC allows it: a canonical query then holds no
 * quote characters, which keeps the display form of a selector with a stray quote parseable.
 */
export function encodeQueryText(value: string): string {
  return encodeWith(value, QUERY_RAW, false);
}

// ---------------------------------------------------------------------------------------------
// Decoding

export interface PercentDecodeOptions {
  /** 1-based column of `text[0]` within the whole URI, for error positions. Default 1. */
  column?: number;
  /**
   * 'strict' (default): a "%" not followed by two hex digits is an error.
   * 'lenient': such a "%" is kept as a literal character (text typed by a person).
   */
  mode?: 'strict' | 'lenient';
}

/** The byte of the "%XX" at `index`, or -1 when there is no well-formed one there. */
function readByte(text: string, index: number): number {
  if (text.charCodeAt(index) !== PERCENT) return -1;
  // charCodeAt past the end is NaN, which hexValue maps to -1: no separate bounds check.
  const high = hexValue(text.charCodeAt(index + 1));
  const low = hexValue(text.charCodeAt(index + 2));
  return high < 0 || low < 0 ? -1 : (high << 4) | low;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Width (1 or 2) of the raw character at `index`; throws on control characters and unpaired surrogates. */
function checkRawCharacter(text: string, index: number, column: number): number {
  const code = text.charCodeAt(index);
  if (isControl(code)) {
    throw new XcapCoreError('invalid-uri', `Control character ${codePointLabel(code)} at column ${column + index} is not allowed in an XCAP URI.`, {
      column: column + index,
    });
  }
  if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) return 2;
  if (isHighSurrogate(code) || isLowSurrogate(code)) {
    throw new XcapCoreError('invalid-uri', `Unpaired surrogate ${codePointLabel(code)} at column ${column + index} is not a character.`, {
      column: column + index,
    });
  }
  return 1;
}

function invalidUtf8(text: string, start: number, end: number, column: number): XcapCoreError {
  const shown = text.slice(start, Math.min(end, text.length, start + 12));
  return new XcapCoreError(
    'invalid-percent-encoding',
    `Percent-encoded bytes "${shown}" at column ${column + start} are not valid UTF-8.`,
    { column: column + start },
  );
}

/** Joins UTF-16 code units; in blocks, because fromCharCode takes its arguments on the stack. */
function stringFromCodeUnits(units: Uint16Array, length: number): string {
  const BLOCK = 8192;
  let text = '';
  for (let offset = 0; offset < length; offset += BLOCK) {
    // apply, not spread: spreading a typed array goes through its iterator, several times slower.
    text += String.fromCharCode.apply(null, units.subarray(offset, Math.min(length, offset + BLOCK)) as unknown as number[]);
  }
  return text;
}

function encodedControl(text: string, index: number, codePoint: number, sequenceLength: number, column: number): XcapCoreError {
  return new XcapCoreError(
    'invalid-uri',
    `Percent-encoded control character ${codePointLabel(codePoint)} ("${text.slice(index, index + 3 * sequenceLength)}") at column ${column + index} is not allowed in an XCAP URI.`,
    { column: column + index },
  );
}

/**
 * Decodes %XX sequences as UTF-8. Throws XcapCoreError 'invalid-percent-encoding' (malformed
 * %XX in strict mode, bytes that are not UTF-8) or 'invalid-uri' (control characters, raw or
 * encoded, and unpaired surrogates: no XCAP name, XUI or selector may contain them).
 */
export function percentDecode(text: string, options: PercentDecodeOptions = {}): string {
  const column = options.column ?? 1;
  const lenient = options.mode === 'lenient';
  if (!text.includes('%')) {
    // Fast path (most segments): nothing to decode, only characters to check.
    const forbidden = findForbiddenCharacter(text, 0, text.length);
    if (forbidden >= 0) checkRawCharacter(text, forbidden, column);
    return text;
  }
  // Decoded text is never longer than the escaped text, so one buffer of that size suffices.
  const units = new Uint16Array(text.length);
  let length = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code > 0x20 && code < 0x7f && code !== PERCENT) {
      units[length++] = code; // printable ASCII: the common case, no checks needed
      index++;
      continue;
    }
    if (code !== PERCENT) {
      const width = checkRawCharacter(text, index, column);
      units[length++] = code;
      if (width === 2) units[length++] = text.charCodeAt(index + 1);
      index += width;
      continue;
    }
    const lead = readByte(text, index);
    if (lead < 0) {
      if (!lenient) {
        throw new XcapCoreError(
          'invalid-percent-encoding',
          `Malformed percent-encoding "${text.slice(index, index + 3)}" at column ${column + index}: "%" must be followed by two hex digits (write "%25" for a literal "%").`,
          { column: column + index },
        );
      }
      units[length++] = PERCENT; // lenient: a typed "%" that starts no escape
      index++;
      continue;
    }
    if (lead < 0x80) {
      if (isControl(lead)) throw encodedControl(text, index, lead, 1, column);
      units[length++] = lead; // an escaped ASCII character: the common escape
      index += 3;
      continue;
    }
    const sequenceLength = utf8SequenceLength(lead);
    if (sequenceLength === 0) throw invalidUtf8(text, index, index + 3, column);
    let codePoint = lead & (0xff >> (sequenceLength + 1));
    for (let position = 1; position < sequenceLength; position++) {
      const byte = readByte(text, index + 3 * position);
      const valid = byte >= 0 && (position === 1 ? isValidSecondByte(lead, byte) : isContinuationByte(byte));
      if (!valid) throw invalidUtf8(text, index, index + 3 * (position + 1), column);
      codePoint = (codePoint << 6) | (byte & 0x3f);
    }
    if (isControl(codePoint)) throw encodedControl(text, index, codePoint, sequenceLength, column);
    if (codePoint > 0xffff) {
      units[length++] = 0xd800 + ((codePoint - 0x10000) >> 10);
      units[length++] = 0xdc00 + ((codePoint - 0x10000) & 0x3ff);
    } else {
      units[length++] = codePoint;
    }
    index += 3 * sequenceLength;
  }
  return stringFromCodeUnits(units, length);
}

/**
 * Index in `text` of the character that decoded to UTF-16 offset `decodedOffset` of
 * percentDecode(text): lets errors found in decoded text point at the column the user sees.
 * Only meaningful for text that percentDecode accepted.
 */
export function rawIndexOfDecodedOffset(text: string, decodedOffset: number): number {
  let decoded = 0;
  let index = 0;
  while (index < text.length && decoded < decodedOffset) {
    const lead = readByte(text, index);
    if (lead < 0) {
      index++;
      decoded++;
      continue;
    }
    const length = Math.max(1, utf8SequenceLength(lead));
    decoded += length === 4 ? 2 : 1;
    index += 3 * length;
  }
  return index;
}
