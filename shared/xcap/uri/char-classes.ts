/**
 * RFC 3986 §2 character classes over ASCII, as a lookup table: the parser and the encoders
 * test every character of inputs up to megabytes long, so a table beats regular expressions.
 */

const UNRESERVED = 1; // ALPHA / DIGIT / "-" / "." / "_" / "~"
const SUB_DELIM = 2; // "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="
const PCHAR_EXTRA = 4; // ":" / "@"  (pchar = unreserved / pct-encoded / sub-delims / ":" / "@")
const HEX = 8;

const classes = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (/[A-Za-z0-9\-._~]/.test(char)) classes[code] = (classes[code] ?? 0) | UNRESERVED;
  if ("!$&'()*+,;=".includes(char)) classes[code] = (classes[code] ?? 0) | SUB_DELIM;
  if (':@'.includes(char)) classes[code] = (classes[code] ?? 0) | PCHAR_EXTRA;
  if (/[0-9A-Fa-f]/.test(char)) classes[code] = (classes[code] ?? 0) | HEX;
}

function has(code: number, flags: number): boolean {
  return code < 128 && ((classes[code] ?? 0) & flags) !== 0;
}

export function isUnreserved(code: number): boolean {
  return has(code, UNRESERVED);
}

export function isSubDelim(code: number): boolean {
  return has(code, SUB_DELIM);
}

/** RFC 3986 reg-name without the pct-encoded alternative: unreserved / sub-delims. */
export function isRegNameChar(code: number): boolean {
  return has(code, UNRESERVED | SUB_DELIM);
}

/** RFC 3986 pchar without the pct-encoded alternative: a character that may appear raw in a path segment. */
export function isPathChar(code: number): boolean {
  return has(code, UNRESERVED | SUB_DELIM | PCHAR_EXTRA);
}

export function isHexDigit(code: number): boolean {
  return has(code, HEX);
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

const HEX_VALUES = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) {
  HEX_VALUES[digit.toString(16).charCodeAt(0)] = digit;
  HEX_VALUES[digit.toString(16).toUpperCase().charCodeAt(0)] = digit;
}

/** Value of a hex digit, or -1 when `code` is none (NaN included). */
export function hexValue(code: number): number {
  return code < 128 ? (HEX_VALUES[code] ?? -1) : -1;
}

/** Unicode general category Cc: C0 controls, DEL and C1 controls. */
export function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** "U+0009" style name of a code point, for error messages about invisible characters. */
export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
