/**
 * Typed errors of client-side HTTP authentication. Every error carries a stable `code` (safe to
 * match on in callers, tests and the UI) and a message that says what to do next.
 *
 * Messages may name the username and the server's realm, never a password or a hash of one.
 */
export type AuthErrorCode =
  /** A function or constructor was called with an argument outside its contract. */
  | 'invalid-argument'
  /** A WWW-Authenticate or Authentication-Info value does not follow RFC 9110 §11. */
  | 'malformed-challenge'
  /** The server asked for authentication this authenticator cannot give (scheme, algorithm, qop). */
  | 'unsupported-challenge'
  /** The server refused the credentials (a 401 to an answered challenge). */
  | 'auth-rejected'
  /** The server's rspauth proves it does not know the password: the response must not be trusted. */
  | 'auth-server-mismatch'
  /** Basic would send the password readable over plain HTTP. */
  | 'basic-cleartext'
  /** The server wants credentials and none are configured. */
  | 'auth-required'
  /** GBA bootstrapping with the BSF failed (TS 33.220): a wrong K/OPc, an unknown IMPI, an unreachable BSF… */
  | 'bootstrap-failed';

export interface AuthErrorDetails {
  /** For 'malformed-challenge': the 0-based index in the header value where parsing stopped. */
  readonly position?: number;
  /** The schemes the server offered (lowercase), when the error is about a challenge. */
  readonly offered?: readonly string[];
}

export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly code: AuthErrorCode;
  readonly position: number | undefined;
  readonly offered: readonly string[] | undefined;

  constructor(code: AuthErrorCode, message: string, details: AuthErrorDetails = {}) {
    super(message);
    this.code = code;
    this.position = details.position;
    this.offered = details.offered;
  }
}

export function isAuthError(value: unknown, code?: AuthErrorCode): value is AuthError {
  return value instanceof AuthError && (code === undefined || value.code === code);
}

/** Throws 'invalid-argument' unless `value` is a string. */
export function assertString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') throw new AuthError('invalid-argument', `${what} must be a string, got ${describeType(value)}.`);
}

/** Throws 'invalid-argument' unless `value` is a boolean or undefined; gives the default for undefined. */
export function optionalBoolean(value: unknown, what: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new AuthError('invalid-argument', `${what} must be a boolean, got ${describeType(value)}.`);
  return value;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
