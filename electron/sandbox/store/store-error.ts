/**
 * Typed errors of the document store. Every error carries a stable `code` that callers (the
 * sandbox server, tests) may match on. Failures of the file system itself (ENOSPC, EACCES, ...)
 * are not wrapped: they reject with Node's own error, whose `code` is just as stable.
 */
export type StoreErrorCode =
  /** A key or list prefix that is malformed, too long, or not a document of either namespace. */
  | 'invalid-key'
  /** A bad argument other than a key: options, an update decision, a content type. */
  | 'invalid-argument'
  /** A stored file that fails its header, length or ETag check: damage from outside the store. */
  | 'corrupt-document'
  /** The store was closed. */
  | 'closed';

export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

export function isStoreError(value: unknown, code?: StoreErrorCode): value is StoreError {
  return value instanceof StoreError && (code === undefined || value.code === code);
}
