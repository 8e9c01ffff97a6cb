/**
 * Store keys: which document a key names, and its one canonical spelling.
 *
 * A key is a path relative to the XCAP root, in URI wire form: segments separated by "/", each
 * percent-encoded as in an XCAP URI (RFC 4825 §6), e.g.
 *
 *   resource-lists/users/sip:alice@example.com/index     an XCAP document of a user
 *   xcap-caps/global/index                               a global XCAP document
 *   mime/users/sip:alice@example.com/avatar/photo.jpg    a MIME object of a user
 *
 * Any valid spelling is accepted (`sip:alice%40example.com` names the same document as
 * `sip:alice@example.com`); the store answers with the canonical one (encodePathSegment of
 * every decoded segment). A "/" inside a segment is written %2F. The first segment "mime" is
 * the MIME object namespace, so no XCAP application usage may be called "mime".
 */
import { encodePathSegment, percentDecode, type XcapUriScope } from '../../../shared/xcap/uri';
import { XcapCoreError } from '../../../shared/xcap/errors';
import { StoreError } from './store-error';

export const MIME_NAMESPACE = 'mime';

/** Canonical keys longer than this are refused: no real document needs one, and paths stay short. */
export const MAX_KEY_LENGTH = 2048;

/** What a key names, with every segment decoded. */
export type StoreLocation =
  | { namespace: 'xcap'; auid: string; scope: XcapUriScope; documentPath: string[] }
  | { namespace: 'mime'; xui: string; path: string[] };

/** A key taken apart: the canonical spelling, the decoded segments, and what they name. */
export interface ResolvedKey {
  readonly key: string;
  readonly segments: readonly string[];
  readonly location: StoreLocation;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function invalidKey(key: string, why: string, cause?: unknown): StoreError {
  return new StoreError('invalid-key', `Invalid store key ${JSON.stringify(key)}: ${why}.`, { cause });
}

/** Throws unless `segment` (decoded) can name a directory or file: not empty, ".", "..", controls or lone surrogates. */
function checkDecodedSegment(segment: string, key: string): void {
  if (typeof segment !== 'string') throw invalidKey(key, 'every segment must be a string');
  if (segment === '') throw invalidKey(key, 'empty segment (leading, trailing or doubled "/")');
  if (segment === '.' || segment === '..') throw invalidKey(key, `"${segment}" segment`);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(segment)) throw invalidKey(key, 'control character in a segment');
  if (LONE_SURROGATE.test(segment)) throw invalidKey(key, 'unpaired surrogate in a segment');
}

function decodeSegments(key: string, allowEmpty: boolean): string[] {
  if (typeof key !== 'string') throw new StoreError('invalid-key', `A store key must be a string, not ${typeof key}.`);
  if (key.length > 3 * MAX_KEY_LENGTH) throw invalidKey(key.slice(0, 64) + '…', `longer than ${MAX_KEY_LENGTH} characters`);
  if (allowEmpty && key === '') return [];
  return key.split('/').map((raw) => {
    let decoded: string;
    try {
      decoded = percentDecode(raw);
    } catch (error) {
      if (error instanceof XcapCoreError) throw invalidKey(key, error.message, error);
      throw error;
    }
    checkDecodedSegment(decoded, key);
    return decoded;
  });
}

function canonicalKey(segments: readonly string[], shown: string): string {
  const key = segments.map(encodePathSegment).join('/');
  if (key.length > MAX_KEY_LENGTH) throw invalidKey(shown.slice(0, 64) + '…', `longer than ${MAX_KEY_LENGTH} characters`);
  return key;
}

/** What a list of decoded segments names; throws 'invalid-key' when it is no document of either namespace. */
function locate(segments: readonly string[], key: string): StoreLocation {
  const [first, scope, xui] = segments;
  if (first === MIME_NAMESPACE) {
    if (scope !== 'users' || xui === undefined || segments.length < 4) {
      throw invalidKey(key, 'a MIME object key is mime/users/<xui>/<path...>');
    }
    return { namespace: 'mime', xui, path: segments.slice(3) };
  }
  if (first !== undefined && scope === 'users' && xui !== undefined && segments.length >= 4) {
    return { namespace: 'xcap', auid: first, scope: { kind: 'users', xui }, documentPath: segments.slice(3) };
  }
  if (first !== undefined && scope === 'global' && segments.length >= 3) {
    return { namespace: 'xcap', auid: first, scope: { kind: 'global' }, documentPath: segments.slice(2) };
  }
  throw invalidKey(key, 'an XCAP document key is <auid>/users/<xui>/<path...> or <auid>/global/<path...>');
}

/**
 * Keys resolved lately. Every store operation resolves its key, and a server works on the same
 * few documents over and over; a resolved key is an immutable value. Cleared when full.
 */
const recentKeys = new Map<string, ResolvedKey>();
const RECENT_KEYS = 1024;

/** Parses and checks a document key. Throws StoreError 'invalid-key'. */
export function resolveKey(key: string): ResolvedKey {
  const known = recentKeys.get(key);
  if (known !== undefined) return known;
  const segments = decodeSegments(key, false);
  const location = locate(segments, key);
  const resolved: ResolvedKey = Object.freeze({ key: canonicalKey(segments, key), segments: Object.freeze(segments), location: Object.freeze(location) });
  if (recentKeys.size >= RECENT_KEYS) recentKeys.clear();
  recentKeys.set(key, resolved);
  return resolved;
}

/** Decoded segments of a list prefix: '' (everything) or any directory path; a trailing "/" is ignored. */
export function resolvePrefix(prefix: string): { key: string; segments: string[] } {
  const trimmed = typeof prefix === 'string' && prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const segments = decodeSegments(trimmed, true);
  return { key: canonicalKey(segments, prefix), segments };
}

/** What a key names, segments decoded. Throws StoreError 'invalid-key'. */
export function parseStoreKey(key: string): StoreLocation {
  return resolveKey(key).location;
}

/** The canonical key of a location (decoded segments, e.g. from parseXcapUri). Throws StoreError 'invalid-key'. */
export function formatStoreKey(location: StoreLocation): string {
  const segments = locationSegments(location);
  const shown = segments.join('/');
  segments.forEach((segment) => checkDecodedSegment(segment, shown));
  if (location.namespace === 'xcap' && location.auid === MIME_NAMESPACE) {
    throw invalidKey(shown, `"${MIME_NAMESPACE}" is reserved for MIME objects, not an AUID`);
  }
  locate(segments, shown); // the parser's shape rules, so both directions agree
  return canonicalKey(segments, shown);
}

function locationSegments(location: StoreLocation): string[] {
  if (location === null || typeof location !== 'object') throw new StoreError('invalid-key', 'A store location must be an object.');
  if (location.namespace === 'mime') return [MIME_NAMESPACE, 'users', location.xui, ...arrayOf(location.path)];
  if (location.namespace !== 'xcap') throw new StoreError('invalid-key', 'A store location namespace is "xcap" or "mime".');
  const scope = location.scope?.kind === 'users' ? ['users', location.scope.xui] : location.scope?.kind === 'global' ? ['global'] : null;
  if (scope === null) throw new StoreError('invalid-key', 'An XCAP location scope is { kind: "users", xui } or { kind: "global" }.');
  return [location.auid, ...scope, ...arrayOf(location.documentPath)];
}

function arrayOf(path: unknown): string[] {
  if (!Array.isArray(path) || path.length === 0) throw new StoreError('invalid-key', 'A document path must be a non-empty array of segments.');
  return path as string[];
}
