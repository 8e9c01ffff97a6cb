import { expect } from 'vitest';
import { isXcapCoreError, type XcapCoreError, type XcapCoreErrorCode } from '../../errors';

/** Runs `action`, expects an XcapCoreError with `code`, and returns it for further checks. */
export function expectXcapError(action: () => unknown, code: XcapCoreErrorCode): XcapCoreError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  if (!isXcapCoreError(thrown)) throw new Error(`expected an XcapCoreError '${code}', got ${String(thrown)}`);
  expect({ code: thrown.code, message: thrown.message }).toMatchObject({ code });
  return thrown;
}

/** As expectXcapError, and the message names the column that `details.column` holds. */
export function expectXcapErrorAt(action: () => unknown, code: XcapCoreErrorCode, column: number): XcapCoreError {
  const error = expectXcapError(action, code);
  expect({ column: error.column, message: error.message }).toMatchObject({ column });
  expect(error.message).toContain(`column ${column}`);
  return error;
}
