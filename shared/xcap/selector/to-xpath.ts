/**
 * Translating a resolved node selector into an absolute XPath 1.0 expression selecting the same
 * nodes (RFC 4825 §6.3 is defined in terms of XPath). Step predicates are always written
 * `name[n][@a=v]`: the position counts among the siblings matching the name test, and the
 * attribute test then applies to that one element, as RFC 4825 specifies.
 */
import type { ResolvedAttributeName, ResolvedAttributeTest, ResolvedNameTest, ResolvedSelector, ResolvedStep } from './namespaces';
import { xpathLiteral } from './xpath-literal';

export interface SelectorXPath {
  readonly xpath: string;
  /** Generated prefix → namespace name, for every namespace the expression uses. */
  readonly namespaces: Record<string, string>;
}

/** Writes a name test for `local` in `namespace` ('' or null: no namespace). */
type NameWriter = (local: string, namespace: string | null) => string;

/**
 * XPath with generated prefixes (p1, p2, … in order of first use), e.g.
 * `/p1:resource-lists/p1:list[@name="friends"]`, for libxml2's `XmlDocument.find(xpath, namespaces)`.
 */
export function selectorToXPath(selector: ResolvedSelector): SelectorXPath {
  const namespaces: Record<string, string> = {};
  const prefixOf = new Map<string, string>();
  const writeName: NameWriter = (local, namespace) => {
    if (namespace === null || namespace === '') return local;
    let prefix = prefixOf.get(namespace);
    if (prefix === undefined) {
      prefix = `p${prefixOf.size + 1}`;
      prefixOf.set(namespace, prefix);
      namespaces[prefix] = namespace;
    }
    return `${prefix}:${local}`;
  };
  return { xpath: writeXPath(selector, writeName), namespaces };
}

/**
 * XPath needing no prefix bindings, e.g. `/*[local-name()='resource-lists' and namespace-uri()='urn:…']`,
 * for tools that cannot bind prefixes (xmllint --xpath).
 */
export function selectorToPortableXPath(selector: ResolvedSelector): string {
  return writeXPath(selector, (local, namespace) =>
    namespace === null ? local : `*[local-name()=${xpathLiteral(local, "'")} and namespace-uri()=${xpathLiteral(namespace, "'")}]`,
  );
}

function writeXPath(selector: ResolvedSelector, writeName: NameWriter): string {
  const steps = selector.steps.map((step) => `/${writeStep(step, writeName)}`);
  const { terminal } = selector;
  if (terminal !== null) steps.push(terminal.kind === 'namespace' ? '/namespace::*' : `/@${writeAttributeName(terminal.name, writeName)}`);
  return steps.join('');
}

function writeStep(step: ResolvedStep, writeName: NameWriter): string {
  const position = step.position === null ? '' : `[${step.position}]`;
  const attribute = step.attribute === null ? '' : writeAttributeTest(step.attribute, writeName);
  return writeNameTest(step.test, writeName) + position + attribute;
}

function writeNameTest(test: ResolvedNameTest, writeName: NameWriter): string {
  // '' (element in no namespace) is passed on as is: the portable form must still test namespace-uri()=''.
  return test.kind === 'any' ? '*' : writeName(test.local, test.namespace);
}

function writeAttributeTest(attribute: ResolvedAttributeTest, writeName: NameWriter): string {
  return `[@${writeAttributeName(attribute.name, writeName)}=${xpathLiteral(attribute.value, attribute.quote)}]`;
}

function writeAttributeName(name: ResolvedAttributeName, writeName: NameWriter): string {
  return writeName(name.local, name.namespace === '' ? null : name.namespace);
}
