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
import { percentDecode, rawIndexOfDecodedOffset } from './percent';
import { stripRequestLine } from './request-line';
import { nextQuoteState, OUTSIDE_QUOTES } from './selector-quotes';
import { parseUriHead } from './uri-head';
import type { ParseXcapUriOptions, XcapUri } from './xcap-uri';
import { PathReader } from './path-reader';
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

/**
 * Why a selector recovered from a legacy URI is visibly malformed (TS 24.141 A.8.2-5 has
 * `entry[@name=user2"]`), or null. Only the quoting and bracketing a typo breaks; the
 * selector grammar itself is checked where selectors are parsed.
 */
export function selectorTypoProblem(selector: string): string | null {
  let quote = OUTSIDE_QUOTES;
  let depth = 0;
  for (let index = 0; index < selector.length; index++) {
    const char = selector.charAt(index);
    const outside = quote === OUTSIDE_QUOTES;
    quote = nextQuoteState(quote, selector.charCodeAt(index));
    if (!outside) continue;
    if (char === '[') depth++;
    if (char === ']' && --depth < 0) return `"]" at index ${index} closes no "["`;
    if (char === '=' && depth > 0 && !/^\s*["']/.test(selector.slice(index + 1, index + 64))) {
      return `the attribute value after "=" at index ${index} is not quoted`;
    }
  }
  if (quote !== OUTSIDE_QUOTES) return `a quoted value opened with ${String.fromCharCode(quote)} is never closed`;
  if (depth > 0) return 'a "[" is never closed';
  return null;
}

function describe(form: LegacyXcapUriForm, column: number, suggestion: string, selector: string): string {
  const where =
    form === 'query-selector'
      ? `the node selector is in the query ("?" form, column ${column})`
      : `the node selector follows the document name directly (path form, column ${column})`;
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
  const documentPath: string[] = [];
  for (let index = location.documentStart; index < reader.count; index++) {
    if (reader.is(index, NODE_SELECTOR_SEPARATOR)) return null; // RFC 4825 form
    documentPath.push(reader.decoded(index));
  }
  const base: Omit<XcapUri, 'documentPath' | 'nodeSelector' | 'namespaces'> = {
    kind: 'document',
    root: text.slice(start, reader.start(rootCount) - 1),
    auid: location.auid,
    scope: location.scope,
  };

  const rawQuery = pathEnd === queryMark ? text.slice(queryMark + 1, regionEnd) : null;
  const query = rawQuery === null ? null : percentDecode(rawQuery, { mode: 'lenient' }).trim();
  if (query !== null && query !== '' && !/^xmlns\s*\(/.test(query) && looksLikeSelectorStart(query)) {
    const suggestion = buildXcapUri({ ...base, documentPath, nodeSelector: query, namespaces: {} });
    const column = queryMark + 2;
    return { form: 'query-selector', message: describe('query-selector', column, suggestion, query), suggestion, column };
  }

  const nodePathStart = legacyNodePathStart(documentPath);
  if (nodePathStart < 0) return null;
  const nodeSelector = documentPath.slice(nodePathStart).join('/');
  const namespaces =
    rawQuery === null || query === ''
      ? {}
      : parseXmlnsQuery(percentDecode(rawQuery, { mode: 'lenient' }), (offset) => queryMark + 2 + rawIndexOfDecodedOffset(rawQuery, offset));
  const suggestion = buildXcapUri({ ...base, documentPath: documentPath.slice(0, nodePathStart), nodeSelector, namespaces });
  const column = reader.start(location.documentStart + nodePathStart) + 1;
  return { form: 'path-selector', message: describe('path-selector', column, suggestion, nodeSelector), suggestion, column };
}
