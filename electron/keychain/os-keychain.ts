/**
 * The Keychain on the operating system's credential store, through @napi-rs/keyring (keyring-rs):
 * macOS Keychain, Windows Credential Manager, and on Linux the Secret Service (gnome-keyring,
 * KWallet, KeePassXC) over D-Bus.
 *
 * On Linux every entry is pinned to the Secret Service store (`{ linux: { store: 'secret-service' } }`):
 * without the pin the binding silently falls back to the kernel keyutils keyring, which forgets
 * everything at reboot. With it, a missing Secret Service is a 'keychain-unavailable' error, and
 * there is no plaintext fallback anywhere.
 *
 * The binding is loaded on first use, so a machine where it cannot load still starts the app and
 * gets 'keychain-unavailable' when a secret is needed. Calls run on the binding's worker threads
 * (AsyncEntry), not on the main thread.
 */
import { Secret } from '../secrets/secret';
import { classifyNativeError } from './classify-native-error';
import type { Keychain } from './keychain';
import type { KeychainOperation } from './keychain-error';
import { KeychainError } from './keychain-error';

/** The part of @napi-rs/keyring this module uses (so tests can stand in for it). */
export interface KeyringBinding {
  AsyncEntry: new (service: string, account: string, options?: { linux?: { store?: 'secret-service' | 'keyutils' } }) => NativeEntry;
}

export interface NativeEntry {
  getPassword(): Promise<string | null>;
  setPassword(password: string): Promise<void>;
  deleteCredential(): Promise<boolean>;
}

export interface OsKeychainOptions {
  /** Stands in for @napi-rs/keyring (tests). */
  readonly loadBinding?: () => Promise<KeyringBinding>;
  readonly platform?: NodeJS.Platform;
}

/** Longest service or account name accepted (the stores' own limits are larger). */
export const MAX_NAME_LENGTH = 1024;

const PIN_SECRET_SERVICE = { linux: { store: 'secret-service' } } as const;

export class OsKeychain implements Keychain {
  readonly #loadBinding: () => Promise<KeyringBinding>;
  readonly #platform: NodeJS.Platform;
  #binding: Promise<KeyringBinding> | undefined;

  constructor(options: OsKeychainOptions = {}) {
    this.#loadBinding = options.loadBinding ?? (() => import('@napi-rs/keyring'));
    this.#platform = options.platform ?? process.platform;
  }

  async get(service: string, account: string): Promise<Secret | null> {
    const entry = await this.#entry('get', service, account);
    const value = await this.#call('get', service, account, () => entry.getPassword());
    return value === null ? null : new Secret(value);
  }

  async set(service: string, account: string, secret: Secret): Promise<void> {
    if (!(secret instanceof Secret)) {
      throw new KeychainError('keychain-invalid-argument', 'keychain values must be wrapped in a Secret (new Secret(value)), never passed as plain strings', { operation: 'set', service: String(service), account: String(account) });
    }
    const entry = await this.#entry('set', service, account);
    const value = secret.reveal();
    await this.#call('set', service, account, () => entry.setPassword(value), value);
  }

  async delete(service: string, account: string): Promise<boolean> {
    const entry = await this.#entry('delete', service, account);
    return this.#call('delete', service, account, () => entry.deleteCredential());
  }

  async #entry(operation: KeychainOperation, service: string, account: string): Promise<NativeEntry> {
    checkName('service', service, operation, service, account);
    checkName('account', account, operation, service, account);
    const binding = await this.#loadedBinding(operation, service, account);
    // The constructor already talks to D-Bus on Linux, so it fails like the calls do.
    return this.#callSync(operation, service, account, () => new binding.AsyncEntry(service, account, PIN_SECRET_SERVICE));
  }

  async #loadedBinding(operation: KeychainOperation, service: string, account: string): Promise<KeyringBinding> {
    this.#binding ??= this.#loadBinding();
    try {
      return await this.#binding;
    } catch (error) {
      this.#binding = undefined;
      const detail = error instanceof Error ? error.message : String(error);
      throw new KeychainError('keychain-unavailable', `the keychain binding @napi-rs/keyring could not be loaded on ${this.#platform}/${process.arch}: reinstall the app (or run npm ci) so its native part for this platform is present (${detail})`, {
        operation,
        service,
        account,
        detail,
      });
    }
  }

  #callSync<T>(operation: KeychainOperation, service: string, account: string, call: () => T): T {
    try {
      return call();
    } catch (error) {
      throw classifyNativeError(error, { operation, service, account, platform: this.#platform });
    }
  }

  async #call<T>(operation: KeychainOperation, service: string, account: string, call: () => Promise<T>, secretValue?: string): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw classifyNativeError(error, { operation, service, account, platform: this.#platform, ...(secretValue === undefined ? {} : { secretValue }) });
    }
  }
}

function checkName(what: 'service' | 'account', value: unknown, operation: KeychainOperation, service: unknown, account: unknown): void {
  let problem: string | null = null;
  if (typeof value !== 'string') problem = `must be a string, not ${typeof value}`;
  else if (value.length === 0) problem = 'must not be empty';
  else if (value.length > MAX_NAME_LENGTH) problem = `must be at most ${MAX_NAME_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  else if (/[\u0000-\u001f\u007f]/.test(value)) problem = 'must not contain control characters';
  if (problem !== null) {
    throw new KeychainError('keychain-invalid-argument', `the keychain ${what} name ${problem}`, { operation, service: String(service), account: String(account) });
  }
}
