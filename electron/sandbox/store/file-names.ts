/**
 * File and directory names for the decoded segments of a key, safe on Linux, macOS and Windows:
 *
 * - Only `a-z 0-9 . _ -` stay readable; every other byte of the segment's UTF-8 form becomes %XX
 *   (uppercase hex). Encoding uppercase letters means no two segments map to names that differ
 *   only in case (macOS and Windows compare names case-insensitively: `sip:Bob` and `sip:bob`
 *   are different XUIs); encoding non-ASCII means Unicode normalisation cannot merge two names.
 *   `sip:alice@example.com` is stored as `sip%3Aalice%40example.com`.
 * - A leading "." is encoded (no hidden files, and the "." prefix is left to temporary files), and
 *   so is a trailing "." (Windows drops it).
 * - Windows device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with any extension) get their first
 *   letter encoded: `con.xml` is stored as `%63on.xml`.
 * - A document's file gets the suffix "=", which no encoded segment contains: the document `a`
 *   and the directory `a` holding the document `a/b` can then coexist.
 *
 * The mapping is reversible by percent-decoding, and a name is recognised only in its canonical
 * spelling, so foreign files in the data directory are never mistaken for documents.
 */
import { percentDecode } from '../../../shared/xcap/uri';
import { StoreError } from './store-error';

export const DOCUMENT_SUFFIX = '=';

/** Prefix of the temporary files of atomic writes: no encoded segment starts with ".". */
export const TEMP_PREFIX = '.tmp-';

/** Longest encoded segment: 255-byte file name limits, less the suffix and some margin. */
export const MAX_FILE_NAME_LENGTH = 240;

const utf8 = new TextEncoder();
const HEX = '0123456789ABCDEF';
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/;

function isReadableByte(byte: number): boolean {
  return (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2e || byte === 0x5f || byte === 0x2d;
}

function percentByte(byte: number): string {
  return `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
}

function percentChar(char: string): string {
  return percentByte(char.charCodeAt(0));
}

/** The directory name for a decoded segment. Throws StoreError 'invalid-key' when it would be too long. */
export function segmentToFileName(segment: string): string {
  let name = '';
  for (const byte of utf8.encode(segment)) name += isReadableByte(byte) ? String.fromCharCode(byte) : percentByte(byte);
  if (name.startsWith('.')) name = percentChar('.') + name.slice(1);
  if (name.endsWith('.')) name = name.slice(0, -1) + percentChar('.');
  if (WINDOWS_DEVICE_NAME.test(name)) name = percentChar(name) + name.slice(1);
  if (name.length > MAX_FILE_NAME_LENGTH) {
    throw new StoreError('invalid-key', `The key segment "${segment.slice(0, 40)}…" is too long to be stored as a file name (${name.length} > ${MAX_FILE_NAME_LENGTH} characters encoded).`);
  }
  return name;
}

/** The file name of a document whose last key segment is `segment`. */
export function documentFileName(segment: string): string {
  return segmentToFileName(segment) + DOCUMENT_SUFFIX;
}

/** The decoded segment a canonical directory name stands for, or null for any other name. */
export function fileNameToSegment(name: string): string | null {
  let segment: string;
  try {
    segment = percentDecode(name);
    return segmentToFileName(segment) === name ? segment : null;
  } catch {
    return null;
  }
}

/** The decoded last segment of a document file name, or null when `name` is no document file. */
export function documentFileNameToSegment(name: string): string | null {
  return name.endsWith(DOCUMENT_SUFFIX) ? fileNameToSegment(name.slice(0, -DOCUMENT_SUFFIX.length)) : null;
}

export function isTempFileName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}
