/**
 * Typed errors of the sandbox's authentication layer. Every error carries a stable `code` (safe
 * to match on in callers and tests) and, for a users file, the 1-based `line`.
 *
 * These errors are about configuration and arguments. A request that fails authentication is
 * not an error: the verifiers return `{ ok: false, reason }` so the server can answer 401.
 *
 * Messages never contain a password, not even part of one.
 */
export type SandboxAuthErrorCode =
  /** A `--user` value or users-file line is not a usable XUI=PASSWORD. */
  | 'invalid-user'
  /** Two users share an XUI or a Digest username. */
  | 'duplicate-user'
  /** A function or constructor was called with an argument outside its contract. */
  | 'invalid-argument';

export interface SandboxAuthErrorDetails {
  line?: number;
}

export class SandboxAuthError extends Error {
  override readonly name = 'SandboxAuthError';
  readonly code: SandboxAuthErrorCode;
  readonly line: number | undefined;

  constructor(code: SandboxAuthErrorCode, message: string, details: SandboxAuthErrorDetails = {}) {
    super(message);
    this.code = code;
    this.line = details.line;
  }
}

export function isSandboxAuthError(value: unknown, code?: SandboxAuthErrorCode): value is SandboxAuthError {
  return value instanceof SandboxAuthError && (code === undefined || value.code === code);
}

/** Throws 'invalid-argument' unless `value` is a string. */
export function assertString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') throw new SandboxAuthError('invalid-argument', `${what} must be a string, got ${describeType(value)}.`);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
