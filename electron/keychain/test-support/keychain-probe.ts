/**
 * Child-process side of the keychain tests: runs OsKeychain calls in a process of its own (whose
 * D-Bus environment the test chose) and prints one JSON line with each call's outcome. Revealed
 * secret values are never printed; a failure is printed with the error's JSON and inspect forms
 * so the test can check them for the secret.
 *
 *   node --import tsx electron/keychain/test-support/keychain-probe.ts set-get-delete   round trip
 *   node --import tsx electron/keychain/test-support/keychain-probe.ts locked           lock the login collection, then get/set/delete
 */
import { execFileSync } from 'node:child_process';
import { inspect } from 'node:util';
import { Secret } from '../../secrets/secret';
import { KEYCHAIN_SERVICE } from '../keychain';
import { OsKeychain } from '../os-keychain';
import { PROBE_ACCOUNT, PROBE_SECRET, type ProbeOutcome } from './run-probe';


async function outcome(call: string, run: () => Promise<unknown>): Promise<ProbeOutcome> {
  try {
    const result = await run();
    return { call, ok: true, result: result instanceof Secret ? `Secret(matches=${String(result.reveal() === PROBE_SECRET)})` : String(result) };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return {
      call,
      ok: false,
      code: typeof code === 'string' ? code : 'not-a-keychain-error',
      message: error instanceof Error ? error.message : String(error),
      json: JSON.stringify(error),
      inspected: inspect(error, { depth: Infinity, showHidden: true }),
    };
  }
}

function lockLoginCollection(): void {
  execFileSync('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.secrets',
    '/org/freedesktop/secrets',
    'org.freedesktop.Secret.Service.Lock',
    'array:objpath:/org/freedesktop/secrets/collection/login',
  ]);
}

async function main(mode: string | undefined): Promise<ProbeOutcome[]> {
  const keychain = new OsKeychain();
  const secret = new Secret(PROBE_SECRET);
  const calls = {
    get: () => outcome('get', () => keychain.get(KEYCHAIN_SERVICE, PROBE_ACCOUNT)),
    set: () => outcome('set', () => keychain.set(KEYCHAIN_SERVICE, PROBE_ACCOUNT, secret)),
    delete: () => outcome('delete', () => keychain.delete(KEYCHAIN_SERVICE, PROBE_ACCOUNT)),
  };
  if (mode === 'set-get-delete') return [await calls.set(), await calls.get(), await calls.delete()];
  if (mode === 'locked') {
    const before = await calls.set();
    lockLoginCollection();
    return [before, await calls.get(), await calls.set(), await calls.delete()];
  }
  throw new Error(`unknown probe mode ${String(mode)}: use set-get-delete or locked`);
}

process.stdout.write(`${JSON.stringify(await main(process.argv[2]))}\n`);
