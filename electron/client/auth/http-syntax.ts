/**
 * The lexical pieces of HTTP authentication headers (RFC 9110 §5.6, §11.2), shared by the
 * WWW-Authenticate parser and the Authorization builders:
 *
 *   token         = 1*tchar
 *   token68       = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *   quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
 *   OWS           = *( SP / HTAB )
 *
 * Scanners take the text and a start index and return an end index, so callers can report the
 * exact position of a problem.
 */
import { AuthError } from './auth-error';
import { wireFromText } from './wire-text';

const HTAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
const DEL = 0x7f;

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
const TCHAR = new Uint8Array(128);
for (const char of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TCHAR[char.charCodeAt(0)] = 1;
const TOKEN68_CHAR = new Uint8Array(128);
for (const char of '-._~+/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz') TOKEN68_CHAR[char.charCodeAt(0)] = 1;

export function isTchar(code: number): boolean {
  return code < 128 && TCHAR[code] === 1;
}

export function isToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let index = 0; index < text.length; index++) if (!isTchar(text.charCodeAt(index))) return false;
  return true;
}

export function isOws(code: number): boolean {
  return code === SPACE || code === HTAB;
}

/**
 * Whether a quoted-string can hold this code unit (escaped or not): HTAB, SP, VCHAR, obs-text.
 * Code units above 0xFF are not bytes, but text a caller already decoded: accepted as obs-text.
 */
export function isQuotable(code: number): boolean {
  return code === HTAB || (code >= SPACE && code !== DEL);
}

export function tokenEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length && isTchar(text.charCodeAt(index))) index++;
  return index;
}

/** The end of a token68 starting at `start` (its trailing "=" included), or `start` when there is none. */
export function token68End(text: string, start: number): number {
  let index = start;
  while (index < text.length && text.charCodeAt(index) < 128 && TOKEN68_CHAR[text.charCodeAt(index)] === 1) index++;
  if (index === start) return start;
  while (index < text.length && text.charAt(index) === '=') index++;
  return index;
}

export function skipOws(text: string, start: number): number {
  let index = start;
  while (index < text.length && isOws(text.charCodeAt(index))) index++;
  return index;
}

/** Skips OWS and empty list elements (RFC 9110 §5.6.1: recipients accept `a, , b`). */
export function skipOwsAndCommas(text: string, start: number): number {
  let index = start;
  while (index < text.length && (isOws(text.charCodeAt(index)) || text.charCodeAt(index) === COMMA)) index++;
  return index;
}

export function isCommaAt(text: string, index: number): boolean {
  return text.charCodeAt(index) === COMMA;
}

export type QuotedStringResult = { readonly value: string; readonly end: number } | { readonly error: string; readonly at: number };

/** Reads the quoted-string whose opening DQUOTE is at `start`, removing the escapes. */
export function readQuotedString(text: string, start: number): QuotedStringResult {
  let value = '';
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) return { value, end: index + 1 };
    if (code === BACKSLASH) {
      index++;
      if (index >= text.length) break;
      if (!isQuotable(text.charCodeAt(index))) return { error: 'a control character after "\\"', at: index };
      value += text.charAt(index);
    } else if (isQuotable(code)) {
      value += text.charAt(index);
    } else {
      return { error: 'a control character in a quoted string', at: index };
    }
  }
  return { error: 'a quoted string without its closing quote', at: start };
}

/**
 * `value` as a quoted-string for a header Node will send (characters above U+00FF as UTF-8 bytes).
 * Throws AuthError 'invalid-argument' for control characters: CR or LF would split the header.
 */
export function quoteString(value: string, what: string): string {
  const wire = wireFromText(value);
  for (let index = 0; index < wire.length; index++) {
    if (!isQuotable(wire.charCodeAt(index))) {
      throw new AuthError('invalid-argument', `${what} contains a control character (U+${wire.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}), which an HTTP header cannot carry.`);
    }
  }
  return `"${wire.replace(/["\\]/g, '\\$&')}"`;
}
