/**
 * profiles.*: the profile list with which secrets are set (never their values), saving with a
 * write-only password, removal with the keychain entries, and the connection test.
 */
import type { ProfileEntry } from '../../shared/ipc';
import type { Keychain } from '../keychain';
import { forgetProfileSecrets, readProfileSecret, readUsimSecrets, saveProfileSecret, saveUsimSecrets, type Profile, type ProfileStore } from '../profiles';
import { createUsim } from '../gba/usim-credentials';
import { profilePasswordAccount } from '../profiles';
import { KEYCHAIN_SERVICE } from '../keychain';
import { Secret } from '../secrets/secret';
import { IpcHandlerError } from '../ipc/handlers';
import type { ConnectionPool } from './connection-pool';

export interface ProfileServiceOptions {
  readonly store: ProfileStore;
  readonly keychain: Keychain;
  readonly pool: ConnectionPool;
  /** The sandbox profile's name, when the embedded sandbox runs. */
  readonly sandboxProfile: () => string | null;
  readonly changed: () => void;
}

export class ProfileService {
  constructor(private readonly options: ProfileServiceOptions) {}

  async list(): Promise<ProfileEntry[]> {
    const profiles = await this.options.store.list();
    return Promise.all(profiles.map((profile) => this.#entry(profile)));
  }

  async save(profile: unknown, previousName: string | null, password: string | null | undefined, usim?: { k: string; opc?: string; op?: string }): Promise<ProfileEntry> {
    const { store, keychain, pool } = this.options;
    const usimSecrets = usim && { k: new Secret(usim.k), ...(usim.opc !== undefined && { opc: new Secret(usim.opc) }), ...(usim.op !== undefined && { op: new Secret(usim.op) }) };
    if (usimSecrets) createUsim(usimSecrets); // refuse malformed keys before storing anything
    if (previousName !== null && previousName !== (profile as { name?: unknown }).name && !(await store.get(previousName))) {
      throw new IpcHandlerError('not-found', `no profile "${previousName}" to rename`);
    }
    const saved = await store.save(profile);
    if (previousName !== null && previousName !== saved.name) {
      // A rename carries the secrets over to the new name's accounts, then drops the old profile.
      const oldPassword = await readProfileSecret(keychain, previousName, 'password');
      if (oldPassword && password === undefined) await saveProfileSecret(keychain, saved.name, oldPassword);
      const oldUsim = await readUsimSecrets(keychain, previousName);
      if (oldUsim && !usimSecrets) await saveUsimSecrets(keychain, saved.name, oldUsim);
      const oldPassphrase = await readProfileSecret(keychain, previousName, 'key-passphrase');
      if (oldPassphrase) await saveProfileSecret(keychain, saved.name, oldPassphrase, 'key-passphrase');
      await store.remove(previousName);
      await forgetProfileSecrets(keychain, previousName);
      await pool.invalidate(previousName);
    }
    if (typeof password === 'string') await saveProfileSecret(keychain, saved.name, new Secret(password));
    if (password === null) await keychain.delete(KEYCHAIN_SERVICE, profilePasswordAccount(saved.name));
    if (usimSecrets) await saveUsimSecrets(keychain, saved.name, usimSecrets);
    await pool.invalidate(saved.name);
    this.options.changed();
    return this.#entry(saved);
  }

  async remove(name: string): Promise<boolean> {
    const removed = await this.options.store.remove(name);
    if (removed) {
      await forgetProfileSecrets(this.options.keychain, name);
      await this.options.pool.invalidate(name);
      this.options.changed();
    }
    return removed;
  }

  async #entry(profile: Profile): Promise<ProfileEntry> {
    const password = profile.auth.method === 'none' ? null : await readProfileSecret(this.options.keychain, profile.name, 'password');
    const usim = profile.auth.method === 'gba' ? await readUsimSecrets(this.options.keychain, profile.name) : null;
    return { profile: structuredClone(profile) as ProfileEntry['profile'], passwordSet: password !== null, usimSet: usim !== null, sandbox: this.options.sandboxProfile() === profile.name };
  }
}
