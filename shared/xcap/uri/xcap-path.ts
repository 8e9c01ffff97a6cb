/**
 * Reading the path of an XCAP URI up to the document path (RFC 4825 §6):
 *
 *   root-path-segments "/" AUID "/" ( "users/" XUI | "global" ) "/" document-path ["/~~/" node-selector]
 *
 * Shared by the parser and the legacy detector so both agree on where the root ends.
 */
import { XcapCoreError } from '../errors';
import { PathReader } from './path-reader';
import { checkSegment } from './segments';
import { shown } from './shown';
import type { UriHead } from './uri-head';
import type { XcapUriScope } from './xcap-uri';
import { parseXcapRoot } from './xcap-root';

function invalid(message: string, column: number): XcapCoreError {
  return new XcapCoreError('invalid-uri', `${message} (column ${column}).`, { column });
}

export const NODE_SELECTOR_SEPARATOR = '~~';

/**
 * How many path segments belong to the XCAP root. With `root` given, the URI must start with
 * it (scheme and host compared case-insensitively, the path exactly). Without it, the root is
 * everything before the first segment followed by "users" or "global"; failing that, a path
 * ending in "/" is read as the AUID directory `root/auid/`.
 */
export function rootSegmentCount(reader: PathReader, head: UriHead, root: string | undefined): number {
  return root === undefined ? detectRootSegmentCount(reader) : matchGivenRoot(reader, head, root);
}

function matchGivenRoot(reader: PathReader, head: UriHead, root: string): number {
  let given;
  try {
    given = parseXcapRoot(root, true);
  } catch (error) {
    if (error instanceof XcapCoreError) {
      throw new XcapCoreError('invalid-argument', `options.root "${shown(root)}" is not an XCAP root URI: ${error.message}`);
    }
    throw error;
  }
  const mismatch = (column: number): XcapCoreError =>
    invalid(`The URI does not start with the XCAP root "${shown(given.text)}" given in options.root`, column);
  const sameHead =
    head.scheme.toLowerCase() === given.head.scheme.toLowerCase() && head.authority.toLowerCase() === given.head.authority.toLowerCase();
  if (!sameHead) throw mismatch(1);
  for (let index = 0; index < given.path.count; index++) {
    if (index >= reader.count) throw mismatch(reader.endColumn);
    if (reader.raw(index) !== given.path.raw(index)) throw mismatch(reader.start(index) + 1);
  }
  return given.path.count;
}

function detectRootSegmentCount(reader: PathReader): number {
  const { count } = reader;
  let index = 0;
  for (; index + 1 < count; index++) {
    if (reader.is(index, NODE_SELECTOR_SEPARATOR)) break;
    if (reader.is(index + 1, 'users') || reader.is(index + 1, 'global')) return index;
  }
  const sawSeparator = index + 1 < count;
  if (count >= 2 && reader.isEmpty(count - 1) && !sawSeparator) return count - 2;
  throw invalid(
    'Cannot tell where the XCAP root ends: no "users" or "global" segment follows an AUID. ' +
      'Pass options.root, or end an AUID directory URI with "/"',
    reader.pathStart + 1,
  );
}

export interface DocumentLocation {
  readonly auid: string;
  readonly scope: XcapUriScope | null;
  /** Index of the first document-path segment. */
  readonly documentStart: number;
  /** True for `root/auid/`, `root/auid/global/` and `root/auid/users/<xui>/`. */
  readonly directory: boolean;
}

/** Reads AUID and scope after the root's segments; throws XcapCoreError('invalid-uri'). */
export function locateDocument(reader: PathReader, rootCount: number): DocumentLocation {
  const isTrailingSlash = (index: number): boolean => index === reader.count - 1 && reader.isEmpty(index);

  if (rootCount >= reader.count) throw invalid('Missing the AUID after the XCAP root', reader.endColumn);
  const auid = reader.decoded(rootCount);
  checkSegment(reader.start(rootCount), auid, 'the AUID');

  const scopeIndex = rootCount + 1;
  if (scopeIndex >= reader.count) {
    throw invalid(
      `Expected "/" after the AUID "${shown(auid)}": an AUID directory URI ends with "/", a document URI continues with "/users/<XUI>/" or "/global/"`,
      reader.endColumn,
    );
  }
  if (isTrailingSlash(scopeIndex)) return { auid, scope: null, documentStart: scopeIndex + 1, directory: true };

  let scope: XcapUriScope;
  let documentStart: number;
  const scopeName = reader.decoded(scopeIndex);
  if (scopeName === 'global') {
    scope = { kind: 'global' };
    documentStart = scopeIndex + 1;
  } else if (scopeName === 'users') {
    if (scopeIndex + 1 >= reader.count) throw invalid('Missing the XUI after "users/"', reader.endColumn);
    const xui = reader.decoded(scopeIndex + 1);
    checkSegment(reader.start(scopeIndex + 1), xui, 'the XUI');
    scope = { kind: 'users', xui };
    documentStart = scopeIndex + 2;
  } else {
    throw invalid(`Expected "users" or "global" after the AUID "${shown(auid)}", found "${shown(scopeName)}"`, reader.start(scopeIndex) + 1);
  }

  if (documentStart >= reader.count) {
    const where = scope.kind === 'users' ? `the XUI "${shown(scope.xui)}"` : '"global"';
    throw invalid(
      `Expected "/" after ${where}: a document URI continues with "/" and the document path, a directory URI ends with "/"`,
      reader.endColumn,
    );
  }
  return { auid, scope, documentStart, directory: isTrailingSlash(documentStart) };
}
