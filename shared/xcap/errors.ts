/**
 * Typed errors of the XCAP core. Every error carries a stable `code` (safe to match on in
 * callers, tests and the UI) and, where it points into text the user typed, a 1-based `column`
 * or `line`/`column`.
 */
export type XcapCoreErrorCode =
  // URIs
  | 'invalid-uri'
  | 'legacy-uri'
  | 'invalid-percent-encoding'
  // node selectors
  | 'invalid-selector'
  | 'unsupported-extension-selector'
  | 'unbound-prefix'
  // XML
  | 'not-well-formed'
  | 'not-utf-8'
  | 'external-entity'
  | 'entity-declaration'
  | 'too-large'
  | 'schema-compile'
  // application usages
  | 'unknown-auid'
  // arguments
  | 'invalid-argument';

export interface XcapCoreErrorDetails {
  line?: number;
  column?: number;
}

export class XcapCoreError extends Error {
  override readonly name = 'XcapCoreError';
  readonly code: XcapCoreErrorCode;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: XcapCoreErrorCode, message: string, details: XcapCoreErrorDetails = {}) {
    super(message);
    this.code = code;
    this.line = details.line;
    this.column = details.column;
  }
}

export function isXcapCoreError(value: unknown, code?: XcapCoreErrorCode): value is XcapCoreError {
  return value instanceof XcapCoreError && (code === undefined || value.code === code);
}
