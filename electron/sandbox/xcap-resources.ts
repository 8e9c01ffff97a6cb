import type { IncomingHttpHeaders } from 'node:http';
import type { WrittenFrom, XcapEditResult, XcapMethod } from '../../shared/xcap/edit';
import { applyXcapRequest, snapshotOfWrittenDocument } from '../../shared/xcap/edit';
import { buildXcapUri } from '../../shared/xcap/uri';
import type { ApplicationUsage } from '../../shared/xcap/usages/types';
import { failedPrecondition } from './conditional';
import type { DocumentXcapUri } from './request-target';
import type { SandboxResponse } from './respond';
import { plain, quoted } from './respond';
import type { SnapshotCache } from './snapshot-cache';
import type { DocumentStore, StoredDocument } from './store';
import { formatStoreKey } from './store';

export interface XcapRequestContext {
  readonly method: XcapMethod;
  readonly uri: DocumentXcapUri;
  readonly usage: ApplicationUsage;
  readonly headers: IncomingHttpHeaders;
  readonly body: Uint8Array | undefined;
  readonly store: DocumentStore;
  readonly snapshots: SnapshotCache;
  readonly maxBodyBytes: number;
}

/**
 * An XCAP document, element, attribute or namespace-binding request, answered by the core's edit
 * engine on the stored document. Writes run inside the store's per-document update, so the
 * precondition check, the edit and the write see one consistent document (no lost updates).
 */
export async function handleXcapResource(context: XcapRequestContext): Promise<SandboxResponse> {
  const { key } = documentOf(context.uri);
  if (context.method === 'GET') return answer(decide(context, key, await context.store.read(key)).result, null, context);
  const { result, etag } = await context.store.update(key, (current) => {
    const outcome = decide(context, key, current);
    const result = { answer: outcome.result, write: outcome.write };
    if (!outcome.write) return { keep: true, result };
    return outcome.write.document === null ? { delete: true, result } : { write: encoder.encode(outcome.write.document), result };
  });
  // The next request on this document (typically the client's next edit) needs no parse.
  const written = result.write;
  if (written?.document != null && etag !== null) {
    // Every write here is schema-validated (the engine's default): its document is known valid.
    context.snapshots.remember(key, etag, snapshotOfWrittenDocument(written.document, written.from), true);
  }
  return answer(result.answer, etag, context);
}

const encoder = new TextEncoder();

/**
 * The store key and absolute URI of the document a request URI names, kept with the URI: the
 * sandbox keeps parsed request targets (see request-target.ts), so repeated requests on a
 * document reuse both.
 */
const documents = new WeakMap<DocumentXcapUri, { readonly key: string; readonly uri: string }>();

function documentOf(uri: DocumentXcapUri): { readonly key: string; readonly uri: string } {
  let document = documents.get(uri);
  if (document === undefined) {
    document = {
      key: formatStoreKey({ namespace: 'xcap', auid: uri.auid, scope: uri.scope, documentPath: uri.documentPath }),
      uri: buildXcapUri({ ...uri, nodeSelector: null, namespaces: {} }),
    };
    documents.set(uri, document);
  }
  return document;
}

/** The document to store when the operation changed it, and the snapshot and edit it came from. */
type Write = { document: string | null; from: WrittenFrom | undefined };

/** The answer, and the write when the operation changed the document. */
type Outcome = { result: XcapEditResult | SandboxResponse; write: Write | null };

function decide(context: XcapRequestContext, key: string, current: StoredDocument | null): Outcome {
  const snapshot = current === null ? null : context.snapshots.get(key, current.etag, current.bytes, context.maxBodyBytes);
  const request = {
    method: context.method,
    usage: context.usage,
    nodeSelector: context.uri.nodeSelector,
    namespaces: context.uri.namespaces,
    // Only a PUT can answer no-parent, the one error that names a URI.
    ...(context.method === 'PUT' && { documentUri: documentOf(context.uri).uri }),
    ...(context.body !== undefined && { body: context.body }),
    ...(context.headers['content-type'] !== undefined && { contentType: context.headers['content-type'] }),
    limits: { maxBytes: context.maxBodyBytes },
    // A document this server validated when it wrote it: an element replacement may be validated alone.
    documentValid: snapshot !== null && context.snapshots.isValidated(snapshot),
  };
  const preconditionHeaders = context.headers['if-match'] !== undefined || context.headers['if-none-match'] !== undefined;
  if (preconditionHeaders) {
    const exists = snapshot !== null && (context.uri.nodeSelector === null || applyXcapRequest(snapshot, { ...request, method: 'GET' }).status === 200);
    const failed = failedPrecondition(context.headers, context.method, current?.etag ?? null, exists);
    if (failed === 304) return { result: { status: 304, headers: { ETag: quoted(current?.etag ?? '') } }, write: null };
    if (failed === 412) return { result: plain(412, 'precondition failed: the document changed since you read it (or the condition does not hold)', current ? { ETag: quoted(current.etag) } : {}), write: null };
  }
  const result = applyXcapRequest(snapshot, request);
  const from = snapshot !== null && result.edit !== null ? { snapshot, edit: result.edit } : undefined;
  return { result: current ? { ...result, headers: { ...result.headers, ETag: quoted(current.etag) } } : result, write: result.documentChanged ? { document: result.document, from } : null };
}

/** The engine's answer as HTTP: the document's ETag on every success (the new one after a write). */
function answer(result: XcapEditResult | SandboxResponse, newEtag: string | null, context: XcapRequestContext): SandboxResponse {
  if (!('documentChanged' in result)) return result;
  const headers: Record<string, string> = { ...result.headers };
  if (result.documentChanged) {
    delete headers.ETag;
    if (newEtag !== null) headers.ETag = quoted(newEtag);
  }
  if (result.status >= 400) delete headers.ETag;
  const body = context.method === 'GET' || result.status >= 400 ? result.body : null;
  return { status: result.status, headers, body, contentType: result.contentType };
}
