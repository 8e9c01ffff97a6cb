/**
 * The syntax of HTTP authentication headers (RFC 9110 §11), shared by Digest and Basic:
 *
 *   credentials   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param    = token BWS "=" BWS ( token / quoted-string )
 *   quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
 *
 * Parsing is strict where leniency would be ambiguous (a duplicated parameter, text after a
 * value, an unterminated quote, a control character) and lenient where RFC 9110 says
 * recipients must be (empty list elements, any case in parameter names).
 */

const HTAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const EQUALS = 0x3d;
const BACKSLASH = 0x5c;

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;

export interface SplitCredentials {
  /** As sent; compare case-insensitively. */
  scheme: string;
  /** Everything after the scheme and its spaces, trailing spaces removed; '' when none. */
  rest: string;
}

/** Splits an Authorization value into scheme and the rest; null when it does not start with a scheme. */
export function splitCredentials(header: string): SplitCredentials | null {
  const text = trimOws(header);
  const schemeEnd = tokenEnd(text, 0);
  if (schemeEnd === 0) return null;
  if (schemeEnd < text.length && text.charCodeAt(schemeEnd) !== SPACE) return null;
  return { scheme: text.slice(0, schemeEnd), rest: trimOws(text.slice(schemeEnd)) };
}

export function isToken68(text: string): boolean {
  return TOKEN68.test(text);
}

/**
 * Parses `#auth-param` into a map keyed by the lowercased parameter name, values unquoted.
 * null when the text is malformed or names a parameter twice.
 */
export function parseAuthParams(text: string): Map<string, string> | null {
  const params = new Map<string, string>();
  let index = 0;
  for (;;) {
    index = skipOwsAndCommas(text, index);
    if (index >= text.length) return params;
    const nameEnd = tokenEnd(text, index);
    if (nameEnd === index) return null;
    const name = text.slice(index, nameEnd).toLowerCase();
    index = skipOws(text, nameEnd);
    if (text.charCodeAt(index) !== EQUALS) return null;
    index = skipOws(text, index + 1);
    let value: string;
    if (text.charCodeAt(index) === QUOTE) {
      const quoted = readQuotedString(text, index);
      if (quoted === null) return null;
      ({ value, end: index } = quoted);
    } else {
      const valueEnd = tokenEnd(text, index);
      if (valueEnd === index) return null;
      value = text.slice(index, valueEnd);
      index = valueEnd;
    }
    if (params.has(name)) return null;
    params.set(name, value);
    index = skipOws(text, index);
    if (index < text.length && text.charCodeAt(index) !== COMMA) return null;
  }
}

/** `value` as a quoted-string. Throws RangeError for characters a quoted-string cannot hold. */
export function quoteString(value: string): string {
  for (let index = 0; index < value.length; index++) {
    if (!isQuotable(value.charCodeAt(index))) throw new RangeError(`a quoted-string cannot hold U+${value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** Whether a quoted-string can hold this character (escaped or not): HTAB, SP, VCHAR, obs-text. */
export function isQuotable(code: number): boolean {
  return code === HTAB || (code >= SPACE && code !== 0x7f && code <= 0xff);
}

function readQuotedString(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) return { value, end: index + 1 };
    if (code === BACKSLASH) {
      index++;
      if (index >= text.length || !isQuotable(text.charCodeAt(index))) return null;
      value += text.charAt(index);
    } else if (isQuotable(code)) {
      value += text.charAt(index);
    } else {
      return null;
    }
  }
  return null;
}

function tokenEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length && TCHAR.test(text.charAt(index))) index++;
  return index;
}

function skipOws(text: string, start: number): number {
  let index = start;
  while (index < text.length && isOws(text.charCodeAt(index))) index++;
  return index;
}

function skipOwsAndCommas(text: string, start: number): number {
  let index = start;
  while (index < text.length && (isOws(text.charCodeAt(index)) || text.charCodeAt(index) === COMMA)) index++;
  return index;
}

function trimOws(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isOws(text.charCodeAt(start))) start++;
  while (end > start && isOws(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

function isOws(code: number): boolean {
  return code === SPACE || code === HTAB;
}
