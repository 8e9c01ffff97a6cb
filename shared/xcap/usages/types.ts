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
  /** Element replacements that can be schema-validated on their own; see SubtreeValidation. */
  readonly subtreeValidation?: SubtreeValidation;
}

/**
 * When a valid document has one element replaced by an element of the same name, the document is
 * valid again exactly when the new element is valid against the declaration it has there, provided
 * nothing in the schema looks across elements: no identity constraints (xs:unique, xs:key,
 * xs:keyref), no ID/IDREF types the new element could carry, and no wildcard in the parent's
 * content model that could take the element instead of its declaration. The parent's content
 * model sees the same sequence of names as before; nothing else changed.
 *
 * A usage lists here the elements for which its schema meets these conditions (checked by hand,
 * and by a differential test against whole-document validation), and a schema that declares each
 * of them globally with the type it has inside `parents`. The edit engine then validates such a
 * replacement by parsing the new element alone. xml:id (type ID, imported with xml.xsd) is the
 * exception the engine checks itself: a new element carrying one is validated whole.
 */
export interface SubtreeValidation {
  /** Bare file name of the schema that declares `elements` globally. */
  readonly schemaFile: string;
  /** Parents in which the elements have the declarations of that schema. */
  readonly parents: readonly ExpandedName[];
  readonly elements: readonly ExpandedName[];
}
