/**
 * How results cross the IPC boundary: `{ok:true,value}` or `{ok:false,error:{code,message}}`.
 * Exceptions do not cross (Electron would flatten them to a message string); codes are stable so
 * the renderer can branch on them.
 */

export const IPC_ERROR_CODES = [
  /** The arguments failed the channel's runtime schema. */
  'invalid-argument',
  /** The call did not come from the app's own page (wrong frame, origin or token). */
  'forbidden-sender',
  /** No such channel (only reachable through browser mode's socket, which takes any string). */
  'unknown-channel',
  /** A named profile, document, draft or exchange does not exist. */
  'not-found',
  /** The profile settings were refused (validation, secrets in the profile, ...). */
  'profile-invalid',
  /** The OS keychain could not answer. */
  'keychain',
  /** The URI, selector or body was refused by the XCAP core before anything was sent. */
  'xcap-invalid',
  /** DNS, TCP, TLS, timeout or protocol failure talking to the server. */
  'network',
  /** Authentication failed or could not be attempted. */
  'auth',
  /** The user cancelled the request. */
  'cancelled',
  /** The embedded sandbox server could not start. */
  'sandbox',
  /** Anything else: a bug. The message says what. */
  'internal',
] as const;

export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
  /** A more precise code of the failing layer, e.g. a transport error's `tls-untrusted`. */
  readonly detail?: string;
}

export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function failure(code: IpcErrorCode, message: string, detail?: string): IpcResult<never> {
  return { ok: false, error: detail === undefined ? { code, message } : { code, message, detail } };
}

export function isIpcErrorCode(value: unknown): value is IpcErrorCode {
  return typeof value === 'string' && (IPC_ERROR_CODES as readonly string[]).includes(value);
}
