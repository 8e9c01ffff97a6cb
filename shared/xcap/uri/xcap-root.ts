/**
 * The XCAP root URI (RFC 4825 §6.1): `scheme://authority[/path]`, e.g.
 * `https://xcap.example.com/services` or `http://[::1]:8080/xcap-root`. Kept exactly as
 * written; only its syntax is checked here.
 */
import { XcapCoreError } from '../errors';
import { isControl, isPathChar } from './char-classes';
import { forbiddenCharacterError } from './forbidden-characters';
import { PathReader } from './path-reader';
import { encodePathSegment } from './percent';
import { checkSegment } from './segments';
import { parseUriHead, type UriHead } from './uri-head';

export interface ParsedXcapRoot {
  readonly head: UriHead;
  /** The root without a trailing "/". */
  readonly text: string;
  readonly path: PathReader;
}

/**
 * Parses a root given on its own (options.root, XcapUri.root). One trailing "/" is dropped
 * when `allowTrailingSlash`. Throws XcapCoreError('invalid-uri') with a column in `root`.
 */
export function parseXcapRoot(root: string, allowTrailingSlash: boolean): ParsedXcapRoot {
  const text = allowTrailingSlash && root.endsWith('/') && !root.endsWith('//') ? root.slice(0, -1) : root;
  const head = parseUriHead(text);
  const rest = text.slice(head.pathStart);
  const stray = rest.search(/[?#]/);
  if (stray >= 0) {
    const column = head.pathStart + stray + 1;
    throw new XcapCoreError('invalid-uri', `An XCAP root has no query or fragment, found "${rest.charAt(stray)}" (column ${column}).`, { column });
  }
  if (rest === '/') {
    const column = head.pathStart + 1;
    throw new XcapCoreError('invalid-uri', `An XCAP root does not end with "/" (column ${column}).`, { column });
  }
  checkRawPathCharacters(text, head.pathStart, text.length);
  const path = new PathReader(text, head.pathStart, text.length, 'strict');
  for (let index = 0; index < path.count; index++) checkSegment(path.start(index), path.decoded(index), 'a segment of the XCAP root path');
  return { head, text, path };
}

/**
 * Every character of text[start, end) must be allowed raw in a URI path (pchar, "/", or the
 * "%" of an escape). Throws XcapCoreError('invalid-uri') naming the character, its column
 * and its escape.
 */
export function checkRawPathCharacters(text: string, start: number, end: number, alsoAllowed = ''): void {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (isPathChar(code) || code === 0x2f || code === 0x25 || alsoAllowed.includes(text.charAt(index))) continue;
    throw rawCharacterError(text, index);
  }
}

export function rawCharacterError(text: string, index: number): XcapCoreError {
  const column = index + 1;
  const code = text.codePointAt(index) ?? 0;
  if (code === 0x23) {
    return new XcapCoreError('invalid-uri', `Fragments ("#" at column ${column}) are not allowed in an XCAP URI.`, { column });
  }
  if ((code >= 0xd800 && code <= 0xdfff) || isControl(code)) return forbiddenCharacterError(text, index);
  const char = String.fromCodePoint(code);
  const escape = encodePathSegment(char);
  return new XcapCoreError(
    'invalid-uri',
    `The character "${char}" at column ${column} must be percent-encoded as ${escape} (parseXcapUriLenient accepts node selectors typed unencoded).`,
    { column },
  );
}
