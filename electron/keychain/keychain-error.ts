/**
 * Failures of the OS keychain, each with a stable `code` and a message that says what to do next.
 * Neither the message, the JSON form nor the console form of an error ever holds a secret value.
 */
export type KeychainErrorCode =
  /** No keychain to talk to: no D-Bus session, no Secret Service on it, no default collection, or the native binding did not load. */
  | 'keychain-unavailable'
  /** The collection (keyring) holding the secret is locked and was not unlocked. */
  | 'keychain-locked'
  /** The keychain asked the user (typically to unlock it) and the prompt was dismissed or could not be shown. */
  | 'keychain-prompt-dismissed'
  /** A service or account name the keychain cannot take, or a value that is not a Secret. */
  | 'keychain-invalid-argument'
  /** Anything else the keychain reported; the message ends with its own words. */
  | 'keychain-error';

export type KeychainOperation = 'get' | 'set' | 'delete';

export interface KeychainErrorDetails {
  readonly operation: KeychainOperation;
  readonly service: string;
  readonly account: string;
  /** What the keychain itself said (with any secret value removed), when it said something. */
  readonly detail?: string;
}

export class KeychainError extends Error {
  override readonly name = 'KeychainError';
  readonly operation: KeychainOperation;
  readonly service: string;
  readonly account: string;
  readonly detail: string | undefined;

  constructor(
    readonly code: KeychainErrorCode,
    message: string,
    details: KeychainErrorDetails,
  ) {
    // The cause is rebuilt from the scrubbed detail, never the native error object itself.
    super(message, details.detail === undefined ? undefined : { cause: new Error(details.detail) });
    this.operation = details.operation;
    this.service = details.service;
    this.account = details.account;
    this.detail = details.detail;
  }

  toJSON(): Record<string, string> {
    const json: Record<string, string> = { name: this.name, code: this.code, message: this.message, operation: this.operation, service: this.service, account: this.account };
    if (this.detail !== undefined) json.detail = this.detail;
    return json;
  }
}

export function isKeychainError(value: unknown, code?: KeychainErrorCode): value is KeychainError {
  return value instanceof KeychainError && (code === undefined || value.code === code);
}
