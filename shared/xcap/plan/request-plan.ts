import { XcapCoreError } from '../errors';
import type { NodeKind } from '../selector/ast';
import { nodeKindOf } from '../selector/ast';
import { parseNodeSelector } from '../selector/parse';
import { findApplicationUsage } from '../usages/registry';
import { buildXcapUri } from '../uri';
import type { XcapUri } from '../uri';
import type { XcapMethod } from '../edit/types';
import { XCAP_ATTRIBUTE_TYPE, XCAP_ELEMENT_TYPE, XCAP_NAMESPACE_TYPE } from '../edit/types';

/**
 * The exact HTTP request of an XCAP operation. The client sends this object as it is (adding only
 * authentication and what the profile configures); the playground shows it. One code path.
 */
export interface RequestPlan {
  readonly method: XcapMethod;
  /** Absolute URI as it goes on the wire (node selector percent-encoded). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly resource: 'document' | NodeKind;
}

export interface RequestPlanInput {
  readonly method: XcapMethod;
  readonly uri: XcapUri;
  readonly body?: string | null;
  /** The ETag the client last saw: If-Match on PUT/DELETE (never overwrite another client's change), If-None-Match on GET. */
  readonly etag?: string | null;
  /** PUT that must only create: If-None-Match: * (412 if the document already exists). */
  readonly createOnly?: boolean;
  /** Headers the profile configures (User-Agent, X-3GPP-Intended-Identity, ...). */
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

export function planRequest(input: RequestPlanInput): RequestPlan {
  const { method, uri } = input;
  if (method !== 'GET' && method !== 'PUT' && method !== 'DELETE') {
    throw new XcapCoreError('invalid-argument', `XCAP uses GET, PUT and DELETE, not ${String(method)}`);
  }
  const resource = uri.nodeSelector === null ? 'document' : nodeKindOf(parseNodeSelector(uri.nodeSelector));
  const body = input.body ?? null;
  if (method === 'PUT' && body === null) throw new XcapCoreError('invalid-argument', 'a PUT needs a body');
  if (method !== 'PUT' && body !== null) throw new XcapCoreError('invalid-argument', `a ${method} has no body`);
  if (method === 'PUT' && resource === 'namespace') throw new XcapCoreError('invalid-argument', 'namespace bindings cannot be written (the server answers 405)');

  const headers: Record<string, string> = { ...input.extraHeaders };
  if (method === 'PUT') headers['Content-Type'] = contentTypeFor(resource, uri.auid);
  if (input.createOnly) {
    if (method !== 'PUT') throw new XcapCoreError('invalid-argument', 'create-only applies to PUT');
    headers['If-None-Match'] = '*';
  } else if (input.etag) {
    headers[method === 'GET' ? 'If-None-Match' : 'If-Match'] = quoteEtag(input.etag);
  }
  return { method, url: buildXcapUri(uri), headers, body, resource };
}

export function contentTypeFor(resource: 'document' | NodeKind, auid: string): string {
  switch (resource) {
    case 'element':
      return XCAP_ELEMENT_TYPE;
    case 'attribute':
      return XCAP_ATTRIBUTE_TYPE;
    case 'namespace':
      return XCAP_NAMESPACE_TYPE;
    case 'document':
      return findApplicationUsage(auid)?.mimeType ?? 'application/xml';
  }
}

/** ETags go on the wire as quoted strings (RFC 9110 §8.8.3); accept them typed with or without quotes. */
export function quoteEtag(etag: string): string {
  const trimmed = etag.trim();
  if (/^(W\/)?"[^"]*"$/.test(trimmed)) return trimmed;
  if (/["\s]/.test(trimmed) || trimmed === '') throw new XcapCoreError('invalid-argument', `"${etag}" is not a valid ETag`);
  return `"${trimmed}"`;
}
