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

/** Parses `text` (a string, or its UTF-8 bytes) with libxml2 and hands the document to `use`, disposing it afterwards. */
export function withLibxmlDocument<T>(text: string | Uint8Array, use: (document: XmlDocument) => T, url?: string): T {
  const document = parseLibxml(text, url);
  try {
    return use(document);
  } finally {
    document.dispose();
  }
}

/** Checks well-formedness (and namespace well-formedness) of `text`. */
export function assertWellFormed(text: string): void {
  withLibxmlDocument(utf8ForLibxml(text), () => undefined);
}

const encoder = new TextEncoder();

/**
 * What to hand libxml2 for `text`: its UTF-8 bytes from TextEncoder, which is several times
 * cheaper than libxml2-wasm's own string conversion (a JavaScript loop) and gives the same bytes.
 * A string with a lone surrogate (only string input can carry one) is handed over as it is, so
 * libxml2 sees what it always saw rather than TextEncoder's U+FFFD.
 */
export function utf8ForLibxml(text: string): string | Uint8Array {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed() ? encoder.encode(text) : text;
}

export function parseLibxml(text: string | Uint8Array, url?: string): XmlDocument {
  const options = url === undefined ? { option: SAFE_PARSE_OPTIONS } : { option: SAFE_PARSE_OPTIONS, url };
  try {
    // UTF-8 bytes go in as they are; a string is converted by libxml2-wasm's JavaScript encoder,
    // which costs more than TextEncoder (the same bytes reach the parser either way).
    return typeof text === 'string' ? XmlDocument.fromString(text, options) : XmlDocument.fromBuffer(text, options);
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
