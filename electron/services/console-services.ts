/**
 * The main-process core behind the IPC contract, the same in Electron and in browser mode: profiles
 * (and their keychain secrets), the embedded sandbox, XCAP requests, the session's traffic, drafts.
 */
import { readFileSync } from 'node:fs';
import type { EventChannel, EventPayload } from '../../shared/ipc';
import type { Keychain } from '../keychain';
import { ProfileStore } from '../profiles';
import { IpcHandlerError, type CallHandlers } from '../ipc/handlers';
import { ConnectionPool } from './connection-pool';
import { DraftsService } from './drafts-service';
import { ProfileService } from './profile-service';
import { SandboxService } from './sandbox-service';
import { TrafficLog } from './traffic-log';
import { XcapService } from './xcap-service';

export interface ConsoleServicesOptions {
  readonly configDir: string;
  readonly keychain: Keychain;
  readonly keychainKind: 'os' | 'memory';
  readonly mode: 'electron' | 'browser';
  /** Start the sandbox on a first run (default true). */
  readonly firstRunSandbox?: boolean;
}

export interface ConsoleServices {
  readonly handlers: CallHandlers;
  /** Subscribes to main→renderer events; returns the unsubscribe function. */
  onEvent(listener: <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void): () => void;
  readonly sandbox: SandboxService;
  close(): Promise<void>;
}

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function createConsoleServices(options: ConsoleServicesOptions): Promise<ConsoleServices> {
  const listeners = new Set<<E extends EventChannel>(channel: E, payload: EventPayload<E>) => void>();
  const emit = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => {
    for (const listener of listeners) listener(channel, payload);
  };
  const store = await ProfileStore.open(options.configDir);
  const traffic = new TrafficLog();
  const pool = new ConnectionPool(store, options.keychain, traffic);
  const sandbox = new SandboxService(options.configDir, store, options.keychain);
  if (options.firstRunSandbox ?? true) await sandbox.startIfWanted();
  const profiles = new ProfileService({ store, keychain: options.keychain, pool, sandboxProfile: () => sandbox.profile, changed: () => emit('xcap:profiles.changed', {}) });
  const xcap = new XcapService(pool, traffic);
  const drafts = new DraftsService(options.configDir);
  const stopTraffic = traffic.onRecorded((summary) => emit('xcap:traffic.recorded', summary));

  const handlers = {
    'xcap:app.info': async () => ({ version: VERSION, mode: options.mode, platform: process.platform, keychain: options.keychainKind }),
    'xcap:profiles.list': () => profiles.list(),
    'xcap:profiles.save': ({ profile, previousName, password, usim }) => profiles.save(profile, previousName, password, usim),
    'xcap:profiles.remove': async ({ profile }) => ({ removed: await profiles.remove(profile) }),
    'xcap:profiles.test': ({ profile }) => xcap.test(profile),
    'xcap:sandbox.status': async () => sandbox.status(),
    'xcap:xcap.caps': ({ profile }) => xcap.caps(profile),
    'xcap:xcap.directory': ({ profile }) => xcap.directory(profile),
    'xcap:xcap.send': (request) => xcap.send(request),
    'xcap:xcap.cancel': async ({ requestId }) => ({ cancelled: xcap.cancel(requestId) }),
    'xcap:traffic.list': async ({ afterId }) => traffic.list(afterId),
    'xcap:traffic.get': async ({ id, reveal }) => traffic.get(id, reveal) ?? notFound(`no exchange ${id} (cleared, or dropped by the capture budget)`),
    'xcap:traffic.exportHar': async ({ ids }) => ({ har: traffic.har(ids) }),
    'xcap:traffic.curl': async ({ id }) => ({ command: traffic.curl(id) ?? notFound(`no exchange ${id}`) }),
    'xcap:traffic.clear': async () => {
      const cleared = traffic.clear();
      emit('xcap:traffic.cleared', {});
      return { cleared };
    },
    'xcap:drafts.list': () => drafts.list(),
    'xcap:drafts.save': (draft) => drafts.save(draft),
    'xcap:drafts.remove': async (key) => ({ removed: await drafts.remove(key) }),
  } satisfies CallHandlers;

  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sandbox,
    async close() {
      stopTraffic();
      listeners.clear();
      await pool.close();
      await sandbox.close();
    },
  };
}

function notFound(message: string): never {
  throw new IpcHandlerError('not-found', message);
}
