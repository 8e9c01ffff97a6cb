import { ParseOption, XmlDocument, XmlLibError } from 'libxml2-wasm';
import { XcapCoreError } from '../errors';

/**
 * libxml2 (WebAssembly) is the one XML parser and schema validator of the product, in Node and in
 * the renderer's worker alike. Its objects live in WebAssembly memory, which the JavaScript garbage
 * collector does not see: every document is disposed by whoever parsed it.
 */

// No network, no DTD loading, no entity substitution: the prolog check has already refused entity
// declarations and external DTDs, these options make sure nothing slips through anyway.
const SAFE_PARSE_OPTIONS = ParseOption.XML_PARSE_NONET;

export interface LibxmlProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Parses `text` with libxml2 and hands the document to `use`, disposing it afterwards. */
export function withLibxmlDocument<T>(text: string, use: (document: XmlDocument) => T, url?: string): T {
  const document = parseLibxml(text, url);
  try {
    return use(document);
  } finally {
    document.dispose();
  }
}

/** Checks well-formedness (and namespace well-formedness) of `text`. */
export function assertWellFormed(text: string): void {
  withLibxmlDocument(text, () => undefined);
}

export function parseLibxml(text: string, url?: string): XmlDocument {
  try {
    return XmlDocument.fromString(text, url === undefined ? { option: SAFE_PARSE_OPTIONS } : { option: SAFE_PARSE_OPTIONS, url });
  } catch (error) {
    const problem = firstProblem(error);
    throw new XcapCoreError('not-well-formed', `line ${problem.line}, column ${problem.column}: ${problem.message}`, {
      line: problem.line,
      column: problem.column,
    });
  }
}

export function firstProblem(error: unknown): LibxmlProblem {
  if (error instanceof XmlLibError && error.details.length > 0) {
    const [detail] = error.details;
    if (detail) return { message: detail.message.trim(), line: detail.line, column: detail.col };
  }
  return { message: error instanceof Error ? error.message.trim() : String(error), line: 0, column: 0 };
}

export function allProblems(error: unknown): LibxmlProblem[] {
  if (error instanceof XmlLibError) return error.details.map((d) => ({ message: d.message.trim(), line: d.line, column: d.col }));
  return [firstProblem(error)];
}
