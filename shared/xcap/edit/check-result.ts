import { compiledSchema, validationProblems } from '../usages/schema-validation';
import type { ApplicationUsage } from '../usages/types';
import type { LibxmlProblem } from '../xml/libxml';
import { utf8ForLibxml, withLibxmlDocument } from '../xml/libxml';
import type { SourceElement } from '../xml/source-index';
import type { XcapEditRequest, XcapErrorDetail } from './types';

/**
 * Schema validation of the document an operation would produce (RFC 4825 §8.2.5): one libxml2
 * parse, validated with the usage's compiled schema. The same checks as validateAgainstSchema(),
 * but handing libxml2 UTF-8 bytes (see utf8ForLibxml): this runs on every write.
 */
export function schemaError(request: XcapEditRequest, document: string): XcapErrorDetail | null {
  if (request.validateSchema === false) return null;
  const problems = schemaProblems(request.usage, utf8ForLibxml(document));
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

function schemaProblems(usage: ApplicationUsage, input: string | Uint8Array): LibxmlProblem[] {
  const validator = compiledSchema(usage.schemaFile);
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
