import type { IncomingHttpHeaders } from 'node:http';

/**
 * HTTP preconditions (RFC 9110 §13) as XCAP uses them: node resources share their document's
 * ETag (RFC 4825 §7.11), so a client can make an element PUT conditional on the document it read.
 * Answers the status to send instead of performing the request (412, or 304 for a GET), or null.
 * `currentEtag` is the document's (null: no document); `resourceExists` says whether the addressed
 * document or node exists, which is what `*` asks. An If-Match entity-tag compares with the
 * document's ETag even when the node does not exist yet: that is the conditional insertion.
 */
export function failedPrecondition(headers: IncomingHttpHeaders, method: string, currentEtag: string | null, resourceExists: boolean): 304 | 412 | null {
  const ifMatch = headers['if-match'];
  if (ifMatch !== undefined) {
    const tags = entityTags(ifMatch);
    const matches = tags.includes('*') ? resourceExists : currentEtag !== null && tags.some((t) => strongEqual(t, currentEtag));
    if (!matches) return 412;
  }
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const tags = entityTags(ifNoneMatch);
    const matches = tags.includes('*') ? resourceExists : currentEtag !== null && resourceExists && tags.some((t) => weakEqual(t, currentEtag));
    if (matches) return method === 'GET' || method === 'HEAD' ? 304 : 412;
  }
  return null;
}

/** The entity-tags of an If-Match / If-None-Match value: `*`, or quoted tags (weak ones keep their W/). */
export function entityTags(value: string): string[] {
  if (value.trim() === '*') return ['*'];
  return [...value.matchAll(/(W\/)?"([^"]*)"/g)].map((m) => (m[1] ? `W/${m[2]}` : (m[2] ?? '')));
}

function strongEqual(tag: string, etag: string): boolean {
  return !tag.startsWith('W/') && tag === etag;
}

function weakEqual(tag: string, etag: string): boolean {
  return (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
}
