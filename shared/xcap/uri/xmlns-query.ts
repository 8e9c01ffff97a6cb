/**
 * The query component of an XCAP URI: namespace bindings for the node selector written as
 * XPointer xmlns() pointer parts (RFC 4825 §6.4), e.g.
 * `xmlns(p=urn:ietf:params:xml:ns:resource-lists)xmlns(q=urn:x)`.
 *
 * The query is percent-decoded first and then parsed with the XPointer Framework grammar:
 * inside a part, "^(", "^)" and "^^" escape the circumflex and unbalanced parentheses, and
 * balanced parentheses may appear unescaped. The canonical form escapes every parenthesis
 * and circumflex of a namespace name, so it never depends on balance.
 */
import { XcapCoreError } from '../errors';
import { encodeQueryText } from './percent';
import { isNCName, isQName } from './xml-names';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export interface NamespaceBindingProblem {
  /** Which side of "=" is at fault. */
  readonly part: 'prefix' | 'namespace';
  readonly message: string;
}

/** Why a prefix → namespace binding cannot be used, or null when it can. */
export function namespaceBindingProblem(prefix: string, namespace: string): NamespaceBindingProblem | null {
  if (!isNCName(prefix)) return { part: 'prefix', message: `namespace prefix "${prefix}" is not an XML NCName` };
  if (prefix === 'xmlns') return { part: 'prefix', message: 'the prefix "xmlns" cannot be bound (Namespaces in XML §3)' };
  if (namespace === '') return { part: 'namespace', message: `the namespace name bound to "${prefix}" is empty` };
  if (namespace.startsWith(' ')) {
    // The grammar (NCName S? "=" S? EscapedNamespaceName) gives leading whitespace to the "=".
    return { part: 'namespace', message: `the namespace name bound to "${prefix}" starts with a space, which xmlns() cannot carry` };
  }
  if ((prefix === 'xml') !== (namespace === XML_NAMESPACE)) {
    return { part: 'namespace', message: `the prefix "xml" and the namespace ${XML_NAMESPACE} belong only to each other (Namespaces in XML §3)` };
  }
  if (namespace === XMLNS_NAMESPACE) return { part: 'namespace', message: `the namespace ${XMLNS_NAMESPACE} cannot be bound (Namespaces in XML §3)` };
  return null;
}

function escapeSchemeData(text: string): string {
  return text.replace(/[()^]/g, (char) => `^${char}`);
}

/** The canonical wire form of the bindings ("" for none), in the record's order. */
export function buildXmlnsQuery(namespaces: Readonly<Record<string, string>>): string {
  let query = '';
  for (const [prefix, namespace] of Object.entries(namespaces)) {
    query += encodeQueryText(`xmlns(${prefix}=${escapeSchemeData(namespace)})`);
  }
  return query;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Parses percent-decoded query text into bindings. `columnOf` maps an offset in `decoded`
 * to the 1-based column in the URI the user sees. Throws XcapCoreError('invalid-uri').
 */
export function parseXmlnsQuery(decoded: string, columnOf: (decodedOffset: number) => number): Record<string, string> {
  const entries: [string, string][] = [];
  const seen = new Set<string>();
  const fail = (offset: number, what: string): never => {
    const column = columnOf(offset);
    throw new XcapCoreError('invalid-uri', `Invalid namespace bindings in the query at column ${column}: ${what}.`, { column });
  };
  let index = 0;
  const skipSpaces = (): void => {
    while (index < decoded.length && isSpace(decoded.charCodeAt(index))) index++;
  };

  skipSpaces();
  while (index < decoded.length) {
    const partStart = index;
    const open = decoded.indexOf('(', index);
    const schemeName = open < 0 ? '' : decoded.slice(index, open);
    if (open < 0 || !isQName(schemeName)) {
      fail(partStart, 'expected xmlns(prefix=namespace), as in ?xmlns(p=urn:ietf:params:xml:ns:resource-lists) (RFC 4825 §6.4)');
    }
    if (schemeName !== 'xmlns') fail(partStart, `only xmlns() pointer parts may appear in an XCAP URI query, found "${schemeName}("`);
    index = open + 1;

    const prefixStart = index;
    while (index < decoded.length && !isSpace(decoded.charCodeAt(index)) && !'=()^'.includes(decoded.charAt(index))) index++;
    const prefix = decoded.slice(prefixStart, index);
    skipSpaces();
    if (decoded.charAt(index) !== '=') fail(index, `expected "=" after the prefix "${prefix}" in xmlns()`);
    index++;
    skipSpaces();

    const namespaceStart = index;
    const namespace: string[] = [];
    let depth = 0;
    for (;;) {
      if (index >= decoded.length) fail(partStart, 'xmlns( is not closed by ")"');
      const char = decoded.charAt(index);
      if (char === '^') {
        const escaped = decoded.charAt(index + 1);
        if (escaped !== '(' && escaped !== ')' && escaped !== '^') fail(index, 'a "^" must be followed by "(", ")" or "^" (XPointer escaping)');
        namespace.push(escaped);
        index += 2;
        continue;
      }
      if (char === ')' && depth === 0) break;
      if (char === '(') depth++;
      if (char === ')') depth--;
      namespace.push(char);
      index++;
    }
    const namespaceName = namespace.join('');
    const problem = namespaceBindingProblem(prefix, namespaceName);
    if (problem !== null) fail(problem.part === 'prefix' ? prefixStart : namespaceStart, problem.message);
    if (seen.has(prefix)) fail(prefixStart, `the prefix "${prefix}" is bound twice`);
    seen.add(prefix);
    entries.push([prefix, namespaceName]);
    index++; // the closing ")"
    skipSpaces();
  }
  // fromEntries defines own properties, so a prefix such as "__proto__" stays an ordinary key.
  return Object.fromEntries(entries);
}
