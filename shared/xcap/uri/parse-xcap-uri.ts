/**
 * The XCAP URI parser behind parseXcapUri (strict: wire form, RFC 3986 characters only) and
 * parseXcapUriLenient (pasted text: node selector typed unencoded, raw non-ASCII, a request
 * line around the URI). One linear pass per stage, so megabyte inputs cost milliseconds.
 */
import { XcapCoreError } from '../errors';
import { writeXcapUri } from './build-xcap-uri';
import { detectLegacyXcapUri, report } from './legacy';
import { legacyNodePathStart } from './legacy-shapes';
import { PathReader, type DecodeMode } from './path-reader';
import { encodeNodeSelector, percentDecode, rawIndexOfDecodedOffset } from './percent';
import { capitalise, checkSegment, isRawDotSegment } from './segments';
import { findTypedSelectorEnd } from './selector-quotes';
import { parseUriHead } from './uri-head';
import type { ParseXcapUriOptions, XcapUri } from './xcap-uri';
import { locateDocument, NODE_SELECTOR_SEPARATOR, rootSegmentCount } from './xcap-path';
import { checkRawPathCharacters, rawCharacterError } from './xcap-root';
import { selectorDotStepProblem } from './xcap-uri-rules';
import { parseXmlnsQuery } from './xmlns-query';

function invalid(message: string, index: number): XcapCoreError {
  const column = index + 1;
  return new XcapCoreError('invalid-uri', `${message} (column ${column}).`, { column });
}

/** Index of the first "?" (and, when `orFragment`, "#") in text[start, end), or end. */
function queryOrFragmentStart(text: string, start: number, end: number, orFragment: boolean): number {
  const query = text.indexOf('?', start);
  const fragment = orFragment ? text.indexOf('#', start) : -1;
  const first = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
  return first < 0 || first > end ? end : first;
}

interface Region {
  readonly start: number;
  readonly end: number;
}

/**
 * Parses text[start, end) (the caller has trimmed anything around the URI; columns count in
 * the whole text). Throws XcapCoreError 'invalid-uri', 'invalid-percent-encoding',
 * 'legacy-uri' or — for a bad options.root — 'invalid-argument'.
 */
export function parseXcapUriText(text: string, region: Region, options: ParseXcapUriOptions, mode: DecodeMode): XcapUri {
  try {
    return parseRegion(text, region, options, mode);
  } catch (error) {
    // Every pre-RFC 4825 form fails as an RFC 4825 URI (raw "[", a query that is no xmlns(), a
    // document path that reads as a node path), so the detector only runs on failure.
    if (!(error instanceof XcapCoreError) || error.code === 'invalid-argument' || error.code === 'legacy-uri') throw error;
    const legacy = detectLegacyXcapUri(text, options);
    if (legacy !== null) throw new XcapCoreError('legacy-uri', legacy.message, { column: legacy.column });
    throw error;
  }
}

function parseRegion(text: string, region: Region, options: ParseXcapUriOptions, mode: DecodeMode): XcapUri {
  const { start, end } = region;
  const head = parseUriHead(text, start, end);
  if (mode === 'strict') checkRawPathCharacters(text, head.pathStart, end, '?');
  const pathEnd = queryOrFragmentStart(text, head.pathStart, end, mode === 'lenient');
  if (head.pathStart === pathEnd || text.charAt(head.pathStart) !== '/') {
    throw invalid('Missing the path: an XCAP URI continues after the host with "/", the AUID and the document', head.pathStart);
  }

  const reader = new PathReader(text, head.pathStart, pathEnd, mode);
  const rootCount = rootSegmentCount(reader, head, options.root);
  const location = locateDocument(reader, rootCount);
  const rootEnd = reader.start(rootCount) - 1;
  checkRoot(reader, rootCount, mode);

  const documentPath: string[] = [];
  let separator = -1;
  if (!location.directory) {
    for (let index = location.documentStart; index < reader.count; index++) {
      if (reader.is(index, NODE_SELECTOR_SEPARATOR)) {
        separator = index;
        break;
      }
      if (reader.isEmpty(index) && index === reader.count - 1) {
        throw invalid(
          'The document path ends with "/": directory URIs exist only as root/auid/, root/auid/global/ and root/auid/users/<XUI>/',
          reader.start(index) - 1,
        );
      }
      const decoded = reader.decoded(index);
      checkSegment(reader.start(index), decoded, 'a document path segment');
      documentPath.push(decoded);
    }
  }

  let cursor = pathEnd;
  let nodeSelector: string | null = null;
  let selectorStart = -1;
  if (separator >= 0) {
    if (documentPath.length === 0) throw invalid('A node selector needs a document: "~~" follows the scope directly', reader.start(separator));
    selectorStart = reader.end(separator) + 1;
    if (separator === reader.count - 1) throw invalid('Expected "/" and a node selector after "~~"', selectorStart - 1);
    cursor = mode === 'strict' ? pathEnd : findTypedSelectorEnd(text, selectorStart, end);
    nodeSelector = readSelector(text, selectorStart, cursor, mode);
  }

  const namespaces = readQuery(text, cursor, end, mode, location.directory);
  const uri: XcapUri = {
    kind: location.directory ? 'directory' : 'document',
    root: text.slice(start, rootEnd),
    auid: location.auid,
    scope: location.scope,
    documentPath,
    nodeSelector,
    namespaces,
  };
  checkParsedUri(uri, selectorStart, {
    column: (index) => reader.start(location.documentStart + index) + 1,
    // Decoding the rest of the path in one go equals joining the decoded segments, without a million-part join.
    from: (index) => percentDecode(text.slice(reader.start(location.documentStart + index), pathEnd), { mode }),
  });
  return uri;
}

/** Where document-path segment `index` starts (1-based column), and the decoded path from it on. */
interface DocumentPathText {
  column(index: number): number;
  from(index: number): string;
}

/**
 * The rules of xcapUriProblem that the steps above do not already enforce, so that whatever
 * parses also builds: dot steps of the canonical selector, and document paths that read as
 * the legacy path form (reported as such right here, the parts being at hand).
 */
function checkParsedUri(uri: XcapUri, selectorStart: number, documentPathText: DocumentPathText): void {
  const selectorProblem = uri.nodeSelector === null ? null : selectorDotStepProblem(uri.nodeSelector);
  if (selectorProblem !== null) throw invalid(capitalise(selectorProblem), selectorStart);
  const nodePathStart = uri.nodeSelector === null ? legacyNodePathStart(uri.documentPath) : -1;
  if (nodePathStart < 0) return;
  // Every part passed the checks above, so the RFC 4825 form is writable without validating it again.
  const column = documentPathText.column(nodePathStart);
  const nodeSelector = documentPathText.from(nodePathStart);
  const rfcForm: XcapUri = { ...uri, documentPath: uri.documentPath.slice(0, nodePathStart), nodeSelector };
  const legacy = report('path-selector', column, writeXcapUri(rfcForm, encodeNodeSelector), nodeSelector);
  throw new XcapCoreError('legacy-uri', legacy.message, { column });
}

/**
 * The root is kept as written, so it must be valid wire text even in lenient mode: RFC 3986
 * characters only and well-formed escapes (strict mode checked the characters already).
 */
function checkRoot(reader: PathReader, rootCount: number, mode: DecodeMode): void {
  if (rootCount === 0) return;
  if (mode === 'lenient') checkRawPathCharacters(reader.text, reader.pathStart, reader.start(rootCount) - 1);
  for (let index = 0; index < rootCount; index++) {
    const decoded = mode === 'strict' ? reader.decoded(index) : percentDecode(reader.raw(index), { column: reader.start(index) + 1 });
    checkSegment(reader.start(index), decoded, 'a segment of the XCAP root path');
  }
}

function readSelector(text: string, start: number, end: number, mode: DecodeMode): string {
  if (start === end) throw invalid('The node selector after "/~~/" is empty', start);
  if (mode === 'strict') {
    // Dot segments on the wire, which HTTP clients would remove (in lenient mode only the canonical form is sent).
    let stepStart = start;
    for (let index = start; index <= end; index++) {
      if (index < end && text.charCodeAt(index) !== 0x2f) continue;
      const step = index - stepStart <= 6 ? text.slice(stepStart, index) : '';
      if (isRawDotSegment(step)) throw invalid(`The node selector step "${step}" is a dot segment, which HTTP clients remove before sending`, stepStart);
      stepStart = index + 1;
    }
  }
  return percentDecode(text.slice(start, end), { column: start + 1, mode });
}

function readQuery(text: string, cursor: number, end: number, mode: DecodeMode, directory: boolean): Record<string, string> {
  if (cursor >= end) return {};
  if (text.charAt(cursor) === '#') throw rawCharacterError(text, cursor);
  const queryStart = cursor + 1;
  const fragment = mode === 'lenient' ? text.indexOf('#', queryStart) : -1;
  if (fragment >= 0 && fragment < end) throw rawCharacterError(text, fragment);
  const raw = text.slice(queryStart, end);
  if (raw === '') return {};
  if (directory) throw invalid('A directory URI takes no query', cursor);
  const decoded = percentDecode(raw, { column: queryStart + 1, mode });
  return parseXmlnsQuery(decoded, (offset) => queryStart + rawIndexOfDecodedOffset(raw, offset) + 1);
}
