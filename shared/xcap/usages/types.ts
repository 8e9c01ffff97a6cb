import type { SourceElement } from '../xml/source-index';

/** An expanded XML name. */
export interface ExpandedName {
  readonly namespace: string;
  readonly local: string;
}

/**
 * "Values of `key` must be unique": among the `element`s that share a parent (`siblings`), or among
 * all of them in the document (`document`). RFC 4825 §8.2.5 answers a violation with 409
 * uniqueness-failure, suggesting alternative values where a fresh value makes sense (a list name,
 * a rule id), not where it would change meaning (an entry's URI).
 */
export interface UniquenessRule {
  readonly element: ExpandedName;
  /** Unprefixed attribute carrying the value. */
  readonly key: string;
  readonly scope: 'siblings' | 'document';
  readonly alternatives: 'numbered-suffix' | 'sip-user-suffix' | 'none';
  /** Where the rule comes from, e.g. "RFC 4826 §3.4.5". */
  readonly source: string;
}

/** A data constraint beyond the schema and uniqueness, checked on each element it concerns. */
export interface DataConstraint {
  readonly element: ExpandedName;
  readonly source: string;
  /** Returns a human-readable reason when `element` violates the constraint, else null. */
  readonly check: (element: SourceElement, text: string) => string | null;
}

export interface ApplicationUsage {
  readonly auid: string;
  readonly title: string;
  readonly specification: string;
  readonly mimeType: string;
  /** Namespace of unprefixed element names in node selectors (RFC 4825 §5.2). */
  readonly defaultNamespace: string;
  readonly rootElement: ExpandedName;
  /** Document name clients use when the usage names one (e.g. "index"). */
  readonly defaultDocumentName: string;
  /** Whether documents live under users/<XUI>, global, or both. */
  readonly scopes: readonly ('users' | 'global')[];
  /** Documents the server generates (xcap-caps, xcap-directory): clients only read them. */
  readonly serverGenerated: boolean;
  /** Bare file name of the XSD (in usages/schemas) that validates documents of this usage. */
  readonly schemaFile: string;
  readonly uniqueness: readonly UniquenessRule[];
  readonly constraints: readonly DataConstraint[];
}
