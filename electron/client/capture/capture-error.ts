/** Errors of traffic capture and its exports, each with a stable `code`. */
export type CaptureErrorCode =
  | 'invalid-option' // a recorder or export option is out of range or of the wrong type
  | 'body-truncated'; // the stored body is incomplete, so the request cannot be reproduced exactly

export class CaptureError extends Error {
  override readonly name = 'CaptureError';
  constructor(
    readonly code: CaptureErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isCaptureError(value: unknown, code?: CaptureErrorCode): value is CaptureError {
  return value instanceof CaptureError && (code === undefined || value.code === code);
}
