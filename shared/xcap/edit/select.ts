import type { ResolvedAttributeTest, ResolvedNameTest, ResolvedStep } from '../selector/namespaces';
import { internString } from '../xml/intern';
import type { SourceAttribute, SourceElement, SourceIndex } from '../xml/source-index';

/**
 * Node-selector evaluation over the source index. The RFC 4825 selector language is a tiny,
 * fixed subset of XPath (child steps, name test, position, one attribute equality); evaluating it
 * directly on the index costs microseconds where a general XPath engine costs milliseconds, and
 * yields the source offsets edits need. Tests check it against libxml2's XPath on the same input.
 */
export type EvaluableStep = Pick<ResolvedStep, 'test' | 'position' | 'attribute' | 'end'>;

export function matchesNameTest(element: SourceElement, test: ResolvedNameTest): boolean {
  // The selector resolves "no namespace" to '' where the index uses null.
  return test.kind === 'any' || (element.local === test.local && (element.namespace ?? '') === test.namespace);
}

export function findAttribute(element: SourceElement, local: string, namespace: string | null): SourceAttribute | undefined {
  for (const attribute of element.attributes) if (attribute.local === local && attribute.namespace === namespace) return attribute;
  return undefined;
}

export function matchesAttributeTest(element: SourceElement, test: ResolvedAttributeTest | null): boolean {
  return test === null || findAttribute(element, test.name.local, test.name.namespace)?.value === test.value;
}

/** Applies one step to one context's children (XPath `name[pos][@a=v]`: position first, then the attribute test). */
export function applyStep(children: readonly SourceElement[], anyStep: EvaluableStep): SourceElement[] {
  const step = internStep(anyStep);
  if (step.position !== null) {
    let seen = 0;
    for (const child of children) {
      if (matchesNameTest(child, step.test) && ++seen === step.position) {
        return matchesAttributeTest(child, step.attribute) ? [child] : [];
      }
    }
    return [];
  }
  const selected: SourceElement[] = [];
  for (const child of children) {
    if (matchesNameTest(child, step.test) && matchesAttributeTest(child, step.attribute)) selected.push(child);
  }
  return selected;
}

/** The step with its names and value interned like the index's, so comparisons are pointer checks. */
function internStep(step: EvaluableStep): EvaluableStep {
  const { test, attribute } = step;
  return {
    ...step,
    test: test.kind === 'any' ? test : { ...test, local: internString(test.local), namespace: internString(test.namespace) },
    attribute: attribute && {
      ...attribute,
      value: internString(attribute.value),
      name: { ...attribute.name, local: internString(attribute.name.local), namespace: attribute.name.namespace === null ? null : internString(attribute.name.namespace) },
    },
  };
}

/** Elements selected by `steps`, in document order. The first step applies to the document's root. */
export function selectElements(index: SourceIndex, steps: readonly EvaluableStep[]): SourceElement[] {
  let contexts: SourceElement[] | null = null;
  for (const step of steps) {
    const next: SourceElement[] = [];
    if (contexts === null) next.push(...applyStep([index.root], step));
    else for (const context of contexts) next.push(...applyStep(context.children, step));
    contexts = next;
    if (contexts.length === 0) break;
  }
  return contexts ?? [];
}

/**
 * The longest prefix of `steps` that selects exactly one element, as the number of steps it uses
 * (0: not even the root element matched). Used to point a no-parent error at the closest ancestor.
 */
export function closestExistingAncestor(index: SourceIndex, steps: readonly EvaluableStep[]): number {
  for (let length = steps.length; length > 0; length--) {
    if (selectElements(index, steps.slice(0, length)).length === 1) return length;
  }
  return 0;
}
