/**
 * Where the cursor is, for completion, in text that is being typed (so usually not well-formed): a
 * tolerant scan from the start of the document to the cursor that keeps the stack of open elements
 * and their namespace declarations, skipping comments, CDATA, PIs and the DOCTYPE. Then the schema
 * model (schema-model.ts) answers which element or attribute names fit there.
 */
import { nameKey, type AttributeModel, type ChildModel, type ModelName, type SchemaModel, type TypeModel } from './schema-model';

export interface OpenElement {
  readonly qname: string;
  /** Namespace declarations on this element: prefix ('' for the default namespace) → URI. */
  readonly declarations: ReadonlyMap<string, string>;
}

export type CompletionContext =
  | { readonly kind: 'element'; readonly stack: readonly OpenElement[]; readonly partial: string; readonly start: number }
  | { readonly kind: 'attribute'; readonly stack: readonly OpenElement[]; readonly element: OpenElement; readonly existing: readonly string[]; readonly partial: string; readonly start: number }
  | { readonly kind: 'none' };

const NAME_CHAR = /[\w.:\-\u00B7\u00C0-\uFFFF]/;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function completionContext(text: string, offset: number): CompletionContext {
  const stack: OpenElement[] = [];
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt === -1 || lt >= offset) return { kind: 'none' };
    const skip = (terminator: string) => {
      const end = text.indexOf(terminator, lt);
      return end === -1 || end + terminator.length > offset ? -1 : end + terminator.length;
    };
    if (text.startsWith('<!--', lt)) {
      i = skip('-->');
    } else if (text.startsWith('<![CDATA[', lt)) {
      i = skip(']]>');
    } else if (text.startsWith('<?', lt)) {
      i = skip('?>');
    } else if (text.startsWith('<!', lt)) {
      const subset = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      const end = subset !== -1 && subset < close ? text.indexOf(']>', subset) : close;
      i = end === -1 || end >= offset ? -1 : text.indexOf('>', end) + 1;
    } else if (text[lt + 1] === '/') {
      const close = text.indexOf('>', lt);
      if (close === -1 || close >= offset) return { kind: 'none' };
      const name = text.slice(lt + 2, close).trim();
      const at = stack.map((e) => e.qname).lastIndexOf(name);
      if (at !== -1) stack.length = at;
      i = close + 1;
    } else {
      const tag = readStartTag(text, lt, offset);
      if (tag.context) return tag.context(stack);
      if (!tag.selfClosing) stack.push(tag.element);
      i = tag.end;
    }
    if (i === -1) return { kind: 'none' };
  }
}

type StartTag = { element: OpenElement; selfClosing: boolean; end: number; context?: undefined } | { context: (stack: readonly OpenElement[]) => CompletionContext };

/** Reads a start tag from `<` at `lt`; when the cursor is inside it, says what is being typed there. */
function readStartTag(text: string, lt: number, offset: number): StartTag {
  let i = lt + 1;
  while (i < text.length && i < offset && NAME_CHAR.test(text[i] ?? '')) i++;
  const qname = text.slice(lt + 1, i);
  if (i >= offset) return { context: (stack) => ({ kind: 'element', stack, partial: qname, start: lt + 1 }) };
  const declarations = new Map<string, string>();
  const attributes: string[] = [];
  const elementSoFar = () => ({ qname, declarations });
  for (;;) {
    while (i < offset && isSpace(text[i])) i++;
    if (i >= offset) return { context: (stack) => ({ kind: 'attribute', stack, element: elementSoFar(), existing: attributes, partial: '', start: offset }) };
    const c = text[i];
    if (c === '>') return { element: elementSoFar(), selfClosing: false, end: i + 1 };
    if (c === '/' && text[i + 1] === '>') return { element: elementSoFar(), selfClosing: true, end: i + 2 };
    if (c === '<') return { element: elementSoFar(), selfClosing: false, end: i }; // an unterminated tag: let the next one start
    const nameStart = i;
    while (i < offset && NAME_CHAR.test(text[i] ?? '')) i++;
    const name = text.slice(nameStart, i);
    if (i >= offset) return { context: (stack) => ({ kind: 'attribute', stack, element: elementSoFar(), existing: attributes, partial: name, start: nameStart }) };
    if (name === '') {
      i++; // stray character
      continue;
    }
    attributes.push(name);
    while (i < offset && isSpace(text[i])) i++;
    if (text[i] !== '=') continue;
    i++;
    while (i < offset && isSpace(text[i])) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = text.indexOf(quote, i + 1);
    if (close === -1 || close >= offset) return { context: () => ({ kind: 'none' }) }; // inside a value
    const value = text.slice(i + 1, close);
    if (name === 'xmlns') declarations.set('', value);
    else if (name.startsWith('xmlns:')) declarations.set(name.slice(6), value);
    i = close + 1;
  }
}

/** The namespace bound to `prefix` ('' = default) in scope at the innermost of `stack`. */
export function namespaceOf(stack: readonly OpenElement[], prefix: string): string | null | undefined {
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  for (let k = stack.length - 1; k >= 0; k--) {
    const uri = stack[k]?.declarations.get(prefix);
    if (uri !== undefined) return uri === '' ? null : uri;
  }
  return prefix === '' ? null : undefined;
}

export function expandedName(stack: readonly OpenElement[], qname: string): ModelName | null {
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const namespace = namespaceOf(stack, prefix);
  return namespace === undefined ? null : { namespace, local: colon === -1 ? qname : qname.slice(colon + 1) };
}

/** A QName for `name` with the prefixes in scope, or null when its namespace has no prefix here. */
export function qnameFor(stack: readonly OpenElement[], name: ModelName): string | null {
  if (namespaceOf(stack, '') === name.namespace) return name.local;
  const prefixes = new Set<string>();
  for (let k = stack.length - 1; k >= 0; k--) {
    for (const [prefix, uri] of stack[k]?.declarations ?? []) {
      if (prefixes.has(prefix)) continue;
      prefixes.add(prefix);
      if (prefix !== '' && uri === name.namespace) return `${prefix}:${name.local}`;
    }
  }
  return null;
}

/** The type of the innermost element of `path` (open elements from the root), following the model. */
export function typeAt(model: SchemaModel, path: readonly OpenElement[]): TypeModel | null {
  let type: TypeModel | null = null;
  for (let k = 0; k < path.length; k++) {
    const element = path[k];
    if (!element) return null;
    const name = expandedName(path.slice(0, k + 1), element.qname);
    if (!name) return null;
    let child: ChildModel | undefined;
    if (k === 0) child = name.namespace === model.root.namespace && name.local === model.root.local ? model.globals[nameKey(name)] : undefined;
    else child = type?.children.find((c) => c.local === name.local && c.namespace === name.namespace) ?? (type && type.wildcard !== 'none' ? model.globals[nameKey(name)] : undefined);
    type = child && child.type !== '' ? (model.types[child.type] ?? null) : null;
    if (!type) return null;
  }
  return type;
}

export interface NameSuggestion {
  readonly label: string;
  /** Required attributes, for an element suggestion (inserted with it). */
  readonly required: readonly string[];
  readonly detail: string;
}

/** Element names allowed inside the innermost open element (or the root element in an empty document). */
export function elementSuggestions(model: SchemaModel, stack: readonly OpenElement[]): NameSuggestion[] {
  if (stack.length === 0) {
    const root = model.globals[nameKey(model.root)];
    return root ? [{ label: model.root.local, required: requiredOf(model, root), detail: `root element {${model.root.namespace ?? ''}}` }] : [];
  }
  const type = typeAt(model, stack);
  if (!type) return [];
  const candidates: ChildModel[] = [...type.children];
  if (type.wildcard !== 'none') {
    for (const global of Object.values(model.globals)) {
      if (type.wildcard === 'other' && global.namespace === type.namespace) continue;
      candidates.push(global);
    }
  }
  const suggestions: NameSuggestion[] = [];
  const labels = new Set<string>();
  for (const candidate of candidates) {
    const label = qnameFor(stack, candidate);
    if (label === null || labels.has(label)) continue;
    labels.add(label);
    suggestions.push({ label, required: requiredOf(model, candidate), detail: `{${candidate.namespace ?? ''}}${candidate.local}` });
  }
  return suggestions;
}

/** Attribute names allowed on `element` (the tag being written) that it does not have yet. */
export function attributeSuggestions(model: SchemaModel, stack: readonly OpenElement[], element: OpenElement, existing: readonly string[]): AttributeModel[] {
  const type = typeAt(model, [...stack, element]);
  if (!type) return [];
  return type.attributes.filter((a) => !existing.includes(a.name));
}

function requiredOf(model: SchemaModel, child: ChildModel): string[] {
  return (model.types[child.type]?.attributes ?? []).filter((a) => a.required).map((a) => a.name);
}
