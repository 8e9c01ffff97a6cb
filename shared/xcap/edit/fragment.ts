import { isXcapCoreError, XcapCoreError } from '../errors';
import { isXmlChar } from '../xml/chars';
import { escapeAttributeValue } from '../xml/escape';
import { resolveReferences } from '../xml/references';
import { assertWellFormed } from '../xml/libxml';
import type { XmlLimits } from '../xml/limits';
import { assertSafeProlog, isXmlSpace, readXmlDeclaration } from '../xml/prolog';
import type { SourceElement, SourceIndex } from '../xml/source-index';
import { indexSource, inScopeNamespaces } from '../xml/source-index';
import { toText } from '../xml/utf8';

/** An element body (application/xcap-el+xml) read in the namespace context of where it goes. */
export interface ElementFragment {
  /** The element's exact text, without XML declaration or surrounding whitespace. */
  readonly text: string;
  /** The element, indexed inside a wrapper that carries the context's namespace declarations. */
  readonly element: SourceElement;
  readonly index: SourceIndex;
}

export type FragmentProblem = { readonly kind: 'not-utf-8' | 'not-xml-frag' | 'too-large'; readonly message: string; readonly line?: number; readonly column?: number };

export const FRAGMENT_WRAPPER = 'xcap-fragment-context';

/**
 * Reads an element PUT body. Prefixes (and the default namespace) in scope at `context` apply to
 * the body, as they will once the element sits in the document; so `<entry uri="..."/>` put into a
 * resource list is a resource-lists entry without repeating xmlns. A new root element (`context`
 * null) has nothing in scope but what it declares.
 */
export function readElementFragment(body: string | Uint8Array, context: SourceElement | null, limits: XmlLimits): ElementFragment | FragmentProblem {
  const scanned = scanElementFragment(body, context, limits);
  if ('kind' in scanned) return scanned;
  return fragmentWellFormednessProblem(scanned) ?? scanned;
}

/** An element body read by scanElementFragment: everything but libxml2's well-formedness check. */
export interface ScannedElementFragment extends ElementFragment {
  /** The body inside the wrapper element that carries the context's namespace declarations. */
  readonly wrapped: string;
}

/**
 * readElementFragment() without its libxml2 parse of the body: for a caller that has libxml2
 * parse a document holding the element anyway (a schema-validated write), where that parse
 * decides well-formedness, and which calls fragmentWellFormednessProblem() before it answers
 * anything but success, so that a malformed body still answers not-xml-frag. Every problem this
 * returns has had that check first, as in readElementFragment.
 */
export function scanElementFragment(body: string | Uint8Array, context: SourceElement | null, limits: XmlLimits): ScannedElementFragment | FragmentProblem {
  let text: string;
  try {
    text = toText(body, limits);
    assertSafeProlog(text);
  } catch (error) {
    if (isXcapCoreError(error, 'not-utf-8')) return { kind: 'not-utf-8', message: error.message };
    if (isXcapCoreError(error, 'too-large')) return { kind: 'too-large', message: error.message };
    if (isXcapCoreError(error)) return { kind: 'not-xml-frag', message: error.message };
    throw error;
  }
  if (text.includes('<!DOCTYPE')) return { kind: 'not-xml-frag', message: 'an element body cannot contain a DOCTYPE' };
  // Blank the XML declaration out rather than cutting it, so reported columns match the body.
  const declaration = readXmlDeclaration(text);
  const bodyText = declaration ? ' '.repeat(declaration.end) + text.slice(declaration.end) : text;
  const wrapped = `<${FRAGMENT_WRAPPER}${namespaceDeclarationsInScope(context)}>\n${bodyText}\n</${FRAGMENT_WRAPPER}>`;
  let index: SourceIndex;
  try {
    index = indexSource(wrapped);
  } catch (error) {
    // The scanner assumes well-formed text: libxml2 names the actual problem.
    if (error instanceof XcapCoreError) return fragmentWellFormednessProblem({ wrapped }) ?? { kind: 'not-xml-frag', message: error.message };
    throw error;
  }
  const element = index.root.children[0];
  const problem = structureProblem(wrapped, index);
  if (problem || !element) return fragmentWellFormednessProblem({ wrapped }) ?? problem ?? { kind: 'not-xml-frag', message: 'the body holds no element' };
  return { text: wrapped.slice(element.start, element.end), element, index, wrapped };
}

/**
 * The namespace bindings in scope at `context` as declaration attributes (` xmlns="…" xmlns:p="…"`),
 * leaving out the prefixes in `except` (null: the default namespace). A null context has none.
 */
export function namespaceDeclarationsInScope(context: SourceElement | null, except: ReadonlySet<string | null> = new Set()): string {
  let declarations = '';
  for (const [prefix, uri] of context ? inScopeNamespaces(context) : []) {
    if (!except.has(prefix)) declarations += prefix === null ? ` xmlns="${escapeAttributeValue(uri)}"` : ` xmlns:${prefix}="${escapeAttributeValue(uri)}"`;
  }
  return declarations;
}

/** The wrapper must hold exactly one element and nothing else but whitespace. */
function structureProblem(wrapped: string, index: SourceIndex): FragmentProblem | null {
  const [element, ...others] = index.root.children;
  if (!element || others.length > 0) return { kind: 'not-xml-frag', message: `the body must contain exactly one element (found ${index.root.children.length})` };
  const outside = wrapped.slice(index.root.startTagEnd, element.start) + wrapped.slice(element.end, index.root.contentEnd);
  if (!isWhitespaceOnly(outside)) return { kind: 'not-xml-frag', message: 'the body must be a single element: text, comments or processing instructions outside it are not allowed' };
  return null;
}

/** libxml2's verdict on a scanned body: null when it is well-formed, else the not-xml-frag problem. */
export function fragmentWellFormednessProblem(fragment: { readonly wrapped: string }): FragmentProblem | null {
  const error = wellFormednessError(fragment.wrapped);
  if (!error) return null;
  const line = error.line !== undefined ? Math.max(1, error.line - 1) : undefined;
  const where = line !== undefined && error.column !== undefined ? `line ${line}, column ${error.column}: ` : '';
  return { kind: 'not-xml-frag', message: `the body is not a well-formed XML element: ${where}${error.message.replace(/^line \d+, column \d+: /, '')}`, line, column: error.column };
}

function wellFormednessError(wrapped: string): XcapCoreError | null {
  try {
    assertWellFormed(wrapped);
    return null;
  } catch (error) {
    if (error instanceof XcapCoreError) return error;
    throw error;
  }
}

/** Reads an attribute PUT body (application/xcap-att+xml): an AttValue without its quotes. */
export function readAttributeValue(body: string | Uint8Array, limits: XmlLimits): { raw: string; value: string } | FragmentProblem {
  let raw: string;
  try {
    raw = toText(body, limits);
  } catch (error) {
    if (isXcapCoreError(error, 'not-utf-8')) return { kind: 'not-utf-8', message: error.message };
    if (isXcapCoreError(error, 'too-large')) return { kind: 'too-large', message: error.message };
    throw error;
  }
  if (raw.includes('<')) return { kind: 'not-xml-frag', message: 'an attribute value cannot contain "<" (write &lt;)' };
  const value = resolveReferences(raw);
  if (value === null) return { kind: 'not-xml-frag', message: 'the attribute value has a malformed reference or an unescaped "&" (write &amp;)' };
  if (![...value].every((c) => isXmlChar(c.codePointAt(0) ?? 0))) {
    return { kind: 'not-xml-frag', message: 'the attribute value contains characters XML does not allow' };
  }
  return { raw, value };
}

export function isWhitespaceOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isXmlSpace(text.charCodeAt(i))) return false;
  return true;
}
