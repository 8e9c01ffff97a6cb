/**
 * Every contract call has a handler on Electron's IPC, each refuses a foreign sender before doing
 * anything, and each validates its argument at run time: wrong-typed arguments get a clear
 * invalid-argument result, never an exception or a crash. Runs the real console services.
 */
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_CHANNELS, calls, type IpcResult } from '../../shared/ipc';
import type { CallHandlers } from '../ipc/handlers';
import { MemoryKeychain } from '../keychain';
import { createConsoleServices, type ConsoleServices } from '../services/console-services';
import { isTrustedSender } from './hardening';
import { registerIpcHandlers, type IpcMainLike } from './ipc-main';

type Listener = Parameters<IpcMainLike['handle']>[1];
const registered = new Map<string, Listener>();
const fakeIpcMain: IpcMainLike = {
  handle: (channel, listener) => void registered.set(channel, listener),
  removeHandler: (channel) => void registered.delete(channel),
};
const appFrame = { url: 'app://xcap/index.html', parent: null };
const foreignFrames = [
  { url: 'https://evil.example/', parent: null },
  { url: 'file:///etc/passwd', parent: null },
  { url: 'app://xcap/index.html', parent: { url: 'app://xcap/index.html' } }, // a subframe
  { url: 'app://other/index.html', parent: null },
  { url: 'not a url', parent: null },
];

let dir: string;
let services: ConsoleServices;
const reached = new Map<string, number>();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xcap-ipc-'));
  services = await createConsoleServices({ configDir: dir, keychain: new MemoryKeychain(), keychainKind: 'memory', mode: 'electron', firstRunSandbox: false });
  // Count what reaches each real handler.
  const counted = Object.fromEntries(
    Object.entries(services.handlers).map(([channel, handler]) => [channel, (args: unknown) => (reached.set(channel, (reached.get(channel) ?? 0) + 1), (handler as (a: unknown) => Promise<unknown>)(args))]),
  ) as unknown as CallHandlers;
  registerIpcHandlers(fakeIpcMain, counted, isTrustedSender as never);
});

afterAll(async () => {
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

function invoke(channel: string, frame: unknown, args: unknown): Promise<IpcResult<unknown>> {
  const listener = registered.get(channel);
  if (!listener) throw new Error(`no handler registered for ${channel}`);
  return listener({ senderFrame: frame } as never, args) as Promise<IpcResult<unknown>>;
}

describe('Electron IPC handlers', () => {
  it('registers exactly one handler per contract call', () => {
    expect([...registered.keys()].sort()).toEqual([...CALL_CHANNELS].sort());
    for (const channel of CALL_CHANNELS) expect(channel).toMatch(/^xcap:[a-z]+\.[a-zA-Z]+$/);
  });

  it.each(CALL_CHANNELS)('%s refuses foreign senders without reaching the handler', async (channel) => {
    for (const frame of [...foreignFrames, null, undefined]) {
      const result = await invoke(channel, frame, {});
      expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.stringContaining('refused') } });
    }
    expect(reached.get(channel) ?? 0).toBe(0);
  });

  it.each(CALL_CHANNELS)('%s answers wrong-typed arguments with invalid-argument, never a throw', async (channel) => {
    const schema = calls[channel].args;
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }), async (value) => {
        if (schema.safeParse(value).success) return; // not wrong-typed for this channel
        checked++;
        const result = await invoke(channel, appFrame, value);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('invalid-argument');
          expect(result.error.message).toMatch(new RegExp(`^${channel.replace('.', '\\.')}: invalid argument`));
        }
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(50); // an empty object is a valid argument of some calls: those runs do not count
    expect(reached.get(channel) ?? 0).toBe(0);
  });

  it('a well-typed call from the app page reaches the handler and returns a result', async () => {
    const info = await invoke('xcap:app.info', appFrame, {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', keychain: 'memory' } });
    const missing = await invoke('xcap:traffic.get', appFrame, { id: 99, reveal: false });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
