import { validateAgainstSchema } from '../usages/schema-validation';
import type { ApplicationUsage } from '../usages/types';
import type { SourceElement } from '../xml/source-index';
import type { XcapEditRequest, XcapErrorDetail } from './types';

/** Schema validation of the document an operation would produce (RFC 4825 §8.2.5). */
export function schemaError(request: XcapEditRequest, document: string): XcapErrorDetail | null {
  if (request.validateSchema === false) return null;
  const report = validateAgainstSchema(request.usage, document);
  const [first] = report.problems;
  if (report.valid || !first) return null;
  const more = report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : '';
  return {
    tag: 'schema-validation-error',
    phrase: `line ${first.line}, column ${first.column}: ${first.message}${more}`,
    line: first.line,
    column: first.column,
  };
}

/** The root element must be the usage's root (schemas may declare other global elements too). */
export function rootElementError(usage: ApplicationUsage, root: SourceElement): XcapErrorDetail | null {
  if (root.local === usage.rootElement.local && root.namespace === usage.rootElement.namespace) return null;
  return {
    tag: 'schema-validation-error',
    phrase: `the root element must be {${usage.rootElement.namespace}}${usage.rootElement.local} for ${usage.auid}, not {${root.namespace ?? ''}}${root.local}`,
  };
}
