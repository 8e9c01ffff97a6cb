/**
 * Turns what @napi-rs/keyring throws into a KeychainError. The binding gives every failure the
 * same `code` ('GenericFailure'), so the kind is read from the words of keyring-rs and its
 * Secret Service store (dbus-secret-service-keyring-store), pinned by the exact dependency
 * version; classify-native-error.test.ts holds the texts seen from the real stores.
 *
 *   constructor, no bus      Platform failure: DBus error: Failed to connect to socket /x: No such file or directory
 *   constructor, no bus      Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled …
 *   constructor, no service  Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files
 *   locked, prompt failed    Couldn't access platform storage: Secret Service: unlock prompt was dismissed
 *   locked                   Couldn't access platform storage: Secret Service: object locked
 *   set, no default keyring  Couldn't access platform storage: Secret Service: no result found
 *
 * Anything unrecognised is 'keychain-error' with the keychain's own words: never "nothing stored".
 */
import type { KeychainErrorCode, KeychainOperation } from './keychain-error';
import { KeychainError } from './keychain-error';

export interface NativeErrorContext {
  readonly operation: KeychainOperation;
  readonly service: string;
  readonly account: string;
  /** The secret being stored (set only): removed from the keychain's words should they echo it. */
  readonly secretValue?: string;
  readonly platform?: NodeJS.Platform;
}

const PROMPT_DISMISSED = /prompt (?:was )?dismissed|connection closed before prompt completed/i;
const LOCKED = /object locked|collection is locked|\blocked\b/i;
const UNAVAILABLE = new RegExp(
  [
    'No DBus session or Secret Service provider',
    'no secret service provider or dbus session',
    'was not provided by any \\.service files',
    'ServiceUnknown',
    'Failed to connect to socket',
    'autolaunch',
    'DBUS_SESSION_BUS_ADDRESS',
    'Connection refused',
    'disconnected from D-Bus',
    'NoServer',
    'Did not receive a reply',
  ].join('|'),
  'i',
);
const NO_DEFAULT_COLLECTION = /Secret Service: no result found/i;

const LINUX_START_SERVICE = 'start gnome-keyring or another Secret Service (KeePassXC, KWallet), or run inside dbus-run-session with one started';

/** The KeychainError for `error`, thrown by the binding during `context.operation`. */
export function classifyNativeError(error: unknown, context: NativeErrorContext): KeychainError {
  const detail = scrub(describe(error), context.secretValue);
  const linux = (context.platform ?? process.platform) === 'linux';
  const { code, message } = classify(detail, context.operation, linux);
  return new KeychainError(code, `${message} (the keychain said: ${detail})`, { operation: context.operation, service: context.service, account: context.account, detail });
}

function classify(detail: string, operation: KeychainOperation, linux: boolean): { code: KeychainErrorCode; message: string } {
  if (PROMPT_DISMISSED.test(detail)) {
    return {
      code: 'keychain-prompt-dismissed',
      message: /unlock/i.test(detail)
        ? 'the keyring is locked and its unlock prompt was dismissed or could not be shown (no display?): unlock the keyring (log in to the desktop session, or unlock it in Seahorse / your keyring manager) and try again'
        : 'the keychain asked for confirmation and the prompt was dismissed or could not be shown (no display?): try again and accept the prompt',
    };
  }
  if (LOCKED.test(detail)) {
    return { code: 'keychain-locked', message: 'the keyring is locked: unlock it (log in to the desktop session, or unlock it in Seahorse / your keyring manager) and try again' };
  }
  if (UNAVAILABLE.test(detail)) {
    return {
      code: 'keychain-unavailable',
      message: linux
        ? `no Secret Service is reachable on the D-Bus session bus: ${LINUX_START_SERVICE}; XCAP Console never falls back to storing passwords in plaintext`
        : 'the system keychain is not reachable: make sure you are logged in to a desktop session, then try again',
    };
  }
  if (operation === 'set' && NO_DEFAULT_COLLECTION.test(detail)) {
    return {
      code: 'keychain-unavailable',
      message: 'the Secret Service has no default keyring to store passwords in: create one (for example "Login" in Seahorse) or start gnome-keyring with --unlock, then try again',
    };
  }
  return { code: 'keychain-error', message: `the keychain could not ${operation === 'get' ? 'read' : operation === 'set' ? 'store' : 'delete'} the secret` };
}

/** The messages of `error` and its causes, deduplicated: the binding nests the same words. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth++) {
    const text = current instanceof Error ? current.message : String(current);
    if (text !== '' && !parts.some((part) => part.includes(text))) parts.push(text);
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.length === 0 ? 'no details' : parts.join(': ');
}

function scrub(text: string, secretValue: string | undefined): string {
  if (secretValue === undefined || secretValue.length === 0) return text;
  return text.split(secretValue).join('<redacted>');
}
