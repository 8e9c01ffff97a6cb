/**
 * OsKeychain without a real keychain: a stand-in binding checks the pinning, the argument checks
 * and the error mapping; a child process with a dead D-Bus address checks the real binding refuses
 * (rather than falling back to the kernel keyring or to nothing). The tests against a real Secret
 * Service are in os-keychain.keyring.test.ts.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../secrets/secret';
import { KEYCHAIN_SERVICE } from './keychain';
import { KeychainError } from './keychain-error';
import type { KeyringBinding, NativeEntry } from './os-keychain';
import { OsKeychain } from './os-keychain';
import { PROBE_SECRET, runProbe } from './test-support/run-probe';

const ACCOUNT = 'profile:lab:password';

interface FakeStore {
  readonly values: Map<string, string>;
  readonly options: unknown[];
  failConstructor?: Error;
  failCalls?: Error;
}

function fakeBinding(store: FakeStore): () => Promise<KeyringBinding> {
  class AsyncEntry implements NativeEntry {
    readonly #key: string;
    constructor(service: string, account: string, options?: unknown) {
      store.options.push(options);
      if (store.failConstructor) throw store.failConstructor;
      this.#key = `${service}\u0000${account}`;
    }
    async getPassword(): Promise<string | null> {
      if (store.failCalls) throw store.failCalls;
      return store.values.get(this.#key) ?? null;
    }
    async setPassword(password: string): Promise<void> {
      if (store.failCalls) throw store.failCalls;
      store.values.set(this.#key, password);
    }
    async deleteCredential(): Promise<boolean> {
      if (store.failCalls) throw store.failCalls;
      return store.values.delete(this.#key);
    }
  }
  return async () => ({ AsyncEntry });
}

function fixture(): { store: FakeStore; keychain: OsKeychain } {
  const store: FakeStore = { values: new Map(), options: [] };
  return { store, keychain: new OsKeychain({ loadBinding: fakeBinding(store), platform: 'linux' }) };
}

async function rejection(promise: Promise<unknown>): Promise<KeychainError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof KeychainError)) throw new Error(`expected a KeychainError, got ${inspect(error)}`);
  return error;
}

describe('OsKeychain on a stand-in binding', () => {
  it('pins every entry to the Secret Service store', async () => {
    const { store, keychain } = fixture();
    await keychain.set(KEYCHAIN_SERVICE, ACCOUNT, new Secret('pw'));
    await keychain.get(KEYCHAIN_SERVICE, ACCOUNT);
    await keychain.delete(KEYCHAIN_SERVICE, ACCOUNT);
    expect(store.options).toEqual([{ linux: { store: 'secret-service' } }, { linux: { store: 'secret-service' } }, { linux: { store: 'secret-service' } }]);
  });

  it('wraps what it reads in a Secret, and reads nothing as null', async () => {
    const { keychain } = fixture();
    expect(await keychain.get(KEYCHAIN_SERVICE, ACCOUNT)).toBeNull();
    await keychain.set(KEYCHAIN_SERVICE, ACCOUNT, new Secret('pw'));
    const secret = await keychain.get(KEYCHAIN_SERVICE, ACCOUNT);
    expect(secret).toBeInstanceOf(Secret);
    expect(secret?.reveal()).toBe('pw');
    expect(await keychain.delete(KEYCHAIN_SERVICE, ACCOUNT)).toBe(true);
    expect(await keychain.delete(KEYCHAIN_SERVICE, ACCOUNT)).toBe(false);
  });

  it('refuses plain strings and bad names before touching the store', async () => {
    const { store, keychain } = fixture();
    const plain = await rejection(keychain.set(KEYCHAIN_SERVICE, ACCOUNT, 'pw' as unknown as Secret));
    expect(plain.code).toBe('keychain-invalid-argument');
    expect(plain.message).toMatch(/wrapped in a Secret/);
    for (const [service, account] of [['', ACCOUNT], [KEYCHAIN_SERVICE, ''], [KEYCHAIN_SERVICE, 'a\nb'], [KEYCHAIN_SERVICE, 'x'.repeat(1025)]] as const) {
      expect((await rejection(keychain.get(service, account))).code).toBe('keychain-invalid-argument');
    }
    expect(store.options).toEqual([]);
  });

  it('maps a failing constructor (no D-Bus) to keychain-unavailable', async () => {
    const { store, keychain } = fixture();
    store.failConstructor = new Error('Platform failure: DBus error: Failed to connect to socket /run/x: No such file or directory');
    const error = await rejection(keychain.get(KEYCHAIN_SERVICE, ACCOUNT));
    expect(error.code).toBe('keychain-unavailable');
    expect(error).toMatchObject({ operation: 'get', service: KEYCHAIN_SERVICE, account: ACCOUNT });
  });

  it('never reads a locked keyring as "nothing stored"', async () => {
    const { store, keychain } = fixture();
    store.failCalls = new Error("Couldn't access platform storage: Secret Service: object locked");
    expect((await rejection(keychain.get(KEYCHAIN_SERVICE, ACCOUNT))).code).toBe('keychain-locked');
    expect((await rejection(keychain.delete(KEYCHAIN_SERVICE, ACCOUNT))).code).toBe('keychain-locked');
  });

  it('keeps the secret out of a failed set, even when the store echoes it', async () => {
    const { store, keychain } = fixture();
    store.failCalls = new Error(`Invalid value ${PROBE_SECRET}`);
    const error = await rejection(keychain.set(KEYCHAIN_SERVICE, ACCOUNT, new Secret(PROBE_SECRET)));
    expect(error.code).toBe('keychain-error');
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true }), String(error.stack)]) {
      expect(text).not.toContain(PROBE_SECRET);
    }
  });

  it('reports a binding that does not load as keychain-unavailable, and tries again next time', async () => {
    let attempts = 0;
    const keychain = new OsKeychain({
      loadBinding: async () => {
        attempts++;
        throw new Error('Cannot find native binding');
      },
    });
    const error = await rejection(keychain.get(KEYCHAIN_SERVICE, ACCOUNT));
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message).toMatch(/could not be loaded.*reinstall/);
    await rejection(keychain.get(KEYCHAIN_SERVICE, ACCOUNT));
    expect(attempts).toBe(2);
  });
});

describe.runIf(process.platform === 'linux')('OsKeychain without a D-Bus session (real binding, child process)', () => {
  it('refuses every call with keychain-unavailable, never falls back, and never shows the secret', async () => {
    const { outcomes, output } = await runProbe('set-get-delete', { env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/xcap-console-test-bus' } });
    expect(outcomes.map((outcome) => outcome.call)).toEqual(['set', 'get', 'delete']);
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.code).toBe('keychain-unavailable');
      expect(outcome.message).toMatch(/^no Secret Service is reachable on the D-Bus session bus: start gnome-keyring or another Secret Service .*, or run inside dbus-run-session/);
      expect(outcome.message).toContain('/nonexistent/xcap-console-test-bus');
      expect(JSON.parse(outcome.json)).toMatchObject({ name: 'KeychainError', code: 'keychain-unavailable', account: 'profile:probe:password' });
    }
    expect(output).not.toContain(PROBE_SECRET);
  });
});
