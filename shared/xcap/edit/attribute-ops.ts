import type { ResolvedSelector, ResolvedStep } from '../selector/namespaces';
import { escapeAttributeValue } from '../xml/escape';
import { defaultXmlLimits } from '../xml/limits';
import type { SourceAttribute, SourceElement, SourceIndex } from '../xml/source-index';
import { inScopeNamespaces, walkElements } from '../xml/source-index';
import { schemaError } from './check-result';
import { readAttributeValue } from './fragment';
import { applyEdit, changed, conflict, failure, ok } from './responses';
import { findAttribute } from './select';
import { noParent, selectOne } from './target';
import type { TextEdit, XcapEditRequest, XcapEditResult } from './types';
import { XCAP_ATTRIBUTE_TYPE } from './types';
import { findUniquenessConflicts } from './uniqueness';

type AttributeTerminal = { readonly name: { readonly prefix: string | null; readonly local: string; readonly namespace: string | null } };

/** GET / PUT / DELETE of an attribute (RFC 4825 §7.7–7.9). */
export function attributeOperation(
  index: SourceIndex | null,
  request: XcapEditRequest,
  selector: ResolvedSelector,
  selectorText: string,
  terminal: AttributeTerminal,
): XcapEditResult {
  if (!index) {
    if (request.method === 'PUT') return conflict(null, { tag: 'no-parent', phrase: 'the document does not exist' });
    return failure(404, null, 'the document does not exist');
  }
  const { text } = index;
  const found = selectOne(index, selector);
  if (!('element' in found)) {
    if (found.count > 1) return failure(404, text, `the node selector selects ${found.count} elements; an XCAP URI must select at most one`);
    return request.method === 'PUT' ? conflict(text, noParent(index, selector, selectorText, request)) : failure(404, text, 'no element matches the node selector');
  }
  const { element } = found;
  const attribute = findAttribute(element, terminal.name.local, terminal.name.namespace);
  const selection = attribute ? [{ start: attribute.start, end: attribute.end }] : [];
  switch (request.method) {
    case 'GET':
      return attribute ? ok(200, XCAP_ATTRIBUTE_TYPE, attribute.rawValue, text, selection) : failure(404, text, 'the element has no such attribute');
    case 'DELETE': {
      if (!attribute) return failure(404, text, 'the element has no such attribute');
      let start = attribute.start;
      while (start > 0 && /\s/.test(text[start - 1] ?? '')) start--;
      return finish(index, request, { start, end: attribute.end, insert: '' }, selection, 200);
    }
    case 'PUT': {
      const read = readAttributeValue(request.body ?? '', request.limits ?? defaultXmlLimits);
      if ('kind' in read) {
        if (read.kind === 'too-large') return failure(413, text, read.message);
        return conflict(text, { tag: read.kind === 'not-utf-8' ? 'not-utf-8' : 'not-xml-att-value', phrase: read.message });
      }
      const lastStep = selector.steps.at(-1) as ResolvedStep;
      const test = lastStep.attribute;
      if (test && test.name.local === terminal.name.local && test.name.namespace === terminal.name.namespace && test.value !== read.value) {
        return conflict(text, { tag: 'cannot-insert', phrase: `the step's own test [@${terminal.name.local}="${test.value}"] would no longer select the element, so a GET of this URI would not return the new value` });
      }
      const uniqueness = keyUniqueness(request, index, element, terminal, read.value);
      if (uniqueness) return conflict(text, uniqueness, selection);
      const edit = attribute
        ? { start: attribute.start, end: attribute.end, insert: `${attribute.qname}=${attribute.quote}${requote(read.raw, attribute.quote)}${attribute.quote}` }
        : newAttributeEdit(element, terminal, read.raw);
      return finish(index, request, edit, selection, attribute ? 200 : 201);
    }
  }
}

function finish(index: SourceIndex, request: XcapEditRequest, edit: TextEdit, selection: { start: number; end: number }[], status: 200 | 201): XcapEditResult {
  const document = applyEdit(index.text, edit);
  const problem = schemaError(request, document);
  return problem ? conflict(index.text, problem, selection) : changed(status, document, edit, selection);
}

/** The body is an AttValue written for either quote; escape the one the document uses. */
function requote(raw: string, quote: '"' | "'"): string {
  return quote === '"' ? raw.replace(/"/g, '&quot;') : raw.replace(/'/g, '&apos;');
}

function newAttributeEdit(element: SourceElement, terminal: AttributeTerminal, raw: string): TextEdit {
  const at = element.attributes.at(-1)?.end ?? element.namespaceDeclarations.at(-1)?.end ?? element.start + 1 + element.qname.length;
  const lastDeclaration = element.namespaceDeclarations.at(-1)?.end ?? 0;
  const insertAt = Math.max(at, lastDeclaration);
  const { namespace, prefix, local } = terminal.name;
  if (namespace === null) return { start: insertAt, end: insertAt, insert: ` ${local}="${requote(raw, '"')}"` };
  // A namespaced attribute needs a prefix bound in the document; declare the selector's if none is.
  const bound = [...inScopeNamespaces(element)].find(([p, uri]) => p !== null && uri === namespace)?.[0];
  const usePrefix = bound ?? prefix ?? 'ns';
  const declaration = bound ? '' : ` xmlns:${usePrefix}="${escapeAttributeValue(namespace)}"`;
  return { start: insertAt, end: insertAt, insert: `${declaration} ${usePrefix}:${local}="${requote(raw, '"')}"` };
}

function keyUniqueness(request: XcapEditRequest, index: SourceIndex, element: SourceElement, terminal: AttributeTerminal, value: string) {
  if (terminal.name.namespace !== null) return null;
  const rules = request.usage.uniqueness.filter(
    (r) => r.key === terminal.name.local && r.element.local === element.local && r.element.namespace === element.namespace,
  );
  if (rules.length === 0) return null;
  // Check the element as it will be: same name, the new key value.
  const key = terminal.name.local;
  const keyAttribute: SourceAttribute = { qname: key, prefix: null, local: key, namespace: null, value, rawValue: value, quote: '"', start: 0, end: 0 };
  const probe: SourceElement = { ...element, attributes: [...element.attributes.filter((a) => !(a.local === key && a.namespace === null)), keyAttribute] };
  const conflicts = findUniquenessConflicts(rules, {
    added: [probe],
    addedRoot: probe,
    addedParent: null,
    siblings: element.parent ? element.parent.children.filter((c) => c !== element) : [],
    rest: function* () {
      for (const e of walkElements(index.root)) if (e !== element) yield e;
    },
  });
  const [first] = conflicts;
  return first ? { tag: 'uniqueness-failure' as const, phrase: `${first.field} "${first.value}" is not unique`, conflicts } : null;
}
