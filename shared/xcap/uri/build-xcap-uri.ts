/**
 * Writing an XcapUri in canonical form.
 *
 * Canonical encoding (what "exact round-trip" is measured against):
 *   - the root exactly as given (it is not re-encoded or normalised);
 *   - AUID, XUI and document path segments through encodePathSegment: RFC 3986 pchar raw,
 *     everything else as uppercase %XX of its UTF-8 bytes;
 *   - the node selector after "/~~/" through encodeNodeSelector ("/" between steps raw,
 *     "/" inside a quoted value as %2F, "[", "]", '"' and the like encoded);
 *   - the query, present only when there are bindings, as xmlns(prefix=namespace) parts in
 *     the record's order, "(" ")" "^" in namespace names escaped with "^", through encodeQueryText;
 *   - directory URIs end with "/": `root/auid/`, `root/auid/global/`, `root/auid/users/<xui>/`.
 * For every string s in canonical encoding, buildXcapUri(parseXcapUri(s)) === s.
 */
import { XcapCoreError } from '../errors';
import { encodeNodeSelector, encodePathSegment } from './percent';
import type { XcapUri } from './xcap-uri';
import { xcapUriProblem } from './xcap-uri-rules';
import { buildXmlnsQuery } from './xmlns-query';

/** Writes `uri`, spelling its node selector with `writeSelector`. The caller has validated `uri`. */
export function writeXcapUri(uri: XcapUri, writeSelector: (selector: string) => string): string {
  let text = `${uri.root}/${encodePathSegment(uri.auid)}/`;
  if (uri.scope !== null) text += uri.scope.kind === 'users' ? `users/${encodePathSegment(uri.scope.xui)}/` : 'global/';
  text += uri.documentPath.map(encodePathSegment).join('/');
  if (uri.nodeSelector !== null) text += `/~~/${writeSelector(uri.nodeSelector)}`;
  const query = buildXmlnsQuery(uri.namespaces);
  if (query !== '') text += `?${query}`;
  return text;
}

/** Throws XcapCoreError('invalid-argument') naming the first rule `uri` breaks. */
export function assertBuildable(uri: XcapUri): void {
  const problem = xcapUriProblem(uri);
  if (problem !== null) {
    throw new XcapCoreError('invalid-argument', `Cannot write this XCAP URI (${problem.field}): ${problem.message}.`);
  }
}

/** The canonical wire form of `uri`. Throws XcapCoreError('invalid-argument') for values no URI can carry. */
export function buildXcapUri(uri: XcapUri): string {
  assertBuildable(uri);
  return writeXcapUri(uri, encodeNodeSelector);
}
