/**
 * Namespace resolution of the names in a node selector (RFC 4825 §6.4).
 *
 * - Element names: a prefix is looked up in the bindings from the URI's xmlns() query; an
 *   unprefixed name is in the application usage's default document namespace (not "no namespace",
 *   unlike XPath).
 * - Attribute names: unprefixed means no namespace (Namespaces in XML §6.2, as in XPath); a prefix
 *   is looked up like an element's.
 * - The "xml" prefix is always bound to the XML namespace and needs no binding.
 */
import type { AttributeTest, NodeSelector, QName, Step, TerminalSelector } from './ast';
import { XcapCoreError } from '../errors';
import { formatQName } from './print';
import { columnOf, invalidSelector } from './selector-error';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** An element name test; `namespace` is '' when the element is in no namespace. */
export type ResolvedNameTest = { readonly kind: 'any' } | ({ readonly kind: 'name'; readonly namespace: string } & QName);

/** An attribute name; `namespace` is null for unprefixed (no-namespace) attributes. */
export interface ResolvedAttributeName extends QName {
  readonly namespace: string | null;
}

export interface ResolvedAttributeTest extends Omit<AttributeTest, 'name'> {
  readonly name: ResolvedAttributeName;
}

export interface ResolvedStep extends Omit<Step, 'test' | 'attribute'> {
  readonly test: ResolvedNameTest;
  readonly attribute: ResolvedAttributeTest | null;
}

export type ResolvedTerminal =
  | { readonly kind: 'attribute'; readonly name: ResolvedAttributeName; readonly start: number; readonly end: number }
  | { readonly kind: 'namespace'; readonly start: number; readonly end: number };

export interface ResolvedSelector {
  readonly steps: readonly ResolvedStep[];
  readonly terminal: ResolvedTerminal | null;
}

export type NamespaceBindings = Readonly<Record<string, string>>;

export function resolveSelectorNames(selector: NodeSelector, bindings: NamespaceBindings, defaultNamespace: string): ResolvedSelector {
  const steps = selector.steps.map((step) => resolveStep(step, bindings, defaultNamespace));
  return { steps, terminal: resolveTerminal(selector.terminal, bindings) };
}

function resolveStep(step: Step, bindings: NamespaceBindings, defaultNamespace: string): ResolvedStep {
  const test: ResolvedNameTest =
    step.test.kind === 'any'
      ? step.test
      : { ...step.test, namespace: step.test.prefix === null ? defaultNamespace : lookUpPrefix(step.test.prefix, bindings, step.start) };
  const attribute =
    step.attribute === null
      ? null
      : { ...step.attribute, name: resolveAttributeName(step.attribute.name, bindings, attributeNameOffset(step)) };
  return { ...step, test, attribute };
}

function resolveTerminal(terminal: TerminalSelector | null, bindings: NamespaceBindings): ResolvedTerminal | null {
  if (terminal === null || terminal.kind === 'namespace') return terminal;
  return { ...terminal, name: resolveAttributeName(terminal.name, bindings, terminal.start + 1) };
}

function resolveAttributeName(name: QName, bindings: NamespaceBindings, offset: number): ResolvedAttributeName {
  return { ...name, namespace: name.prefix === null ? null : lookUpPrefix(name.prefix, bindings, offset) };
}

/** `offset` is where the prefixed name starts in the selector text, for the error column. */
function lookUpPrefix(prefix: string, bindings: NamespaceBindings, offset: number): string {
  if (prefix === 'xml') return XML_NAMESPACE;
  if (prefix === 'xmlns') {
    throw invalidSelector(
      `prefix "xmlns" at column ${columnOf(offset)} is reserved: namespace declarations are not attributes or elements; select them with namespace::*`,
      offset,
    );
  }
  // Object.hasOwn: a prefix named "constructor" or "__proto__" must not find Object.prototype members.
  const namespace = Object.hasOwn(bindings, prefix) ? bindings[prefix] : undefined;
  if (namespace === undefined || namespace === '') {
    throw new XcapCoreError('unbound-prefix', `prefix "${prefix}" is not bound: add ?xmlns(${prefix}=urn:...) to the URI`, {
      column: columnOf(offset),
    });
  }
  return namespace;
}

/** The attribute name of `step`'s attribute test starts after `name[n][@`; offsets come from the parsed text. */
function attributeNameOffset(step: Step): number {
  const testLength = step.test.kind === 'any' ? 1 : formatQName(step.test).length;
  const positionLength = step.position === null ? 0 : String(step.position).length + 2;
  return step.start + testLength + positionLength + 2;
}
