/**
 * XCAP URIs (RFC 4825 §6):
 *
 *   XCAP-root "/" AUID "/" ( "users/" XUI | "global" ) "/" document-path
 *             [ "/~~/" node-selector ] [ "?" xmlns()-bindings ]
 *
 * e.g. https://xcap.example.com/services/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22friends%22%5D
 * plus the directory forms `root/auid/`, `root/auid/global/` and `root/auid/users/<XUI>/`.
 *
 * Round-trips: parseXcapUri(buildXcapUri(u), { root: u.root }) deep-equals u, and
 * buildXcapUri(parseXcapUri(s)) === s for every s in canonical encoding (defined in
 * build-xcap-uri.ts). Without options.root the parser has to guess where the root ends (see
 * parseXcapUri), which finds u.root unless a segment of the root path after its first, or
 * the AUID under a root with a path, is "users" or "global", or one of them is "~~". No
 * parser can do better: root "http://h/a" + AUID "users" + XUI "x" and root "http://h" +
 * AUID "a" + XUI "users" + document "x/..." are the same string.
 */
import { parseXcapUriText } from './parse-xcap-uri';
import { stripRequestLine } from './request-line';

export { buildXcapUri } from './build-xcap-uri';
export { formatXcapUriForDisplay } from './display-form';

export type XcapUriScope = { kind: 'users'; xui: string } | { kind: 'global' };

export interface XcapUri {
  /** 'directory' for root/auid/, root/auid/global/ and root/auid/users/<XUI>/ (documentPath []). */
  kind: 'document' | 'directory';
  /** As written, no trailing slash, e.g. "https://xcap.example.com/services". */
  root: string;
  /** Decoded, e.g. "resource-lists". */
  auid: string;
  /** Decoded XUI, e.g. "sip:alice@example.com"; null only for the AUID directory root/auid/. */
  scope: XcapUriScope | null;
  /** Decoded segments, the last is the document name; [] for a directory. */
  documentPath: string[];
  /** Decoded selector text as typed, e.g. list[@name="friends"]/entry[1]; null when none. */
  nodeSelector: string | null;
  /** Prefix → namespace name, from the query's xmlns() bindings, in query order. */
  namespaces: Record<string, string>;
}

export interface ParseXcapUriOptions {
  /**
   * The XCAP root of the server, e.g. "https://xcap.example.com/services" (a trailing "/" is
   * ignored). The URI must start with it: scheme and host compared case-insensitively, the
   * path exactly as written.
   */
  root?: string;
}

/**
 * Parses an XCAP URI in wire form (RFC 3986 characters only; any valid percent-encoding,
 * lowercase hex included). Without options.root, the root is everything before the first
 * path segment followed by a "users" or "global" segment; when there is none, a URI ending
 * in "/" is the AUID directory root/auid/.
 *
 * Throws XcapCoreError: 'invalid-uri' (with the 1-based column, counted in UTF-16 code
 * units), 'invalid-percent-encoding', 'legacy-uri' (pre-RFC 4825 forms, see
 * detectLegacyXcapUri), 'invalid-argument' (options.root is not a root URI).
 */
export function parseXcapUri(text: string, options: ParseXcapUriOptions = {}): XcapUri {
  return parseXcapUriText(text, { start: 0, end: text.length }, options, 'strict');
}

/**
 * Parses an XCAP URI as people paste it: the node selector typed unencoded
 * (`.../~~/list[@name="friends"]`, where "?" and "#" inside quoted values are data), raw
 * non-ASCII and other characters a URI would encode, surrounding whitespace, and an HTTP
 * request line around it ("PUT <uri> HTTP/1.1"). %XX sequences are still decoded, and a "%"
 * that starts none is a literal "%". Produces the same XcapUri as parseXcapUri does for
 * the encoded URI, and inverts formatXcapUriForDisplay. Throws like parseXcapUri.
 */
export function parseXcapUriLenient(text: string, options: ParseXcapUriOptions = {}): XcapUri {
  return parseXcapUriText(text, stripRequestLine(text), options, 'lenient');
}
