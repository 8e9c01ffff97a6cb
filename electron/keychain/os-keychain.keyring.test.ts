/**
 * OsKeychain against a real Secret Service. Run under `bash .ci/with-keyring.sh npx vitest run electron/keychain`;
 * without a reachable, unlocked Secret Service these tests fail (they never skip).
 */
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { Secret } from '../secrets/secret';
import { KEYCHAIN_SERVICE } from './keychain';
import { OsKeychain } from './os-keychain';
import { PROBE_SECRET, runProbe } from './test-support/run-probe';

const keychain = new OsKeychain();
const run = randomUUID().slice(0, 8);
const used = new Set<string>();

function account(label: string): string {
  const name = `profile:test-${run}-${label}:password`;
  used.add(name);
  return name;
}

let reachable: Promise<void> | undefined;

/** Each test fails (never skips) with this advice when no Secret Service answers. */
function secretServiceTest(name: string, body: () => Promise<void>): void {
  it(name, async () => {
    reachable ??= keychain.get(KEYCHAIN_SERVICE, account('reachable')).then(
      () => undefined,
      (error: unknown) => {
        throw new Error(`this test needs a Secret Service: run it as "bash .ci/with-keyring.sh npx vitest run electron/keychain" (${(error as Error).message})`);
      },
    );
    await reachable;
    await body();
  });
}

afterAll(async () => {
  for (const name of used) await keychain.delete(KEYCHAIN_SERVICE, name).catch(() => undefined);
});

describe('OsKeychain on the Secret Service', () => {
  secretServiceTest('stores, reads back, replaces and deletes a non-ASCII secret', async () => {
    const name = account('round-trip');
    const value = 'pässwörd ☃ 密码 пароль 🔑 "quoted" \\ back';
    await keychain.set(KEYCHAIN_SERVICE, name, new Secret(value));
    expect((await keychain.get(KEYCHAIN_SERVICE, name))?.reveal()).toBe(value);
    await keychain.set(KEYCHAIN_SERVICE, name, new Secret('second'));
    expect((await keychain.get(KEYCHAIN_SERVICE, name))?.reveal()).toBe('second');
    expect(await keychain.delete(KEYCHAIN_SERVICE, name)).toBe(true);
    expect(await keychain.get(KEYCHAIN_SERVICE, name)).toBeNull();
    expect(await keychain.delete(KEYCHAIN_SERVICE, name)).toBe(false);
  });

  secretServiceTest('keeps a long secret whole (64 KiB, every plane)', async () => {
    const name = account('long');
    const unit = 'aZ09~ é ☃ 𝄞 ';
    const value = unit.repeat(Math.ceil(65_536 / unit.length)).slice(0, 65_536);
    await keychain.set(KEYCHAIN_SERVICE, name, new Secret(value));
    expect((await keychain.get(KEYCHAIN_SERVICE, name))?.reveal()).toBe(value);
  });

  secretServiceTest('reads a missing entry as null', async () => {
    expect(await keychain.get(KEYCHAIN_SERVICE, account('never-stored'))).toBeNull();
  });

  secretServiceTest('keeps accounts and services apart', async () => {
    const [a, b] = [account('a'), account('b')];
    await keychain.set(KEYCHAIN_SERVICE, a, new Secret('for a'));
    await keychain.set(KEYCHAIN_SERVICE, b, new Secret('for b'));
    expect((await keychain.get(KEYCHAIN_SERVICE, a))?.reveal()).toBe('for a');
    expect((await keychain.get(KEYCHAIN_SERVICE, b))?.reveal()).toBe('for b');
    expect(await keychain.get(`${KEYCHAIN_SERVICE}-other-${run}`, a)).toBeNull();
  });

  secretServiceTest('stores an empty secret as empty, not as missing', async () => {
    const name = account('empty');
    await keychain.set(KEYCHAIN_SERVICE, name, new Secret(''));
    expect((await keychain.get(KEYCHAIN_SERVICE, name))?.isEmpty).toBe(true);
  });
});

describe('OsKeychain on a locked Secret Service (a private one, in a child process)', () => {
  secretServiceTest('rejects get, set and delete instead of answering "nothing stored", without showing the secret', async () => {
    const { outcomes, output } = await runProbe('locked', { privateKeyring: true });
    const [before, ...locked] = outcomes;
    expect(before).toMatchObject({ call: 'set', ok: true });
    expect(locked.map((outcome) => outcome.call)).toEqual(['get', 'set', 'delete']);
    for (const outcome of locked) {
      expect(outcome).toMatchObject({ ok: false, code: 'keychain-prompt-dismissed' });
      if (outcome.ok) continue;
      expect(outcome.message).toMatch(/^the keyring is locked and its unlock prompt was dismissed or could not be shown/);
      expect(JSON.parse(outcome.json)).toMatchObject({ name: 'KeychainError', code: 'keychain-prompt-dismissed', service: KEYCHAIN_SERVICE });
      expect(outcome.inspected).toContain('keychain-prompt-dismissed');
    }
    expect(output).not.toContain(PROBE_SECRET);
  });

  secretServiceTest('never shows a secret in an error it throws here either', async () => {
    const error = await keychain.set(KEYCHAIN_SERVICE, '', new Secret(PROBE_SECRET)).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).not.toBeNull();
    expect(JSON.stringify(error)).not.toContain(PROBE_SECRET);
    expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(PROBE_SECRET);
  });
});
