/** RFC 4825 §6.3 node selectors: parse, print, resolve namespaces, translate to XPath. */
export type { AttributeTest, NameTest, NodeKind, NodeSelector, QName, Step, TerminalSelector } from './ast';
export { nodeKindOf } from './ast';
export type { AttQuote } from './att-value';
export { parseNodeSelector } from './parse';
export { MAX_POSITION } from './parse-predicates';
export { escapeAttValue, formatQName, printNodeSelector } from './print';
export type {
  NamespaceBindings,
  ResolvedAttributeName,
  ResolvedAttributeTest,
  ResolvedNameTest,
  ResolvedSelector,
  ResolvedStep,
  ResolvedTerminal,
} from './namespaces';
export { resolveSelectorNames, XML_NAMESPACE } from './namespaces';
export type { SelectorXPath } from './to-xpath';
export { selectorToPortableXPath, selectorToXPath } from './to-xpath';
export { xpathLiteral } from './xpath-literal';
