import type { XcapMethod } from '../edit/types';

/** What an operation addressed: a whole document, a node by node selector, or a TS 24.141 MIME object. */
export type QuirkResource = 'document' | 'element' | 'attribute' | 'namespace' | 'mime-object';

/** One XCAP operation as sent, with what the server held before it (the input of a prediction). */
export interface XcapOperation {
  readonly method: XcapMethod;
  readonly resource: QuirkResource;
  /** The node selector as typed (decoded); null for documents and MIME objects. */
  readonly nodeSelector: string | null;
  /** Prefix bindings from the query (`?xmlns(p=ns)`). */
  readonly namespaces: Readonly<Record<string, string>>;
  readonly body: string | null;
  /** Conditional headers as sent (raw values). */
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
  /** The whole document before the operation; null when there was none. */
  readonly documentBefore: string | null;
  /** The application usage's MIME type (what a document GET answers). */
  readonly documentType: string;
}

/**
 * What happened (or should happen): the answer and the document afterwards. The prediction comes
 * from the edit engine; the actual one from the server plus a GET of the document afterwards.
 */
export interface XcapOutcome {
  readonly status: number;
  /** Media type without parameters, lower case; null when the answer has no body. */
  readonly contentType: string | null;
  /** The answer's body; null when empty. Compared byte for byte for successful GETs. */
  readonly body: string | null;
  /** The RFC 4825 §11 condition of an xcap-error body (409), when there is one. */
  readonly xcapError: string | null;
  /** The whole document after the operation; null when it does not exist. */
  readonly document: string | null;
  /** Predictions only: the text change the engine made (offsets in `documentBefore`). */
  readonly edit?: { readonly start: number; readonly end: number; readonly insert: string } | null;
  /** Predictions of conditional requests only: the outcome had the condition held. */
  readonly unconditional?: XcapOutcome;
}

/** A server's deviation from RFC 4825 that the suite observed and the console tells the user about. */
export interface ServerQuirk {
  /** Stable id, e.g. "kamailio-create-200"; the UI and README refer to it. */
  readonly id: string;
  /** Product token of the Server header, lower case (e.g. "kamailio"). */
  readonly product: string;
  readonly versions: VersionRange;
  /** One line for humans, e.g. "answers 200 instead of 201 when a PUT creates". */
  readonly description: string;
  /** What was sent and what came back (the interop suite re-checks it on every run). */
  readonly evidence: string;
  /** The If-None-Match value that makes a create-only PUT safe on this server, when `*` is not honoured. */
  readonly createOnlyCondition?: string;
  /**
   * What this server answers instead of `expected` (the RFC 4825 outcome, possibly already
   * adjusted by earlier quirks); null when the quirk does not concern the operation.
   */
  adjust(operation: XcapOperation, expected: XcapOutcome): QuirkAdjustment | null;
}

export interface QuirkAdjustment {
  readonly outcome: XcapOutcome;
  /** Documents are compared after this normalisation (both sides) when the quirk applies. */
  readonly normaliseDocument?: (document: string) => string;
}

/** Versions `from` (inclusive) up to `below` (exclusive); either end open. */
export interface VersionRange {
  readonly from?: string;
  readonly below?: string;
}
