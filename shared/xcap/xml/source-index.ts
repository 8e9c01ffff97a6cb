import { XcapCoreError } from '../errors';
import { resolveReferences } from './references';
import { createInterner, internString } from './intern';
import { XML_NAMESPACE } from './namespaces';
import { isXmlSpace, lineAndColumn } from './prolog';

/**
 * A byte-precise map of an XML document's elements: where each element, start tag, attribute and
 * namespace declaration begins and ends in the text, with namespaces resolved. Edits are spliced
 * into the original text at these offsets, so everything the edit does not touch keeps its bytes.
 *
 * The scanner assumes text that libxml2 has already accepted as namespace-well-formed; it checks
 * structure only as far as needed not to produce a wrong map.
 */
export interface SourceAttribute {
  readonly qname: string;
  readonly prefix: string | null;
  readonly local: string;
  /** Namespace of the attribute; unprefixed attributes are in no namespace. */
  readonly namespace: string | null;
  /** Value with references resolved. */
  readonly value: string;
  /** Value as written between the quotes. */
  readonly rawValue: string;
  readonly quote: '"' | "'";
  /** Offset of the attribute name. */
  readonly start: number;
  /** Offset after the closing quote. */
  readonly end: number;
}

export interface NamespaceDeclaration {
  /** null for the default namespace declaration `xmlns="..."`. */
  readonly prefix: string | null;
  readonly uri: string;
  readonly start: number;
  readonly end: number;
}

export interface SourceElement {
  readonly qname: string;
  readonly prefix: string | null;
  readonly local: string;
  readonly namespace: string | null;
  readonly parent: SourceElement | null;
  readonly children: SourceElement[];
  readonly attributes: SourceAttribute[];
  readonly namespaceDeclarations: NamespaceDeclaration[];
  /** Offset of `<`. */
  readonly start: number;
  /** Offset after the start tag's `>` (after `/>` when self-closing). */
  readonly startTagEnd: number;
  /** Offset of the end tag's `<` (equal to startTagEnd when self-closing). */
  contentEnd: number;
  /** Offset after the element's last character. */
  end: number;
  readonly selfClosing: boolean;
}

export interface SourceIndex {
  readonly text: string;
  readonly root: SourceElement;
}

export function indexSource(text: string): SourceIndex {
  return new Scanner(text).scan();
}

/**
 * Indexes the markup of text[from, to) as content of `parent` (open there), appending the
 * elements at its level to its children. False when the range does not hold whole constructs
 * that leave `parent` open. Throws XcapCoreError 'not-well-formed' like indexSource().
 */
export function indexContent(text: string, from: number, to: number, parent: SourceElement): boolean {
  return new Scanner(text).scanContent(from, to, parent);
}

/** The namespace bound to `prefix` (null: the default namespace) in scope at `element`. */
export function lookupNamespace(element: SourceElement | null, prefix: string | null): string | null | undefined {
  if (prefix === 'xml') return XML_NAMESPACE;
  for (let e = element; e; e = e.parent) {
    for (const declaration of e.namespaceDeclarations) {
      if (declaration.prefix === prefix) return declaration.uri === '' ? null : declaration.uri;
    }
  }
  return prefix === null ? null : undefined;
}

/** All namespace bindings in scope at `element`, nearest declaration winning. */
export function inScopeNamespaces(element: SourceElement): Map<string | null, string> {
  const bindings = new Map<string | null, string>();
  for (let e: SourceElement | null = element; e; e = e.parent) {
    for (const declaration of e.namespaceDeclarations) {
      if (!bindings.has(declaration.prefix)) bindings.set(declaration.prefix, declaration.uri);
    }
  }
  for (const [prefix, uri] of bindings) if (uri === '') bindings.delete(prefix);
  return bindings;
}

export function elementText(index: SourceIndex, element: SourceElement): string {
  return index.text.slice(element.start, element.end);
}

/** Descendant elements of `element` in document order, `element` included. */
export function* walkElements(element: SourceElement): Generator<SourceElement> {
  yield element;
  for (const child of element.children) yield* walkElements(child);
}

type RawAttribute = { qname: string; rawValue: string; quote: '"' | "'"; start: number; end: number };

/**
 * libxml2's limit (without XML_PARSE_HUGE, which the product never sets): it refuses a 257th level.
 * The scanner keeps to it as well because it can run before libxml2 (see scanElementFragment), and
 * each element's namespace lookup walks its ancestors: unbounded depth would cost quadratic time.
 */
export const MAX_ELEMENT_DEPTH = 256;

const NO_DECLARATIONS: NamespaceDeclaration[] = Object.freeze([]) as unknown as NamespaceDeclaration[];

class Scanner {
  private position = 0;
  private root: SourceElement | null = null;
  /** In scanContent(): the element whose content is scanned; its end tag ends the scan. */
  private container: SourceElement | null = null;
  /** How many elements are open (see MAX_ELEMENT_DEPTH). */
  private depth = 0;
  private readonly intern = createInterner();
  private readonly qnames = new Map<string, [prefix: string | null, local: string]>();

  constructor(private readonly text: string) {}

  scan(): SourceIndex {
    const open = this.scanMarkup(this.text.length, null);
    if (!this.root || open) this.fail('no complete root element');
    return { text: this.text, root: this.root };
  }

  /**
   * Indexes the markup of text[from, to) as content of `parent`, which is open there: elements
   * found at its level are appended to its children. False when the range does not hold whole
   * constructs that leave `parent` open.
   */
  scanContent(from: number, to: number, parent: SourceElement): boolean {
    this.position = from;
    this.container = parent;
    for (let open: SourceElement | null = parent; open; open = open.parent) this.depth++;
    return this.scanMarkup(to, parent) === parent && this.position <= to;
  }

  /** Scans from the position up to the first markup at or after `limit`; `current` is the element open at the start. The element open at the end. */
  private scanMarkup(limit: number, current: SourceElement | null): SourceElement | null {
    const { text } = this;
    for (;;) {
      const lt = text.indexOf('<', this.position);
      if (lt === -1 || lt >= limit) break;
      this.position = lt;
      const next = text.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */) this.skipMarkupDeclaration();
      else if (next === 0x3f /* ? */) this.skipTo('?>');
      else if (next === 0x2f /* / */) {
        if (!current) this.fail('an end tag without a start tag');
        if (current === this.container) return null; // scanContent(): the range closes its container
        const close = text.indexOf('>', lt);
        if (close === -1) this.fail('an unterminated end tag');
        current.contentEnd = lt;
        current.end = close + 1;
        this.position = close + 1;
        current = current.parent;
        this.depth--;
      } else {
        // Like libxml2, an element (empty or not) inside MAX_ELEMENT_DEPTH open ones is refused.
        if (this.depth >= MAX_ELEMENT_DEPTH) this.fail(`elements nested deeper than ${MAX_ELEMENT_DEPTH}`, lt);
        const element = this.readStartTag(current);
        if (current) current.children.push(element);
        else if (this.root) this.fail('a second root element');
        else this.root = element;
        if (!element.selfClosing) {
          current = element;
          this.depth++;
        }
      }
    }
    return current;
  }

  private skipMarkupDeclaration(): void {
    const { text, position } = this;
    if (text.startsWith('<!--', position)) this.skipTo('-->');
    else if (text.startsWith('<![CDATA[', position)) this.skipTo(']]>');
    else if (text.startsWith('<!DOCTYPE', position)) {
      const subset = text.indexOf('[', position);
      const close = text.indexOf('>', position);
      this.position = subset !== -1 && subset < close ? text.indexOf(']', subset) : position;
      this.skipTo('>');
    } else this.fail('unexpected markup');
  }

  private skipTo(terminator: string): void {
    const end = this.text.indexOf(terminator, this.position);
    if (end === -1) this.fail(`an unterminated construct (missing "${terminator}")`);
    this.position = end + terminator.length;
  }

  private readStartTag(parent: SourceElement | null): SourceElement {
    const { text } = this;
    const start = this.position;
    let i = start + 1;
    const nameStart = i;
    while (i < text.length && !isNameEnd(text.charCodeAt(i))) i++;
    const qname = this.intern(text.slice(nameStart, i));
    const rawAttributes: RawAttribute[] = [];
    let declares = false;
    for (;;) {
      while (i < text.length && isXmlSpace(text.charCodeAt(i))) i++;
      const code = text.charCodeAt(i);
      if (code === 0x3e /* > */ || code === 0x2f /* / */) break;
      if (i >= text.length) this.fail('an unterminated start tag', start);
      const attributeStart = i;
      while (i < text.length && !isNameEnd(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3d) i++;
      const attributeName = this.intern(text.slice(attributeStart, i));
      while (isXmlSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== 0x3d /* = */) this.fail('an attribute without "="', i);
      i++;
      while (isXmlSpace(text.charCodeAt(i))) i++;
      const quote = text[i];
      if (quote !== '"' && quote !== "'") this.fail('an unquoted attribute value', i);
      const close = text.indexOf(quote, i + 1);
      if (close === -1) this.fail('an unterminated attribute value', i);
      rawAttributes.push({ qname: attributeName, rawValue: text.slice(i + 1, close), quote, start: attributeStart, end: close + 1 });
      if (attributeName.startsWith('xmlns') && (attributeName.length === 5 || attributeName.charCodeAt(5) === 0x3a)) declares = true;
      i = close + 1;
    }
    const selfClosing = text.charCodeAt(i) === 0x2f;
    const startTagEnd = selfClosing ? i + 2 : i + 1;
    this.position = startTagEnd;

    // Most elements declare nothing: they share one empty list.
    const namespaceDeclarations: NamespaceDeclaration[] = declares ? [] : NO_DECLARATIONS;
    for (const attribute of declares ? rawAttributes : []) {
      if (attribute.qname === 'xmlns' || attribute.qname.startsWith('xmlns:')) {
        namespaceDeclarations.push({
          prefix: attribute.qname === 'xmlns' ? null : attribute.qname.slice(6),
          uri: this.intern(resolveReferences(attribute.rawValue) ?? attribute.rawValue),
          start: attribute.start,
          end: attribute.end,
        });
      }
    }
    const [prefix, local] = this.splitQName(qname);
    const element: SourceElement = {
      qname,
      prefix,
      local,
      namespace: null,
      parent,
      children: [],
      attributes: [],
      namespaceDeclarations,
      start,
      startTagEnd,
      contentEnd: startTagEnd,
      end: startTagEnd,
      selfClosing,
    };
    const namespace = lookupNamespace(element, prefix);
    if (namespace === undefined) this.fail(`the prefix "${prefix}" is not bound`, start);
    (element as { namespace: string | null }).namespace = namespace;
    for (const attribute of rawAttributes) {
      if (declares && (attribute.qname === 'xmlns' || attribute.qname.startsWith('xmlns:'))) continue;
      const [attributePrefix, attributeLocal] = this.splitQName(attribute.qname);
      const attributeNamespace = attributePrefix === null ? null : lookupNamespace(element, attributePrefix);
      if (attributeNamespace === undefined) this.fail(`the prefix "${attributePrefix}" is not bound`, attribute.start);
      const { qname: attributeQName, rawValue, quote, start: attributeStart, end } = attribute;
      element.attributes.push({
        qname: attributeQName,
        prefix: attributePrefix,
        local: attributeLocal,
        namespace: attributeNamespace,
        // Values are mostly distinct: interned directly, without the name cache (a Map of 100k
        // values costs more than it saves).
        value: internString(normaliseAttributeValue(resolveReferences(rawValue) ?? rawValue, rawValue)),
        rawValue,
        quote,
        start: attributeStart,
        end,
      });
    }
    return element;
  }

  /** Split once per distinct (interned) qname. */
  private splitQName(qname: string): [prefix: string | null, local: string] {
    let split = this.qnames.get(qname);
    if (split === undefined) {
      const [prefix, local] = splitQName(qname);
      split = [prefix === null ? null : this.intern(prefix), this.intern(local)];
      this.qnames.set(qname, split);
    }
    return split;
  }

  private fail(what: string, at: number = this.position): never {
    throw new XcapCoreError('not-well-formed', `the XML has ${what}`, lineAndColumn(this.text, at));
  }
}

/** XML attribute-value normalisation: literal whitespace characters become spaces (references are kept). */
function normaliseAttributeValue(resolved: string, raw: string): string {
  if (!/[\t\n\r]/.test(raw)) return resolved;
  // Only literal whitespace is normalised; &#10; etc. survive. Resolve piecewise to respect that.
  return resolveReferences(raw.replace(/\r\n|[\t\n\r]/g, ' ')) ?? resolved;
}

function isNameEnd(code: number): boolean {
  return isXmlSpace(code) || code === 0x3e /* > */ || code === 0x2f /* / */ || Number.isNaN(code);
}

export function splitQName(qname: string): [prefix: string | null, local: string] {
  const colon = qname.indexOf(':');
  return colon === -1 ? [null, qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}
