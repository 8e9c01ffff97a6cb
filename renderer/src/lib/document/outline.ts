/**
 * The element tree of a document, flattened for a virtualized tree view: one row per element with
 * its depth, a label, its source range, and the RFC 4825 node selector that addresses exactly it.
 *
 * Selector steps: an attribute predicate when a key attribute (name, uri, id, ref, anc, ...) tells
 * the element apart from its same-named siblings, otherwise a position among them. Elements in
 * the usage's default namespace are unprefixed; others use their document prefix, bound in
 * `namespaces` (the URI's xmlns() query).
 */
import type { SourceElement, SourceIndex } from '../../../../shared/xcap/xml/source-index';

export interface OutlineNode {
  readonly index: number;
  readonly depth: number;
  /** e.g. `entry uri="sip:bob@example.com"` */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly selector: string;
  readonly childCount: number;
  /** Index of the parent row, -1 for the root. */
  readonly parent: number;
}

export interface Outline {
  readonly nodes: readonly OutlineNode[];
  /** Prefix bindings the selectors use (for the URI's xmlns() query); empty when none are needed. */
  readonly namespaces: Readonly<Record<string, string>>;
}

const KEY_ATTRIBUTES = ['name', 'uri', 'id', 'ref', 'anc', 'entity', 'domain', 'uri-list'];

export function buildOutline(index: SourceIndex, defaultNamespace: string | null): Outline {
  const nodes: OutlineNode[] = [];
  const namespaces: Record<string, string> = {};
  const prefixFor = (element: SourceElement): string | null => {
    if (element.namespace === defaultNamespace || element.namespace === null) return null;
    const prefix = element.prefix ?? `ns${Object.keys(namespaces).length + 1}`;
    namespaces[prefix] = element.namespace;
    return prefix;
  };
  // Iterative walk: documents can be deep, and the call stack is not.
  const stack: { element: SourceElement; depth: number; parent: number; path: string; predicate: string }[] = [{ element: index.root, depth: 0, parent: -1, path: '', predicate: '' }];
  while (stack.length > 0) {
    const { element, depth, parent, path, predicate } = stack.pop() as (typeof stack)[number];
    const prefix = prefixFor(element);
    const name = prefix === null ? element.local : `${prefix}:${element.local}`;
    const step = name + predicate;
    const selector = path === '' ? step : `${path}/${step}`;
    const key = keyAttribute(element);
    const row = nodes.length;
    nodes.push({ index: row, depth, label: key ? `${element.qname} ${key.local}="${key.value}"` : element.qname, start: element.start, end: element.end, selector, childCount: element.children.length, parent });
    const predicates = childPredicates(element.children);
    for (let i = element.children.length - 1; i >= 0; i--) {
      stack.push({ element: element.children[i] as SourceElement, depth: depth + 1, parent: row, path: selector, predicate: predicates[i] ?? '' });
    }
  }
  return { nodes, namespaces };
}

function keyAttribute(element: SourceElement) {
  for (const name of KEY_ATTRIBUTES) {
    const attribute = element.attributes.find((a) => a.local === name && a.namespace === null);
    if (attribute) return attribute;
  }
  return null;
}

/** The predicate of each child's step, computed once per parent (linear in the number of children). */
function childPredicates(children: readonly SourceElement[]): string[] {
  const groups = new Map<string, SourceElement[]>();
  for (const child of children) {
    const key = `${child.namespace ?? ''}|${child.local}`;
    const group = groups.get(key);
    if (group) group.push(child);
    else groups.set(key, [child]);
  }
  const predicates = new Map<SourceElement, string>();
  for (const group of groups.values()) {
    if (group.length === 1) continue;
    const keyCounts = new Map<string, number>();
    const keys = group.map((child) => keyAttribute(child));
    for (const key of keys) if (key) keyCounts.set(`${key.local}=${key.value}`, (keyCounts.get(`${key.local}=${key.value}`) ?? 0) + 1);
    group.forEach((child, position) => {
      const key = keys[position];
      const unique = key && !key.value.includes('"') && keyCounts.get(`${key.local}=${key.value}`) === 1;
      predicates.set(child, unique ? `[@${key.local}="${key.value}"]` : `[${position + 1}]`);
    });
  }
  return children.map((child) => predicates.get(child) ?? '');
}

/** The row whose element contains `offset` most tightly (the deepest), or -1. */
export function nodeAtOffset(nodes: readonly OutlineNode[], offset: number): number {
  let found = -1;
  for (const node of nodes) {
    if (node.start <= offset && offset < node.end && (found === -1 || node.depth > (nodes[found] as OutlineNode).depth)) found = node.index;
  }
  return found;
}
