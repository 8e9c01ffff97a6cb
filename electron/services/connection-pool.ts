/** Live profile connections, opened on first use and replaced when the profile or its secrets change. */
import type { Keychain } from '../keychain';
import type { ProfileStore } from '../profiles';
import { IpcHandlerError } from '../ipc/handlers';
import { openProfileConnection, type ProfileConnection } from './profile-connection';
import type { TrafficLog } from './traffic-log';

export class ConnectionPool {
  readonly #open = new Map<string, Promise<{ connection: ProfileConnection; detach: () => void }>>();

  constructor(
    private readonly store: ProfileStore,
    private readonly keychain: Keychain,
    private readonly traffic: TrafficLog,
  ) {}

  async get(name: string): Promise<ProfileConnection> {
    let opening = this.#open.get(name);
    if (!opening) {
      opening = this.#connect(name);
      this.#open.set(name, opening);
      opening.catch(() => this.#open.delete(name));
    }
    return (await opening).connection;
  }

  /** Drops the profile's connection (after an edit, a new password, a removal). */
  async invalidate(name: string): Promise<void> {
    const opening = this.#open.get(name);
    this.#open.delete(name);
    const opened = await opening?.catch(() => null);
    if (opened) {
      opened.detach();
      await opened.connection.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((name) => this.invalidate(name)));
  }

  async #connect(name: string) {
    const profile = await this.store.get(name);
    if (!profile) throw new IpcHandlerError('not-found', `no profile "${name}"`);
    const connection = await openProfileConnection(profile, this.keychain);
    return { connection, detach: this.traffic.attach(name, connection.recorder) };
  }
}
