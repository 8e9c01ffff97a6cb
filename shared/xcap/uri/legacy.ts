/**
 * Pre-RFC 4825 XCAP URIs, as in draft-ietf-simple-xcap and the examples of 3GPP TS 24.141
 * annex A.8, which had no "~~" separator:
 *
 *   query-selector  the node selector in the query:
 *                   http://xcap.home1.net/services/resource-lists/users/user1/pf.xml?resource-lists/list[@name="Presence_fellows"]/entry
 *   path-selector   the node selector straight after the document name:
 *                   http://xcap.home1.net/services/permission-statements/users/user1/ps.xml/permission-statements/statement[@id="dsafa43232"]/permissions/show-namespace
 *
 * Servers read both as something else (a query they ignore, a document that does not
 * exist), so the parsers refuse them with a suggestion instead of misreading them. The
 * path-selector form is recognised only after a document name ending in ".xml": after a name
 * without an extension it is indistinguishable from a deeper document path.
 */
import { XcapCoreError } from '../errors';
import { buildXcapUri } from './build-xcap-uri';
import { legacyNodePathStart, looksLikeSelectorStart } from './legacy-shapes';
import { PathReader } from './path-reader';
import { percentDecode, rawIndexOfDecodedOffset } from './percent';
import { stripRequestLine } from './request-line';
import { selectorTypoProblem } from './selector-typos';
import { parseUriHead } from './uri-head';
import type { ParseXcapUriOptions, XcapUri } from './xcap-uri';
import { locateDocument, NODE_SELECTOR_SEPARATOR, rootSegmentCount } from './xcap-path';
import { parseXmlnsQuery } from './xmlns-query';

export type LegacyXcapUriForm = 'query-selector' | 'path-selector';

export interface LegacyXcapUriReport {
  form: LegacyXcapUriForm;
  /** Names the form, says it predates RFC 4825 and shows the RFC 4825 form. */
  message: string;
  /** The RFC 4825 form of the same request, in canonical encoding (buildXcapUri). */
  suggestion: string;
  /** 1-based column where the legacy node selector starts. */
  column: number;
}

const PRE_RFC = 'pre-RFC 4825 XCAP URI (draft-ietf-simple-xcap / 3GPP TS 24.141 annex A.8)';

function describe(form: LegacyXcapUriForm, column: number, suggestion: string, selector: string): string {
  const where =
    form === 'query-selector'
      ? `the node selector is in the query (query-selector form, column ${column})`
      : `the node selector follows the document name directly (path-selector form, column ${column})`;
  const typo = selectorTypoProblem(selector);
  const note = typo === null ? '' : ` Note: the node selector itself looks malformed (${typo}); fix it before sending.`;
  return `This is a ${PRE_RFC}: ${where}. RFC 4825 separates the node selector with "/~~/" and keeps the query for xmlns() namespace bindings: ${suggestion}${note}`;
}

/**
 * Recognises the pre-RFC 4825 forms (also inside a request line such as "PUT <uri>").
 * Returns null for RFC 4825 URIs and for text that is not recognisably an XCAP URI at all.
 */
export function detectLegacyXcapUri(text: string, options: ParseXcapUriOptions = {}): LegacyXcapUriReport | null {
  try {
    return detect(text, options);
  } catch (error) {
    if (error instanceof XcapCoreError) return null; // not an XCAP URI of any age: the parser says why
    throw error;
  }
}

interface LegacyParts {
  readonly text: string;
  readonly reader: PathReader;
  readonly documentStart: number;
  readonly base: Omit<XcapUri, 'documentPath' | 'nodeSelector' | 'namespaces'>;
  /** Index of the "?" and the raw query after it, or null. */
  readonly queryMark: number;
  readonly rawQuery: string | null;
}

function detect(text: string, options: ParseXcapUriOptions): LegacyXcapUriReport | null {
  const { start, end } = stripRequestLine(text);
  const head = parseUriHead(text, start, end);
  const fragment = text.indexOf('#', head.pathStart);
  const regionEnd = fragment >= 0 && fragment < end ? fragment : end;
  const queryMark = text.indexOf('?', head.pathStart);
  const pathEnd = queryMark >= 0 && queryMark < regionEnd ? queryMark : regionEnd;
  if (text.charAt(head.pathStart) !== '/' || head.pathStart >= pathEnd) return null;
  // Quick exit for the common case: neither form is possible without a query or an ".xml" name.
  if (pathEnd === regionEnd && !/\.xml|%/i.test(text.slice(head.pathStart, pathEnd))) return null;

  const reader = new PathReader(text, head.pathStart, pathEnd, 'lenient');
  const rootCount = rootSegmentCount(reader, head, options.root);
  const location = locateDocument(reader, rootCount);
  if (location.directory || location.scope === null) return null;
  for (let index = location.documentStart; index < reader.count; index++) {
    if (reader.is(index, NODE_SELECTOR_SEPARATOR)) return null; // RFC 4825 form
  }
  const parts: LegacyParts = {
    text,
    reader,
    documentStart: location.documentStart,
    base: { kind: 'document', root: text.slice(start, reader.start(rootCount) - 1), auid: location.auid, scope: location.scope },
    queryMark,
    rawQuery: pathEnd === queryMark ? text.slice(queryMark + 1, regionEnd) : null,
  };
  return detectQuerySelector(parts) ?? detectPathSelector(parts);
}

function documentPathOf({ reader, documentStart }: LegacyParts): string[] {
  const documentPath: string[] = [];
  for (let index = documentStart; index < reader.count; index++) documentPath.push(reader.decoded(index));
  return documentPath;
}

function detectQuerySelector(parts: LegacyParts): LegacyXcapUriReport | null {
  if (parts.rawQuery === null || /^\s*xmlns/.test(parts.rawQuery.slice(0, 16))) return null;
  const query = percentDecode(parts.rawQuery, { mode: 'lenient' }).trim();
  if (query === '' || /^xmlns\s*\(/.test(query) || !looksLikeSelectorStart(query)) return null;
  const suggestion = buildXcapUri({ ...parts.base, documentPath: documentPathOf(parts), nodeSelector: query, namespaces: {} });
  return report('query-selector', parts.queryMark + 2, suggestion, query);
}

/** Whether the segment may decode to a name ending in "l" (raw "l", "L", "%6C" or "%4C"): cheap, and rules out ".xml" without decoding. */
function mayEndWithL({ text, reader }: LegacyParts, index: number): boolean {
  const end = reader.end(index);
  const last = text.charCodeAt(end - 1) | 0x20;
  if (last === 0x6c) return true;
  return end - 3 >= reader.start(index) && text.charCodeAt(end - 3) === 0x25 && /^[46]c$/i.test(text.slice(end - 2, end));
}

function detectPathSelector(parts: LegacyParts): LegacyXcapUriReport | null {
  const { reader, documentStart, rawQuery, queryMark } = parts;
  let candidate = false;
  for (let index = documentStart; index < reader.count - 1 && !candidate; index++) candidate = mayEndWithL(parts, index);
  if (!candidate) return null;
  const documentPath = documentPathOf(parts);
  const nodePathStart = legacyNodePathStart(documentPath);
  if (nodePathStart < 0) return null;
  const namespaces =
    rawQuery === null || rawQuery === ''
      ? {}
      : parseXmlnsQuery(percentDecode(rawQuery, { mode: 'lenient' }), (offset) => queryMark + 2 + rawIndexOfDecodedOffset(rawQuery, offset));
  const column = reader.start(documentStart + nodePathStart) + 1;
  const nodeSelector = documentPath.slice(nodePathStart).join('/');
  const rfcForm: XcapUri = { ...parts.base, documentPath: documentPath.slice(0, nodePathStart), nodeSelector, namespaces };
  return report('path-selector', column, buildXcapUri(rfcForm), nodeSelector);
}

/** The report of a legacy `form` whose node selector starts at `column`, given its RFC 4825 form. */
export function report(form: LegacyXcapUriForm, column: number, suggestion: string, selector: string): LegacyXcapUriReport {
  return { form, message: describe(form, column, suggestion, selector), suggestion, column };
}
