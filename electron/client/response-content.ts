import type { RequestPlan } from '../../shared/xcap/plan';
import { findApplicationUsage } from '../../shared/xcap/usages/registry';
import { parseXcapUri } from '../../shared/xcap/uri';
import { resolveReferences } from '../../shared/xcap/xml/references';

/**
 * What an XCAP answer's body is, read the way the request asked for it. Real servers do not always
 * label node answers as RFC 4825 §15.2 says: Kamailio answers element and attribute GETs with the
 * document's MIME type (quirk kamailio-node-get-document-type). The request decides what the body
 * is; a document-ish label on a node answer is accepted and flagged, a foreign one is not decoded.
 */
export type XcapContent =
  | { readonly kind: 'empty' }
  | { readonly kind: 'document'; readonly mediaType: string | null; readonly text: string }
  | { readonly kind: 'element'; readonly xml: string; readonly mediaTypeMismatch: boolean }
  /** `value` with references resolved (`&lt;` → `<`); `raw` as sent. */
  | { readonly kind: 'attribute'; readonly value: string; readonly raw: string; readonly mediaTypeMismatch: boolean }
  | { readonly kind: 'namespaces'; readonly xml: string; readonly mediaTypeMismatch: boolean }
  | { readonly kind: 'xcap-error'; readonly text: string }
  /** Error explanations (text/plain), or a node answer in a type that cannot be the node. */
  | { readonly kind: 'other'; readonly mediaType: string | null; readonly text: string };

const NODE_TYPES = { element: 'application/xcap-el+xml', attribute: 'application/xcap-att+xml', namespace: 'application/xcap-ns+xml' } as const;
const GENERIC_XML = new Set(['application/xml', 'text/xml']);

export function readXcapContent(resource: RequestPlan['resource'], url: string, status: number, contentType: string | null, body: Uint8Array): XcapContent {
  if (body.length === 0) return { kind: 'empty' };
  const text = new TextDecoder().decode(body);
  const type = mediaTypeOf(contentType);
  if (type === 'application/xcap-error+xml') return { kind: 'xcap-error', text };
  if (status < 200 || status >= 300 || resource === 'document') return status >= 200 && status < 300 ? { kind: 'document', mediaType: type, text } : { kind: 'other', mediaType: type, text };
  const expected = NODE_TYPES[resource];
  const mediaTypeMismatch = type !== expected;
  if (mediaTypeMismatch && !(type === null || GENERIC_XML.has(type) || type === documentTypeOf(url))) return { kind: 'other', mediaType: type, text };
  switch (resource) {
    case 'element':
      return { kind: 'element', xml: text, mediaTypeMismatch };
    case 'attribute':
      return { kind: 'attribute', value: resolveReferences(text) ?? text, raw: text, mediaTypeMismatch };
    case 'namespace':
      return { kind: 'namespaces', xml: text, mediaTypeMismatch };
  }
}

function mediaTypeOf(contentType: string | null): string | null {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === '' ? null : type;
}

/** The MIME type of the document the URL addresses (what a quirky server labels node answers with). */
function documentTypeOf(url: string): string | null {
  try {
    return findApplicationUsage(parseXcapUri(url).auid)?.mimeType ?? null;
  } catch {
    return null; // not an XCAP URI: no document type to tolerate
  }
}
