import type { DataConstraint, UniquenessRule } from '../usages/types';
import type { SourceElement } from '../xml/source-index';
import { walkElements } from '../xml/source-index';
import { FRAGMENT_WRAPPER } from './fragment';
import type { UniquenessConflict } from './types';

/**
 * Uniqueness checks (RFC 4825 §8.2.5 uniqueness-failure). Written so that an element PUT only
 * looks at what it can break: the new subtree against itself, and against its future siblings
 * (or the rest of the document, for document-wide rules), not the whole document again.
 */
export interface UniquenessScope {
  /** The elements that are new (the inserted subtree, or the whole document). */
  readonly added: readonly SourceElement[];
  /** Future siblings of the added subtree's root (for an element PUT), except `replaced`. */
  readonly siblings: readonly SourceElement[];
  /** The element the added subtree replaces, if any: not a sibling any more. */
  readonly replaced?: SourceElement | null;
  /** Elements elsewhere in the document that stay (for document-wide rules). */
  readonly rest: () => Iterable<SourceElement>;
  /** The root of the added subtree, whose siblings are `siblings`. */
  readonly addedRoot: SourceElement | null;
  /** Where the added subtree goes, for naming fields (its future parent), or null for a whole document. */
  readonly addedParent: SourceElement | null;
}

export function findUniquenessConflicts(rules: readonly UniquenessRule[], scope: UniquenessScope): UniquenessConflict[] {
  const conflicts: UniquenessConflict[] = [];
  for (const rule of rules) {
    const taken = new Set<string>();
    const conflict = rule.scope === 'document' ? documentConflict(rule, scope, taken) : siblingConflict(rule, scope, taken);
    if (conflict) conflicts.push({ ...conflict, altValues: alternatives(rule, conflict.value, taken) });
  }
  return conflicts;
}

type Found = { field: string; value: string };

function keyOf(element: SourceElement, rule: UniquenessRule): string | undefined {
  if (element.local !== rule.element.local || element.namespace !== rule.element.namespace) return undefined;
  return element.attributes.find((a) => a.local === rule.key && a.namespace === null)?.value;
}

function documentConflict(rule: UniquenessRule, scope: UniquenessScope, taken: Set<string>): Found | null {
  const addedSet = new Set<string>();
  let found: Found | null = null;
  for (const element of scope.added) {
    const value = keyOf(element, rule);
    if (value === undefined) continue;
    if (addedSet.has(value) && !found) found = { field: fieldOf(element, rule, scope), value };
    addedSet.add(value);
  }
  for (const element of scope.rest()) {
    const value = keyOf(element, rule);
    if (value === undefined) continue;
    taken.add(value);
    if (!found && addedSet.has(value)) found = { field: fieldOf(element, rule, scope), value };
  }
  for (const value of addedSet) taken.add(value);
  return found;
}

function siblingConflict(rule: UniquenessRule, scope: UniquenessScope, taken: Set<string>): Found | null {
  // Inside the added subtree: each parent's children among themselves.
  for (const parent of scope.added) {
    const seen = new Set<string>();
    for (const child of parent.children) {
      const value = keyOf(child, rule);
      if (value === undefined) continue;
      if (seen.has(value)) {
        for (const sibling of parent.children) addKey(sibling, rule, taken);
        return { field: fieldOf(child, rule, scope), value };
      }
      seen.add(value);
    }
  }
  // The added root against the siblings it joins: a plain scan; the set of taken values (for
  // suggesting alternatives) is only built once a conflict is found.
  const root = scope.addedRoot;
  const value = root ? keyOf(root, rule) : undefined;
  if (root && value !== undefined && scope.siblings.some((sibling) => sibling !== scope.replaced && keyOf(sibling, rule) === value)) {
    for (const sibling of scope.siblings) if (sibling !== scope.replaced) addKey(sibling, rule, taken);
    return { field: fieldOf(root, rule, scope), value };
  }
  return null;
}

function addKey(element: SourceElement, rule: UniquenessRule, into: Set<string>): void {
  const value = keyOf(element, rule);
  if (value !== undefined) into.add(value);
}

/** RFC 4825 §11 `field`: a node selector naming the attribute that must be unique, e.g. `rls-services/service/@uri`. */
function fieldOf(element: SourceElement, rule: UniquenessRule, scope: UniquenessScope): string {
  const names: string[] = [];
  let top = element;
  for (let e: SourceElement | null = element; e; e = e.parent) {
    names.unshift(e.qname);
    top = e;
  }
  // An added subtree is indexed inside a wrapper (it has no place in the document yet): replace the
  // wrapper by the path of the element it goes into.
  if (top.qname === FRAGMENT_WRAPPER) {
    names.shift();
    for (let p = scope.addedParent; p; p = p.parent) names.unshift(p.qname);
  }
  return `${names.join('/')}/@${rule.key}`;
}

function alternatives(rule: UniquenessRule, value: string, taken: ReadonlySet<string>): string[] {
  if (rule.alternatives === 'none') return [];
  const result: string[] = [];
  for (let n = 2; result.length < 3 && n < 1000; n++) {
    const candidate = rule.alternatives === 'sip-user-suffix' ? withUserSuffix(value, n) : `${value}-${n}`;
    if (!taken.has(candidate)) result.push(candidate);
  }
  return result;
}

function withUserSuffix(uri: string, n: number): string {
  const match = /^(sips?:)([^@]+)(@.*)$/i.exec(uri);
  return match ? `${match[1]}${match[2]}-${n}${match[3]}` : `${uri}-${n}`;
}

/** Data constraints on the given elements; the first violation, or null. */
export function findConstraintViolation(constraints: readonly DataConstraint[], elements: Iterable<SourceElement>, text: string): string | null {
  if (constraints.length === 0) return null;
  for (const element of elements) {
    for (const constraint of constraints) {
      if (element.local !== constraint.element.local || element.namespace !== constraint.element.namespace) continue;
      const reason = constraint.check(element, text);
      if (reason !== null) return `${reason} (${constraint.source})`;
    }
  }
  return null;
}

export function subtreeElements(root: SourceElement): SourceElement[] {
  return [...walkElements(root)];
}
