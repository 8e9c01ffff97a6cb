/**
 * A Keychain in memory, for tests of code that uses one (profiles, the client). Behaves like
 * OsKeychain, including its argument checks; `failNext` makes the next call reject, to test how
 * callers handle a locked or missing keychain.
 */
import { Secret } from '../secrets/secret';
import type { Keychain } from './keychain';
import { KeychainError, type KeychainErrorCode, type KeychainOperation } from './keychain-error';

export class MemoryKeychain implements Keychain {
  readonly #values = new Map<string, string>();
  #failure: KeychainErrorCode | undefined;

  /** The next call rejects with a KeychainError of this code. */
  failNext(code: KeychainErrorCode): void {
    this.#failure = code;
  }

  /** How many secrets are stored (tests assert nothing is left behind). */
  get size(): number {
    return this.#values.size;
  }

  async get(service: string, account: string): Promise<Secret | null> {
    const value = this.#values.get(this.#key('get', service, account));
    return value === undefined ? null : new Secret(value);
  }

  async set(service: string, account: string, secret: Secret): Promise<void> {
    const key = this.#key('set', service, account);
    if (!(secret instanceof Secret)) throw new KeychainError('keychain-invalid-argument', 'keychain values must be wrapped in a Secret', { operation: 'set', service, account });
    this.#values.set(key, secret.reveal());
  }

  async delete(service: string, account: string): Promise<boolean> {
    return this.#values.delete(this.#key('delete', service, account));
  }

  #key(operation: KeychainOperation, service: string, account: string): string {
    const failure = this.#failure;
    if (failure !== undefined) {
      this.#failure = undefined;
      throw new KeychainError(failure, `simulated ${failure}`, { operation, service, account });
    }
    if (service === '' || account === '') throw new KeychainError('keychain-invalid-argument', 'the keychain service and account names must not be empty', { operation, service, account });
    return JSON.stringify([service, account]);
  }
}
