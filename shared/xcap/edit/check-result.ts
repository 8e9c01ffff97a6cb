import { isXcapCoreError } from '../errors';
import { compiledSchema, validationProblems } from '../usages/schema-validation';
import type { ApplicationUsage, ExpandedName, SubtreeValidation } from '../usages/types';
import type { LibxmlProblem } from '../xml/libxml';
import { utf8ForLibxml, withLibxmlDocument } from '../xml/libxml';
import { XML_NAMESPACE } from '../xml/namespaces';
import type { SourceElement } from '../xml/source-index';
import { walkElements } from '../xml/source-index';
import { namespaceDeclarationsInScope } from './fragment';
import type { XcapEditRequest, XcapErrorDetail } from './types';

/**
 * Schema validation of the document an operation would produce (RFC 4825 §8.2.5): one libxml2
 * parse, validated with the usage's compiled schema. The same checks as validateAgainstSchema(),
 * but handing libxml2 UTF-8 bytes (see utf8ForLibxml): this runs on every write.
 */
export function schemaError(request: XcapEditRequest, document: string): XcapErrorDetail | null {
  if (request.validateSchema === false) return null;
  let problems: LibxmlProblem[];
  try {
    problems = schemaProblems(request.usage.schemaFile, utf8ForLibxml(document));
  } catch (error) {
    // Parts checked one by one can still make a document libxml2 refuses: a duplicate xml:id
    // ("ID … already defined"), or a body that only the whole parse finds malformed (the element
    // PUT then reports not-xml-frag, see putElement).
    if (!isXcapCoreError(error, 'not-well-formed')) throw error;
    return { tag: 'schema-validation-error', phrase: `the resulting document is not acceptable: ${error.message}`, ...(error.line !== undefined && { line: error.line }), ...(error.column !== undefined && { column: error.column }) };
  }
  const [first] = problems;
  if (!first) return null;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return {
    tag: 'schema-validation-error',
    phrase: `line ${first.line}, column ${first.column}: ${first.message}${more}`,
    line: first.line,
    column: first.column,
  };
}

/** An element PUT's change: the element `replaced` (null: an insertion) under `parent` gives way to `element`, whose text is `elementText`. */
export interface ElementChange {
  readonly parent: SourceElement | null;
  readonly replaced: SourceElement | null;
  /** The new element, indexed in the namespace context of `parent`. */
  readonly element: SourceElement;
  readonly elementText: string;
}

/**
 * schemaError() for an element PUT: when the input document is known valid and the usage allows
 * it (ApplicationUsage.subtreeValidation), a replacement by an element of the same name is
 * validated by parsing that element alone; anything else, and any element that does not pass
 * alone (so that errors name their place in the document), is validated whole.
 */
export function elementPutSchemaError(request: XcapEditRequest, document: string, change: ElementChange): XcapErrorDetail | null {
  if (request.validateSchema === false) return null;
  const subtree = request.usage.subtreeValidation;
  if (request.documentValid === true && subtree && !hasDoctype(document, change) && validatesAlone(subtree, change) && validAlone(subtree, change)) return null;
  return schemaError(request, document);
}

/**
 * A DOCTYPE's internal subset can declare attributes of type ID (libxml2 then refuses duplicates
 * while parsing), which the element alone would not see: such documents are validated whole.
 */
function hasDoctype(document: string, { parent }: ElementChange): boolean {
  let root = parent;
  while (root?.parent) root = root.parent;
  return root === null || document.lastIndexOf('<!DOCTYPE', root.start) !== -1;
}

function validatesAlone(subtree: SubtreeValidation, { parent, replaced, element }: ElementChange): boolean {
  if (!parent || !replaced || replaced.local !== element.local || replaced.namespace !== element.namespace) return false;
  if (!subtree.parents.some((name) => isNamed(parent, name)) || !subtree.elements.some((name) => isNamed(element, name))) return false;
  for (const descendant of walkElements(element)) {
    if (descendant.attributes.some((attribute) => attribute.namespace === XML_NAMESPACE && attribute.local === 'id')) return false;
  }
  return true;
}

function isNamed(element: SourceElement, name: ExpandedName): boolean {
  return element.local === name.local && element.namespace === name.namespace;
}

/** The new element as a document of its own (the namespaces in scope at its parent declared on it), valid against the subtree schema. */
function validAlone(subtree: SubtreeValidation, { parent, element, elementText }: ElementChange): boolean {
  const own = new Set(element.namespaceDeclarations.map((declaration) => declaration.prefix));
  const declarations = namespaceDeclarationsInScope(parent, own);
  const nameEnd = 1 + element.qname.length;
  const alone = elementText.slice(0, nameEnd) + declarations + elementText.slice(nameEnd);
  try {
    return schemaProblems(subtree.schemaFile, utf8ForLibxml(alone)).length === 0;
  } catch (error) {
    // Not well-formed: the whole-document check reports it as it always did.
    if (isXcapCoreError(error, 'not-well-formed')) return false;
    throw error;
  }
}

function schemaProblems(schemaFile: string, input: string | Uint8Array): LibxmlProblem[] {
  const validator = compiledSchema(schemaFile);
  return withLibxmlDocument(input, (document) => validationProblems(validator, document));
}

/** The root element must be the usage's root (schemas may declare other global elements too). */
export function rootElementError(usage: ApplicationUsage, root: SourceElement): XcapErrorDetail | null {
  if (root.local === usage.rootElement.local && root.namespace === usage.rootElement.namespace) return null;
  return {
    tag: 'schema-validation-error',
    phrase: `the root element must be {${usage.rootElement.namespace}}${usage.rootElement.local} for ${usage.auid}, not {${root.namespace ?? ''}}${root.local}`,
  };
}
