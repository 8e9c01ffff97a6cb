/** Failures of the profile store, each with a stable `code` and a message that says what to do next. */
export type ProfileErrorCode =
  /** A profile (or a profiles document) that does not follow the schema; `path` says where. */
  | 'profile-invalid'
  /** A profile with something secret-looking in it (a password field, an Authorization header, credentials in a URL); `path` says where. */
  | 'profile-contains-secret'
  | 'profile-not-found'
  /** An import would replace existing profiles and `overwrite` was not set. */
  | 'profile-exists'
  /** profiles.json is not a profiles document: it is left untouched until fixed or moved away. */
  | 'profiles-file-invalid'
  /** A bad argument: `--config` without a directory, a name that is not a string. */
  | 'invalid-argument'
  /** The configuration directory or file cannot be read or written. */
  | 'profiles-io';

export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  /** Where in the JSON the problem is, like `profiles[2].tls.pinSha256`; empty when not about one place. */
  readonly path: string;

  constructor(
    readonly code: ProfileErrorCode,
    message: string,
    options: { readonly path?: string; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.path = options.path ?? '';
  }
}

export function isProfileError(value: unknown, code?: ProfileErrorCode): value is ProfileError {
  return value instanceof ProfileError && (code === undefined || value.code === code);
}
