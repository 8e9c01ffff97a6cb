/**
 * The server quirks registry (shared/xcap/quirks) applied to the playground: which known
 * deviations from RFC 4825 of this server (by its Server header) concern the request being
 * prepared, what the server is then expected to answer, and — after sending — whether a
 * difference from the prediction is a known quirk or a surprise.
 */
import type { XcapEditResult } from '../../../../shared/xcap/edit';
import { readXcapErrorBody } from '../../../../shared/xcap/edit';
import type { RequestPlan } from '../../../../shared/xcap/plan';
import { explainDifference, findQuirks, mediaType, type QuirkVerdict, type ServerQuirk, type XcapOperation, type XcapOutcome } from '../../../../shared/xcap/quirks';
import { findApplicationUsage } from '../../../../shared/xcap/usages/registry';

export interface QuirkContext {
  readonly serverHeader: string | null;
  readonly auid: string;
  readonly plan: RequestPlan;
  readonly selector: string;
  readonly namespaces: Readonly<Record<string, string>>;
  readonly serverText: string | null;
}

export function operationOf(context: QuirkContext): XcapOperation {
  const { plan } = context;
  return {
    method: plan.method,
    resource: plan.resource,
    nodeSelector: context.selector.trim() === '' ? null : context.selector.trim(),
    namespaces: context.namespaces,
    body: plan.body,
    ...(plan.headers['If-Match'] !== undefined && { ifMatch: plan.headers['If-Match'] }),
    ...(plan.headers['If-None-Match'] !== undefined && { ifNoneMatch: plan.headers['If-None-Match'] }),
    documentBefore: context.serverText,
    documentType: findApplicationUsage(context.auid)?.mimeType ?? 'application/xml',
  };
}

export function predictedOutcome(result: XcapEditResult): XcapOutcome {
  return { status: result.status, contentType: mediaType(result.contentType), body: result.body, xcapError: result.xcapError, document: result.document, edit: result.edit };
}

/** The server's known quirks that change the answer to this request, in registry order, with the answer they lead to. */
export function applicableQuirks(context: QuirkContext, result: XcapEditResult): { quirks: readonly ServerQuirk[]; expected: XcapOutcome } {
  const operation = operationOf(context);
  let expected = predictedOutcome(result);
  const quirks: ServerQuirk[] = [];
  for (const quirk of findQuirks(context.serverHeader)) {
    const adjustment = quirk.adjust(operation, expected);
    if (adjustment === null) continue;
    quirks.push(quirk);
    expected = adjustment.outcome;
  }
  return { quirks, expected };
}

/** After sending: does the server's answer (and the document read back) match, possibly through known quirks? */
export function explainAnswer(context: QuirkContext, result: XcapEditResult, actual: { status: number; contentType: string | null; body: string }, documentAfter: string | null): QuirkVerdict {
  const outcome: XcapOutcome = {
    status: actual.status,
    contentType: actual.body === '' ? null : mediaType(actual.contentType),
    body: actual.body === '' ? null : actual.body,
    xcapError: actual.contentType?.startsWith('application/xcap-error+xml') ? (readXcapErrorBody(actual.body)?.tag ?? null) : null,
    document: documentAfter,
  };
  return explainDifference(findQuirks(context.serverHeader), operationOf(context), predictedOutcome(result), outcome);
}
