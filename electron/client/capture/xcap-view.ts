import { nodeKindOf, parseNodeSelector } from '../../../shared/xcap/selector';
import { parseXcapUri } from '../../../shared/xcap/uri';
import type { XcapUri } from '../../../shared/xcap/uri';
import type { ExchangeRequest, ExchangeResponse, XcapResourceKind, XcapView } from './exchange';
import { xcapErrorTag } from './xcap-error-tag';

export interface XcapViewOptions {
  /** The profile's XCAP root; without it the root is guessed (see parseXcapUri). */
  readonly root?: string;
}

/**
 * The XCAP reading of an exchange: which document and node it addressed, and the xcap-error
 * condition of a 409. Null when the URL is not an XCAP URI (other servers, the root itself,
 * pre-RFC 4825 forms); never throws.
 */
export function decodeXcapView(
  request: Pick<ExchangeRequest, 'url'>,
  response: Pick<ExchangeResponse, 'headers' | 'body'> | null,
  options: XcapViewOptions = {},
): XcapView | null {
  let uri: XcapUri;
  try {
    uri = parseXcapUri(request.url, options.root === undefined ? {} : { root: options.root });
  } catch {
    return null; // not an XCAP URI (XcapCoreError), or anything else: the record must not fail over a view
  }
  return {
    root: uri.root,
    auid: uri.auid,
    scope: uri.scope?.kind ?? null,
    xui: uri.scope?.kind === 'users' ? uri.scope.xui : null,
    documentPath: uri.documentPath.join('/'),
    nodeSelector: uri.nodeSelector,
    resource: resourceKind(uri),
    namespaces: { ...uri.namespaces },
    xcapError: response === null ? null : xcapErrorTag(response.headers, response.body?.bytes ?? null),
  };
}

function resourceKind(uri: XcapUri): XcapResourceKind | null {
  if (uri.kind === 'directory') return 'directory';
  if (uri.nodeSelector === null) return 'document';
  try {
    return nodeKindOf(parseNodeSelector(uri.nodeSelector));
  } catch {
    return null;
  }
}
