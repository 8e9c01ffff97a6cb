/**
 * The embedded sandbox server as the first-run default: with no profiles, the console starts the
 * sandbox with the TS 24.141 A.8 demo data and creates a "Local sandbox" profile for alice, so a new
 * user sees documents at once. `<config>/sandbox.json` remembers that the sandbox is in use (and its
 * port, reused when free) so it comes back on the next start; removing the profile ends that.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Keychain } from '../keychain';
import { saveProfileSecret, type ProfileStore } from '../profiles';
import { replaceFileAtomically } from '../profiles/atomic-file';
import { startSandboxServer, type SandboxServer } from '../sandbox/sandbox-server';
import { DEMO_USERS } from '../sandbox/demo-data';
import { Secret } from '../secrets/secret';
import { IpcHandlerError } from '../ipc/handlers';
import { digestUsernameOf } from '../sandbox/auth/xui';

export const SANDBOX_PROFILE_NAME = 'Local sandbox';

interface SandboxState {
  readonly profile: string;
  readonly port: number;
}

export class SandboxService {
  #server: SandboxServer | null = null;
  #profile: string | null = null;

  constructor(
    private readonly configDir: string,
    private readonly store: ProfileStore,
    private readonly keychain: Keychain,
  ) {}

  /** Starts the sandbox when this is a first run or the sandbox profile is still in use. */
  async startIfWanted(): Promise<void> {
    const state = await this.#readState();
    const profiles = await this.store.list();
    const firstRun = profiles.length === 0;
    const inUse = state !== null && profiles.some((p) => p.name === state.profile);
    if (!firstRun && !inUse) return;
    const server = await this.#listen(state?.port ?? 0);
    const alice = DEMO_USERS.find((user) => user.xui === 'sip:alice@example.com');
    if (!alice) throw new IpcHandlerError('sandbox', 'the demo data has no alice');
    const name = state?.profile ?? SANDBOX_PROFILE_NAME;
    await this.store.save({ name, xcapRoot: server.rootUrl, xui: alice.xui, auth: { method: 'digest', username: digestUsernameOf(alice.xui) }, tls: {} });
    await saveProfileSecret(this.keychain, name, new Secret(alice.password));
    await replaceFileAtomically(this.#stateFile(), JSON.stringify({ profile: name, port: server.port } satisfies SandboxState));
    this.#server = server;
    this.#profile = name;
  }

  get profile(): string | null {
    return this.#server ? this.#profile : null;
  }

  status() {
    return { running: this.#server !== null, rootUrl: this.#server?.rootUrl ?? null, profile: this.profile, users: this.#server?.users.list().map((u) => u.xui) ?? [] };
  }

  async close(): Promise<void> {
    await this.#server?.close();
    this.#server = null;
  }

  async #listen(port: number): Promise<SandboxServer> {
    const options = { dataDirectory: join(this.configDir, 'sandbox'), demo: true, host: '127.0.0.1' };
    try {
      return await startSandboxServer({ ...options, port });
    } catch (error) {
      if (port !== 0 && (error as NodeJS.ErrnoException).code === 'EADDRINUSE') return startSandboxServer({ ...options, port: 0 });
      throw new IpcHandlerError('sandbox', `the embedded sandbox server could not start: ${(error as Error).message}`);
    }
  }

  async #readState(): Promise<SandboxState | null> {
    try {
      const value = JSON.parse(await readFile(this.#stateFile(), 'utf8')) as Partial<SandboxState>;
      return typeof value.profile === 'string' && Number.isInteger(value.port) ? { profile: value.profile, port: value.port as number } : null;
    } catch {
      return null;
    }
  }

  #stateFile(): string {
    return join(this.configDir, 'sandbox.json');
  }
}
