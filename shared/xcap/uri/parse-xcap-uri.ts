/**
 * The XCAP URI parser behind parseXcapUri (strict: wire form, RFC 3986 characters only) and
 * parseXcapUriLenient (pasted text: node selector typed unencoded, raw non-ASCII, a request
 * line around the URI). One linear pass per stage, so megabyte inputs cost milliseconds.
 */
import { XcapCoreError } from '../errors';
import { codePointLabel, isControl } from './char-classes';
import { detectLegacyXcapUri } from './legacy';
import { percentDecode, rawIndexOfDecodedOffset } from './percent';
import { capitalise, checkSegment, isRawDotSegment } from './segments';
import { findTypedSelectorEnd } from './selector-quotes';
import { parseUriHead } from './uri-head';
import type { ParseXcapUriOptions, XcapUri } from './xcap-uri';
import { locateDocument, NODE_SELECTOR_SEPARATOR, PathReader, rootSegmentCount, type DecodeMode } from './xcap-path';
import { checkRawPathCharacters, rawCharacterError } from './xcap-root';
import { xcapUriProblem } from './xcap-uri-rules';
import { parseXmlnsQuery } from './xmlns-query';

function invalid(message: string, index: number): XcapCoreError {
  const column = index + 1;
  return new XcapCoreError('invalid-uri', `${message} (column ${column}).`, { column });
}

function checkNoControlCharacters(text: string, start: number, end: number): void {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (isControl(code)) throw invalid(`Control character ${codePointLabel(code)} is not allowed in an XCAP URI`, index);
  }
}

function firstOf(text: string, marks: string, start: number, end: number): number {
  for (let index = start; index < end; index++) if (marks.includes(text.charAt(index))) return index;
  return end;
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
  const { start, end } = region;
  checkNoControlCharacters(text, start, end);
  const legacy = detectLegacyXcapUri(text, options);
  if (legacy !== null) throw new XcapCoreError('legacy-uri', legacy.message, { column: legacy.column });

  const head = parseUriHead(text, start, end);
  if (mode === 'strict') checkRawPathCharacters(text, head.pathStart, end, '?');
  const pathEnd = firstOf(text, mode === 'strict' ? '?' : '?#', head.pathStart, end);
  if (head.pathStart === pathEnd || text.charAt(head.pathStart) !== '/') {
    throw invalid('Missing the path: an XCAP URI continues after the host with "/", the AUID and the document', head.pathStart);
  }

  const reader = new PathReader(text, head.pathStart, pathEnd, mode);
  const rootCount = rootSegmentCount(reader, head, options.root);
  const location = locateDocument(reader, rootCount);
  const rootEnd = (reader.segments[rootCount]?.start ?? pathEnd) - 1;
  reader.segments.slice(0, rootCount).forEach((segment, index) => checkSegment(segment, reader.decoded(index), 'a segment of the XCAP root path'));

  const documentPath: string[] = [];
  let separator = -1;
  if (!location.directory) {
    for (let index = location.documentStart; index < reader.segments.length; index++) {
      const decoded = reader.decoded(index);
      if (decoded === NODE_SELECTOR_SEPARATOR) {
        separator = index;
        break;
      }
      const segment = reader.segments[index];
      if (segment !== undefined && segment.raw === '' && index === reader.segments.length - 1) {
        throw invalid(
          'The document path ends with "/": directory URIs exist only as root/auid/, root/auid/global/ and root/auid/users/<XUI>/',
          segment.start - 1,
        );
      }
      if (segment !== undefined) checkSegment(segment, decoded, 'a document path segment');
      documentPath.push(decoded);
    }
  }

  let cursor = pathEnd;
  let nodeSelector: string | null = null;
  let selectorStart = -1;
  const separatorSegment = reader.segments[separator];
  if (separatorSegment !== undefined) {
    if (documentPath.length === 0) throw invalid('A node selector needs a document: "~~" follows the scope directly', separatorSegment.start);
    selectorStart = separatorSegment.start + separatorSegment.raw.length + 1;
    if (separator === reader.segments.length - 1) throw invalid('Expected "/" and a node selector after "~~"', selectorStart - 1);
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
  const problem = xcapUriProblem(uri);
  if (problem !== null) throw invalid(capitalise(problem.message), problem.field === 'nodeSelector' ? selectorStart : start);
  return uri;
}

function readSelector(text: string, start: number, end: number, mode: DecodeMode): string {
  const raw = text.slice(start, end);
  if (raw === '') throw invalid('The node selector after "/~~/" is empty', start);
  if (mode === 'strict') {
    let stepStart = start;
    for (const step of raw.split('/')) {
      if (isRawDotSegment(step)) throw invalid(`The node selector step "${step}" is a dot segment, which HTTP clients remove before sending`, stepStart);
      stepStart += step.length + 1;
    }
  }
  return percentDecode(raw, { column: start + 1, mode });
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
