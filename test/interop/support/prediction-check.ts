/**
 * Prediction vs. reality for one operation: the edit engine predicts the answer and the document
 * afterwards from the document the server holds now; the real client performs the operation; a GET
 * fetches the document back. Any difference must be explained by the server's registered quirks.
 */
import { expect } from 'vitest';
import { failedPrecondition } from '../../../electron/sandbox/conditional';
import type { XcapClient, XcapResponse } from '../../../electron/client/xcap-client';
import { applyXcapRequest, loadXcapDocument, type XcapMethod } from '../../../shared/xcap/edit';
import { explainDifference, findQuirks, mediaType, type QuirkVerdict, type XcapOperation, type XcapOutcome } from '../../../shared/xcap/quirks';
import { nodeKindOf, parseNodeSelector } from '../../../shared/xcap/selector';
import { buildXcapUri, parseXcapUriLenient, type XcapUri } from '../../../shared/xcap/uri';
import { getApplicationUsage } from '../../../shared/xcap/usages/registry';
import { fetchDocument, plan, serverHeader } from './interop-client';

export interface Step {
  readonly method: XcapMethod;
  /** The XCAP URI; the node selector may be typed unencoded. */
  readonly uri: string;
  readonly body?: string;
  /** Sent verbatim on top of the plan (If-Match, If-None-Match). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Checked {
  readonly response: XcapResponse;
  readonly predicted: XcapOutcome;
  readonly actual: XcapOutcome;
  readonly verdict: QuirkVerdict;
  /** The document before the operation (text and ETag), null when there was none. */
  readonly before: { text: string; etag: string | null } | null;
}

/** Quirk ids that explained a difference in this run (the suite checks that each registered one did). */
export const observedQuirks = new Set<string>();

export async function checkStep(client: XcapClient, step: Step): Promise<Checked> {
  const uri = parseXcapUriLenient(step.uri);
  const before = await fetchDocument(client, uri);
  const operation = describeOperation(step, uri, before?.text ?? null);
  const planned = plan(step.method, uri, step.body ?? null, { ...step.headers });
  const predicted = predict(step, uri, planned.headers['Content-Type'], before);
  const response = await client.send(planned);
  const after = await fetchDocument(client, uri);
  const actual = outcomeOf(response, after?.text ?? null);
  const verdict = explainDifference(findQuirks(serverHeader(response)), operation, predicted, actual);
  for (const quirk of verdict.quirks) observedQuirks.add(quirk.id);
  expect(verdict.explained, report(step, serverHeader(response), verdict, predicted, actual)).toBe(true);
  return { response, predicted, actual, verdict, before };
}

/** A MIME object operation (TS 24.141 6.3.2.4) is outside the engine: the caller predicts it. */
export async function checkMimeStep(client: XcapClient, step: Step & { contentType: string }, predicted: XcapOutcome): Promise<Checked> {
  const response = await client.send({ method: step.method, url: step.uri, headers: { ...(step.body !== undefined && { 'Content-Type': step.contentType }) }, body: step.body ?? null, resource: 'document' });
  const actual = { ...outcomeOf(response, null), document: null };
  const operation: XcapOperation = { method: step.method, resource: 'mime-object', nodeSelector: null, namespaces: {}, body: step.body ?? null, documentBefore: null, documentType: step.contentType };
  const verdict = explainDifference(findQuirks(serverHeader(response)), operation, predicted, actual);
  for (const quirk of verdict.quirks) observedQuirks.add(quirk.id);
  expect(verdict.explained, report(step, serverHeader(response), verdict, predicted, actual)).toBe(true);
  return { response, predicted, actual, verdict, before: null };
}

function describeOperation(step: Step, uri: XcapUri, documentBefore: string | null): XcapOperation {
  return {
    method: step.method,
    resource: uri.nodeSelector === null ? 'document' : nodeKindOf(parseNodeSelector(uri.nodeSelector)),
    nodeSelector: uri.nodeSelector,
    namespaces: uri.namespaces,
    body: step.body ?? null,
    ...(header(step, 'if-match') !== undefined && { ifMatch: header(step, 'if-match') }),
    ...(header(step, 'if-none-match') !== undefined && { ifNoneMatch: header(step, 'if-none-match') }),
    documentBefore,
    documentType: getApplicationUsage(uri.auid).mimeType,
  };
}

function predict(step: Step, uri: XcapUri, contentType: string | undefined, before: { text: string; etag: string | null } | null): XcapOutcome {
  const request = {
    method: step.method,
    usage: getApplicationUsage(uri.auid),
    nodeSelector: uri.nodeSelector,
    namespaces: uri.namespaces,
    ...(step.body !== undefined && { body: step.body }),
    ...(contentType !== undefined && { contentType }),
    documentUri: buildXcapUri({ ...uri, nodeSelector: null, namespaces: {} }),
  };
  const snapshot = before === null ? null : loadXcapDocument(before.text);
  const result = applyXcapRequest(snapshot, request);
  const unconditional: XcapOutcome = {
    status: result.status,
    contentType: step.method === 'GET' || result.status >= 400 ? mediaType(result.contentType) : null,
    body: step.method === 'GET' && result.status === 200 ? result.body : null,
    xcapError: result.xcapError,
    document: result.document,
    edit: result.edit,
  };
  const conditions = { 'if-match': header(step, 'if-match'), 'if-none-match': header(step, 'if-none-match') };
  if (conditions['if-match'] === undefined && conditions['if-none-match'] === undefined) return unconditional;
  // RFC 9110 §13 as XCAP uses it (the sandbox's implementation): node resources share the document's ETag.
  const exists = snapshot !== null && (uri.nodeSelector === null || applyXcapRequest(snapshot, { ...request, method: 'GET' }).status === 200);
  const failed = failedPrecondition(conditions, step.method, before?.etag ?? null, exists);
  if (failed === null) return unconditional;
  return { status: failed, contentType: null, body: null, xcapError: null, document: before?.text ?? null, unconditional };
}

function outcomeOf(response: XcapResponse, document: string | null): XcapOutcome {
  const text = response.text();
  return {
    status: response.status,
    contentType: text === '' ? null : mediaType(response.contentType),
    body: text === '' ? null : text,
    xcapError: mediaType(response.contentType) === 'application/xcap-error+xml' ? (/<(?:[\w.-]+:)?xcap-error\b[^>]*>\s*<(?:[\w.-]+:)?([\w.-]+)/.exec(text)?.[1] ?? null) : null,
    document,
  };
}

function header(step: Step, name: string): string | undefined {
  const entry = Object.entries(step.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

function report(step: Step, server: string | null, verdict: QuirkVerdict, predicted: XcapOutcome, actual: XcapOutcome): string {
  const lines = [`${step.method} ${step.uri} (Server: ${server ?? 'none'}): the answer differs from the prediction and no registered quirk explains it`];
  for (const d of verdict.differences) lines.push(`  ${d.field}: predicted ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`);
  lines.push(`  predicted: ${JSON.stringify({ ...predicted, edit: undefined, unconditional: undefined })}`, `  actual:    ${JSON.stringify(actual)}`);
  return lines.join('\n');
}
