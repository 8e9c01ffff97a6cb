import type { ResolvedSelector, ResolvedStep } from '../selector/namespaces';
import { defaultXmlLimits } from '../xml/limits';
import type { SourceElement, SourceIndex } from '../xml/source-index';
import { walkElements } from '../xml/source-index';
import { elementPutSchemaError, rootElementError, schemaError } from './check-result';
import type { ElementFragment, FragmentProblem } from './fragment';
import { fragmentWellFormednessProblem, readElementFragment, scanElementFragment } from './fragment';
import { planInsertion, whitespaceBefore } from './insertion';
import { applyEdit, changed, conflict, failure, ok } from './responses';
import { applyStep, matchesAttributeTest, matchesNameTest, selectElements } from './select';
import { noParent } from './target';
import type { XcapEditRequest, XcapEditResult } from './types';
import { XCAP_ELEMENT_TYPE } from './types';
import { findConstraintViolation, findUniquenessConflicts, subtreeElements } from './uniqueness';

/** GET / PUT / DELETE of an element (RFC 4825 §7.4–7.6, §8.2.3–8.2.5). */
export function elementOperation(index: SourceIndex | null, request: XcapEditRequest, selector: ResolvedSelector, selectorText: string): XcapEditResult {
  if (!index) {
    if (request.method === 'PUT') return conflict(null, { tag: 'no-parent', phrase: 'the document does not exist: create it with a PUT of the whole document first' });
    return failure(404, null, 'the document does not exist');
  }
  const matches = selectElements(index, selector.steps);
  const selection = matches.map((e) => ({ start: e.start, end: e.end }));
  if (matches.length > 1) return failure(404, index.text, `the node selector selects ${matches.length} elements; an XCAP URI must select at most one`);
  const [target] = matches;
  switch (request.method) {
    case 'GET':
      return target ? ok(200, XCAP_ELEMENT_TYPE, index.text.slice(target.start, target.end), index.text, selection) : failure(404, index.text, 'no element matches the node selector');
    case 'DELETE':
      return target ? deleteElement(index, request, selector, target) : failure(404, index.text, 'no element matches the node selector');
    case 'PUT':
      return putElement(index, request, selector, selectorText, target ?? null);
  }
}

function putElement(index: SourceIndex, request: XcapEditRequest, selector: ResolvedSelector, selectorText: string, target: SourceElement | null): XcapEditResult {
  const { text } = index;
  const lastStep = selector.steps.at(-1) as ResolvedStep;
  const parentSteps = selector.steps.slice(0, -1);
  const parents = parentSteps.length === 0 ? null : selectElements(index, parentSteps);
  if (parents && parents.length > 1) return failure(404, text, `the parent part of the node selector selects ${parents.length} elements`);
  const parent = target?.parent ?? parents?.[0] ?? null;
  if (!target && parentSteps.length > 0 && !parent) return conflict(text, noParent(index, selector, selectorText, request, parentSteps));

  // The parent's namespace bindings apply to the body; a new root element has none around it.
  const context = parent;
  // A schema-validated write has libxml2 parse a text that holds the body as it is, in the same
  // namespace context: the whole resulting document, or the new element alone (see
  // elementPutSchemaError). That parse decides the body's well-formedness too, and the body's own
  // parse is needed only before another answer (so a malformed body answers not-xml-frag whatever
  // else is wrong).
  const limits = request.limits ?? defaultXmlLimits;
  if (request.validateSchema === false) {
    const fragment = readElementFragment(request.body ?? '', context, limits);
    return 'kind' in fragment ? fragmentConflict(text, fragment) : putFragment(index, request, lastStep, selectorText, parent, target, fragment);
  }
  const fragment = scanElementFragment(request.body ?? '', context, limits);
  if ('kind' in fragment) return fragmentConflict(text, fragment);
  const result = putFragment(index, request, lastStep, selectorText, parent, target, fragment);
  if (result.documentChanged) return result;
  const problem = fragmentWellFormednessProblem(fragment);
  return problem ? fragmentConflict(text, problem) : result;
}

function fragmentConflict(text: string, problem: FragmentProblem): XcapEditResult {
  if (problem.kind === 'too-large') return failure(413, text, problem.message);
  return conflict(text, { tag: problem.kind, phrase: problem.message, ...(problem.line !== undefined && { line: problem.line }), ...(problem.column !== undefined && { column: problem.column }) });
}

/** The PUT of a read body: where it goes, and the checks of the document that results. */
function putFragment(index: SourceIndex, request: XcapEditRequest, lastStep: ResolvedStep, selectorText: string, parent: SourceElement | null, target: SourceElement | null, fragment: ElementFragment): XcapEditResult {
  const { text } = index;
  const element = fragment.element;
  // RFC 4825 §8.2.3: a GET of the same URI afterwards must return what was put.
  if (!matchesNameTest(element, lastStep.test) || !matchesAttributeTest(element, lastStep.attribute)) {
    return conflict(text, { tag: 'cannot-insert', phrase: `the body's element <${element.qname}> would not be selected by "${selectorText.slice(lastStep.start)}", so a GET of this URI would not return it` });
  }
  let edit;
  if (target) {
    edit = { start: target.start, end: target.end, insert: fragment.text };
  } else if (!parent) {
    // The selector is just the root step and selects nothing: the root element is not replaceable by insertion.
    return conflict(text, { tag: 'cannot-insert', phrase: 'the document already has a root element; a document has exactly one' });
  } else {
    const planned = planInsertion(index, parent, lastStep, element, fragment.text);
    if ('cannotInsert' in planned) return conflict(text, { tag: 'cannot-insert', phrase: planned.cannotInsert });
    edit = planned;
  }
  const document = applyEdit(text, edit);
  const problem =
    (target && !parent ? rootElementError(request.usage, element) : null) ??
    elementPutSchemaError(request, document, { parent, replaced: target, element, elementText: fragment.text }) ??
    uniquenessProblem(request, index, parent, target, element) ??
    constraintProblem(request, element, fragment.index.text);
  if (problem) return conflict(text, problem, target ? [{ start: target.start, end: target.end }] : []);
  return changed(target ? 200 : 201, document, edit, target ? [{ start: target.start, end: target.end }] : []);
}

function uniquenessProblem(request: XcapEditRequest, index: SourceIndex, parent: SourceElement | null, replaced: SourceElement | null, element: SourceElement) {
  const { uniqueness } = request.usage;
  if (uniqueness.length === 0) return null;
  const conflicts = findUniquenessConflicts(uniqueness, {
    added: subtreeElements(element),
    addedRoot: element,
    addedParent: parent,
    siblings: parent ? parent.children : [],
    replaced,
    rest: remainingElements.bind(null, index.root, replaced), // not a closure: see BodyReader in the sandbox
  });
  const [first] = conflicts;
  return first ? { tag: 'uniqueness-failure' as const, phrase: `${first.field} "${first.value}" is not unique`, conflicts } : null;
}

function* remainingElements(root: SourceElement, excluded: SourceElement | null): Generator<SourceElement> {
  if (root === excluded) return;
  yield root;
  for (const child of root.children) yield* remainingElements(child, excluded);
}

function constraintProblem(request: XcapEditRequest, element: SourceElement, fragmentText: string) {
  const violation = findConstraintViolation(request.usage.constraints, walkElements(element), fragmentText);
  return violation ? { tag: 'constraint-failure' as const, phrase: violation } : null;
}

function deleteElement(index: SourceIndex, request: XcapEditRequest, selector: ResolvedSelector, target: SourceElement): XcapEditResult {
  const { text } = index;
  const selection = [{ start: target.start, end: target.end }];
  if (!target.parent) return conflict(text, { tag: 'cannot-delete', phrase: 'this is the root element: DELETE the document instead' }, selection);
  const lastStep = selector.steps.at(-1) as ResolvedStep;
  // RFC 4825 §8.2.4: afterwards the same URI must select nothing. With a position predicate, the
  // next matching sibling would move into the deleted element's place.
  if (lastStep.position !== null) {
    const remaining = target.parent.children.filter((c) => c !== target);
    if (applyStep(remaining, lastStep).length > 0) {
      return conflict(text, { tag: 'cannot-delete', phrase: `after the delete, position [${lastStep.position}] would select the next sibling: the DELETE would not be idempotent; delete it by an attribute instead` }, selection);
    }
  }
  // Take the element's own line with it, so the document keeps its layout.
  const before = whitespaceBefore(text, target.start);
  const leading = before.includes('\n') ? before.slice(before.lastIndexOf('\n')) : '';
  const edit = { start: target.start - leading.length, end: target.end, insert: '' };
  const document = applyEdit(text, edit);
  const problem = schemaError(request, document);
  if (problem) return conflict(text, problem, selection);
  return changed(200, document, edit, selection);
}
