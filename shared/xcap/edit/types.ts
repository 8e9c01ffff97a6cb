import type { ApplicationUsage } from '../usages/types';
import type { XmlLimits } from '../xml/limits';

export type XcapMethod = 'GET' | 'PUT' | 'DELETE';

/** One XCAP operation on one document, as a server receives it (RFC 4825 §8). */
export interface XcapEditRequest {
  readonly method: XcapMethod;
  readonly usage: ApplicationUsage;
  /** The node selector as typed (percent-decoded), or null for the whole document. */
  readonly nodeSelector: string | null;
  /** Prefix bindings from the URI's query (`?xmlns(p=urn:...)`). */
  readonly namespaces?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** The request's Content-Type, when known; a mismatch with the resource kind answers 415. */
  readonly contentType?: string;
  /** Absolute URI of the document, used to build the `ancestor` URI of a no-parent error. */
  readonly documentUri?: string;
  readonly limits?: XmlLimits;
  /** Validate the resulting document against the usage's XML Schema (default true). */
  readonly validateSchema?: boolean;
  /**
   * The caller knows the input document is valid against the usage's schema (a server that
   * validated it when it was written). An element replacement may then be validated on its own
   * (see ApplicationUsage.subtreeValidation). Default false: the whole result is validated.
   */
  readonly documentValid?: boolean;
}

/** The xcap-error conditions of RFC 4825 §11. */
export type XcapErrorTag =
  | 'not-well-formed'
  | 'not-xml-frag'
  | 'no-parent'
  | 'schema-validation-error'
  | 'not-xml-att-value'
  | 'cannot-insert'
  | 'cannot-delete'
  | 'uniqueness-failure'
  | 'constraint-failure'
  | 'not-utf-8';

export interface UniquenessConflict {
  /** Node selector of the field whose value is not unique (RFC 4825 §11 `exists/@field`). */
  readonly field: string;
  readonly value: string;
  readonly altValues: readonly string[];
}

export interface XcapErrorDetail {
  readonly tag: XcapErrorTag;
  /** Human-readable explanation (RFC 4825 §11 `phrase`). */
  readonly phrase: string;
  /** no-parent: URI of the closest ancestor that exists. */
  readonly ancestor?: string;
  readonly conflicts?: readonly UniquenessConflict[];
  /** Where in the body or resulting document the problem is, when known. */
  readonly line?: number;
  readonly column?: number;
}

/** A range of the input document (0-based offsets, end exclusive). */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/** The text change an operation made: `insert` replaced [start, end) of the input document. */
export interface TextEdit extends SourceRange {
  readonly insert: string;
}

export interface XcapEditResult {
  readonly status: number;
  /** Content-Type of `body`, or null when there is no body. */
  readonly contentType: string | null;
  readonly body: string | null;
  /** The whole document after the operation; null when it does not exist. */
  readonly document: string | null;
  readonly documentChanged: boolean;
  readonly xcapError: XcapErrorTag | null;
  readonly error: XcapErrorDetail | null;
  /** Extra response headers the server must send (e.g. Allow on 405). */
  readonly headers: Readonly<Record<string, string>>;
  /** What the selector selected in the input document. */
  readonly selection: readonly SourceRange[];
  readonly edit: TextEdit | null;
}

export const XCAP_ELEMENT_TYPE = 'application/xcap-el+xml';
export const XCAP_ATTRIBUTE_TYPE = 'application/xcap-att+xml';
export const XCAP_NAMESPACE_TYPE = 'application/xcap-ns+xml';
export const XCAP_ERROR_TYPE = 'application/xcap-error+xml';
