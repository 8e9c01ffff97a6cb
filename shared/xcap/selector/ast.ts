/**
 * Abstract syntax of an RFC 4825 §6.3 node selector.
 *
 *   node-selector     = element-selector ["/" terminal-selector]
 *   element-selector  = step *( "/" step )
 *   step              = by-name / by-pos / by-attr / by-pos-attr / extension-selector
 *   terminal-selector = attribute-selector / namespace-selector / extension-selector
 *
 * Positions (`start`/`end`) are 0-based offsets into the selector text as typed (not the
 * percent-encoded wire form), so errors and highlights can point at the right column.
 */

/** A QName exactly as written: prefix (or null when unprefixed) and local part. */
export interface QName {
  readonly prefix: string | null;
  readonly local: string;
}

export type NameTest = { readonly kind: 'any' } | ({ readonly kind: 'name' } & QName);

export interface AttributeTest {
  readonly name: QName;
  /** The attribute value with character/entity references resolved. */
  readonly value: string;
  /** The AttValue as written between its quotes (references not resolved), for exact printing. */
  readonly rawValue: string;
  readonly quote: '"' | "'";
}

export interface Step {
  readonly test: NameTest;
  /** 1-based position predicate `[n]`, or null. */
  readonly position: number | null;
  readonly attribute: AttributeTest | null;
  readonly start: number;
  readonly end: number;
}

export type TerminalSelector =
  | { readonly kind: 'attribute'; readonly name: QName; readonly start: number; readonly end: number }
  | { readonly kind: 'namespace'; readonly start: number; readonly end: number };

export interface NodeSelector {
  readonly steps: readonly Step[];
  readonly terminal: TerminalSelector | null;
}

/** What kind of resource a node selector addresses (RFC 4825 §4: element, attribute, namespace binding). */
export type NodeKind = 'element' | 'attribute' | 'namespace';

export function nodeKindOf(selector: NodeSelector): NodeKind {
  if (selector.terminal === null) return 'element';
  return selector.terminal.kind === 'attribute' ? 'attribute' : 'namespace';
}
