import type { IncomingHttpHeaders } from 'node:http';
import { failedPrecondition } from './conditional';
import type { SandboxResponse } from './respond';
import { plain, quoted } from './respond';
import type { DocumentStore } from './store';
import { formatStoreKey } from './store';

export interface MimeRequestContext {
  readonly method: 'GET' | 'PUT' | 'DELETE';
  readonly xui: string;
  readonly path: readonly string[];
  readonly headers: IncomingHttpHeaders;
  readonly body: Uint8Array | undefined;
  readonly store: DocumentStore;
}

/**
 * MIME objects (TS 24.141 6.3.2.4 a/b): any content stored as-is with its content type in the user's
 * directory outside the AUID tree, so a hard-state PIDF can refer to it by URI.
 */
export async function handleMimeObject(context: MimeRequestContext): Promise<SandboxResponse> {
  const key = formatStoreKey({ namespace: 'mime', xui: context.xui, path: [...context.path] });
  if (context.method === 'GET') {
    const stored = await context.store.read(key);
    const failed = failedPrecondition(context.headers, 'GET', stored?.etag ?? null, stored !== null);
    if (failed) return { status: failed, headers: stored ? { ETag: quoted(stored.etag) } : {} };
    if (!stored) return plain(404, 'no such MIME object');
    return { status: 200, headers: { ETag: quoted(stored.etag) }, body: stored.bytes, contentType: stored.contentType ?? 'application/octet-stream' };
  }
  const contentType = context.headers['content-type']?.trim() || 'application/octet-stream';
  const { result, etag } = await context.store.update<SandboxResponse>(key, (current) => {
    const failed = failedPrecondition(context.headers, context.method, current?.etag ?? null, current !== null);
    if (failed) return { keep: true, result: plain(412, 'precondition failed') };
    if (context.method === 'DELETE') {
      return current ? { delete: true, result: { status: 200 } } : { keep: true, result: plain(404, 'no such MIME object') };
    }
    return { write: context.body ?? new Uint8Array(), contentType, result: { status: current ? 200 : 201 } };
  });
  return etag !== null && result.status < 300 && context.method === 'PUT' ? { ...result, headers: { ETag: quoted(etag) } } : result;
}
