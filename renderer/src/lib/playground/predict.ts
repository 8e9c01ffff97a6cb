/**
 * The playground's preview, computed locally by the XCAP core without sending anything: whether
 * the selector parses (and where it fails), the exact request plan the client will send, and the
 * response and resulting document an RFC 4825 server would produce from the server's current text.
 */
import { applyXcapRequest, loadXcapDocument, type XcapEditResult, type XcapMethod } from '../../../../shared/xcap/edit';
import { isXcapCoreError } from '../../../../shared/xcap/errors';
import { planRequest, type RequestPlan } from '../../../../shared/xcap/plan';
import { parseNodeSelector } from '../../../../shared/xcap/selector';
import { findApplicationUsage } from '../../../../shared/xcap/usages/registry';
import { buildXcapUri, parseXcapUriLenient } from '../../../../shared/xcap/uri';

export interface PlaygroundInput {
  readonly method: XcapMethod;
  /** The document's URI (no selector). */
  readonly documentUri: string;
  readonly auid: string;
  /** Empty: the whole document. */
  readonly selector: string;
  readonly namespaces: Readonly<Record<string, string>>;
  readonly body: string;
  /** The server's current document (null: it does not exist) and its ETag. */
  readonly serverText: string | null;
  readonly serverEtag: string | null;
}

export type Prediction =
  | { readonly ok: false; readonly stage: 'selector' | 'uri' | 'usage'; readonly message: string; readonly column: number | null }
  | { readonly ok: true; readonly uri: string; readonly plan: RequestPlan; readonly result: XcapEditResult };

// The server's text changes only on load and save, while the preview recomputes on every edit of
// the selector or body: parse (and index) each server text once.
let lastSnapshot: { text: string; snapshot: ReturnType<typeof loadXcapDocument> } | null = null;
function snapshotOf(text: string) {
  if (lastSnapshot?.text !== text) lastSnapshot = { text, snapshot: loadXcapDocument(text, { maxBytes: 64 << 20 }) };
  return lastSnapshot.snapshot;
}

export function predict(input: PlaygroundInput): Prediction {
  const selector = input.selector.trim();
  if (selector !== '') {
    try {
      parseNodeSelector(selector);
    } catch (error) {
      if (!isXcapCoreError(error)) throw error;
      return { ok: false, stage: 'selector', message: error.message, column: error.column ?? null };
    }
  }
  const usage = findApplicationUsage(input.auid);
  if (!usage) return { ok: false, stage: 'usage', message: `no application usage "${input.auid}" in the registry: nothing to predict with`, column: null };
  let uri: string;
  let plan: RequestPlan;
  try {
    const base = parseXcapUriLenient(input.documentUri);
    const target = { ...base, nodeSelector: selector === '' ? null : selector, namespaces: selector === '' ? {} : input.namespaces };
    uri = buildXcapUri(target);
    plan = planRequest({ method: input.method, uri: target, body: input.method === 'PUT' ? input.body : null, etag: input.method === 'GET' ? null : input.serverEtag });
  } catch (error) {
    if (!isXcapCoreError(error)) throw error;
    return { ok: false, stage: 'uri', message: error.message, column: error.column ?? null };
  }
  const snapshot = input.serverText === null ? null : snapshotOf(input.serverText);
  const result = applyXcapRequest(snapshot, {
    method: input.method,
    usage,
    nodeSelector: selector === '' ? null : selector,
    namespaces: input.namespaces,
    ...(input.method === 'PUT' && { body: input.body }),
    ...(plan.headers['Content-Type'] && { contentType: plan.headers['Content-Type'] }),
    documentUri: input.documentUri,
  });
  return { ok: true, uri, plan, result };
}

/** Where the actual answer differs from the prediction (empty: it matched). */
export function compareWithPrediction(result: XcapEditResult, actual: { status: number; contentType: string | null; body: string }, documentAfter: string | null | undefined): string[] {
  const differences: string[] = [];
  if (actual.status !== result.status) differences.push(`status: predicted ${result.status}, server answered ${actual.status}`);
  const mediaType = (value: string | null) => value?.split(';')[0]?.trim().toLowerCase() ?? null;
  if (result.contentType !== null && actual.body !== '' && mediaType(actual.contentType) !== mediaType(result.contentType)) {
    differences.push(`Content-Type: predicted ${result.contentType}, server sent ${actual.contentType ?? 'none'}`);
  }
  if (result.body !== null && result.status < 300 && actual.body !== result.body) differences.push('response body differs from the prediction');
  if (documentAfter !== undefined && documentAfter !== result.document) differences.push('the document on the server differs from the predicted document');
  return differences;
}
