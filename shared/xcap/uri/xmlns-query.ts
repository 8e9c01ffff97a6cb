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
import { shown } from './shown';
import { isNCName, isQName } from '../xml/names';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export interface NamespaceBindingProblem {
  /** Which side of "=" is at fault. */
  readonly part: 'prefix' | 'namespace';
  readonly message: string;
}

/** Why a prefix → namespace binding cannot be used, or null when it can. */
export function namespaceBindingProblem(prefix: string, namespace: string): NamespaceBindingProblem | null {
  if (!isNCName(prefix)) return { part: 'prefix', message: `namespace prefix "${shown(prefix)}" is not an XML NCName` };
  if (prefix === 'xmlns') return { part: 'prefix', message: 'the prefix "xmlns" cannot be bound (Namespaces in XML §3)' };
  if (namespace === '') return { part: 'namespace', message: `the namespace name bound to "${shown(prefix)}" is empty` };
  if (namespace.startsWith(' ')) {
    // The grammar (NCName S? "=" S? EscapedNamespaceName) gives leading whitespace to the "=".
    return { part: 'namespace', message: `the namespace name bound to "${shown(prefix)}" starts with a space, which xmlns() cannot carry` };
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

const CIRCUMFLEX = 0x5e;
const OPEN = 0x28;
const CLOSE = 0x29;
const EQUALS = 0x3d;

/** A cursor over decoded query text that fails with the column the user sees. */
class QueryScanner {
  index = 0;

  constructor(
    readonly text: string,
    private readonly columnOf: (decodedOffset: number) => number,
  ) {}

  fail(offset: number, what: string): never {
    const column = this.columnOf(offset);
    throw new XcapCoreError('invalid-uri', `Invalid namespace bindings in the query at column ${column}: ${what}.`, { column });
  }

  skipSpaces(): void {
    while (this.index < this.text.length && isSpace(this.text.charCodeAt(this.index))) this.index++;
  }

  /** "xmlns(": the scheme name of the next pointer part, which must be xmlns. */
  readSchemeName(): void {
    const start = this.index;
    const open = this.text.indexOf('(', start);
    const schemeName = open < 0 ? '' : this.text.slice(start, open);
    if (open < 0 || !isQName(schemeName)) {
      this.fail(start, 'expected xmlns(prefix=namespace), as in ?xmlns(p=urn:ietf:params:xml:ns:resource-lists) (RFC 4825 §6.4)');
    }
    if (schemeName !== 'xmlns') this.fail(start, `only xmlns() pointer parts may appear in an XCAP URI query, found "${shown(schemeName)}("`);
    this.index = open + 1;
  }

  /** The prefix up to "=" (with optional spaces around it). */
  readPrefix(): string {
    const start = this.index;
    for (; this.index < this.text.length; this.index++) {
      const code = this.text.charCodeAt(this.index);
      if (isSpace(code) || code === EQUALS || code === OPEN || code === CLOSE || code === CIRCUMFLEX) break;
    }
    const prefix = this.text.slice(start, this.index);
    this.skipSpaces();
    if (this.text.charCodeAt(this.index) !== EQUALS) this.fail(this.index, `expected "=" after the prefix "${shown(prefix)}" in xmlns()`);
    this.index++;
    this.skipSpaces();
    return prefix;
  }

  /** The namespace name up to the ")" that closes the part, unescaping "^(", "^)" and "^^". */
  readNamespaceName(partStart: number): string {
    let name = '';
    let runStart = this.index;
    let depth = 0;
    for (;; this.index++) {
      if (this.index >= this.text.length) this.fail(partStart, 'xmlns( is not closed by ")"');
      const code = this.text.charCodeAt(this.index);
      if (code === CIRCUMFLEX) {
        const escaped = this.text.charCodeAt(this.index + 1);
        if (escaped !== OPEN && escaped !== CLOSE && escaped !== CIRCUMFLEX) {
          this.fail(this.index, 'a "^" must be followed by "(", ")" or "^" (XPointer escaping)');
        }
        name += this.text.slice(runStart, this.index);
        runStart = ++this.index; // keep the escaped character, drop the "^"
      } else if (code === OPEN) {
        depth++;
      } else if (code === CLOSE) {
        if (depth === 0) break;
        depth--;
      }
    }
    name += this.text.slice(runStart, this.index);
    this.index++; // the closing ")"
    return name;
  }
}

/**
 * Parses percent-decoded query text into bindings. `columnOf` maps an offset in `decoded`
 * to the 1-based column in the URI the user sees. Throws XcapCoreError('invalid-uri').
 */
export function parseXmlnsQuery(decoded: string, columnOf: (decodedOffset: number) => number): Record<string, string> {
  const scanner = new QueryScanner(decoded, columnOf);
  const namespaces: Record<string, string> = {};
  scanner.skipSpaces();
  while (scanner.index < decoded.length) {
    const partStart = scanner.index;
    scanner.readSchemeName();
    const prefixStart = scanner.index;
    const prefix = scanner.readPrefix();
    const namespaceStart = scanner.index;
    const namespace = scanner.readNamespaceName(partStart);
    const problem = namespaceBindingProblem(prefix, namespace);
    if (problem !== null) scanner.fail(problem.part === 'prefix' ? prefixStart : namespaceStart, problem.message);
    if (Object.hasOwn(namespaces, prefix)) scanner.fail(prefixStart, `the prefix "${shown(prefix)}" is bound twice`);
    if (prefix === '__proto__') {
      // Defined, not assigned: assigning "__proto__" would set the prototype instead of adding a key.
      Object.defineProperty(namespaces, prefix, { value: namespace, enumerable: true, writable: true, configurable: true });
    } else {
      namespaces[prefix] = namespace;
    }
    scanner.skipSpaces();
  }
  return namespaces;
}
