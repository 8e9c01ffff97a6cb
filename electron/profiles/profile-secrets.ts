/**
 * A profile's secrets live in the OS keychain, under service "xcap-console" and one account per
 * secret, never in profile files:
 *
 *   profile:<name>:password         the HTTP Digest/Basic (or GBA) password
 *   profile:<name>:key-passphrase   the passphrase of the client certificate's key
 *   profile:<name>:usim-k           GBA: the software USIM's K (hex)
 *   profile:<name>:usim-opc         GBA: its OPc (hex), or
 *   profile:<name>:usim-op          GBA: its OP (hex)
 *
 * The kind comes last and has no colon, so accounts stay unambiguous for any profile name.
 */
import type { Keychain } from '../keychain/keychain';
import { KEYCHAIN_SERVICE } from '../keychain/keychain';
import type { Secret } from '../secrets/secret';
import type { UsimSecrets } from '../gba/usim-credentials';
import { ProfileError } from './profile-error';
import { profileNameProblem } from './validate-profile';

export type ProfileSecretKind = 'password' | 'key-passphrase' | 'usim-k' | 'usim-opc' | 'usim-op';

const KINDS: readonly ProfileSecretKind[] = ['password', 'key-passphrase', 'usim-k', 'usim-opc', 'usim-op'];

export function profileSecretAccount(name: string, kind: ProfileSecretKind): string {
  const problem = profileNameProblem(name);
  if (problem !== null) throw new ProfileError('invalid-argument', `not a profile name: ${problem}`);
  if (!KINDS.includes(kind)) throw new ProfileError('invalid-argument', `a profile secret is one of ${KINDS.join(', ')}`);
  return `profile:${name}:${kind}`;
}

/** The keychain account of a profile's password: `profile:<name>:password`. */
export function profilePasswordAccount(name: string): string {
  return profileSecretAccount(name, 'password');
}

/** The keychain account of a profile's client-key passphrase: `profile:<name>:key-passphrase`. */
export function profileKeyPassphraseAccount(name: string): string {
  return profileSecretAccount(name, 'key-passphrase');
}

/** The stored secret, or null when none is stored. Rejects with a KeychainError when the keychain cannot answer. */
export function readProfileSecret(keychain: Keychain, name: string, kind: ProfileSecretKind = 'password'): Promise<Secret | null> {
  return keychain.get(KEYCHAIN_SERVICE, profileSecretAccount(name, kind));
}

export function saveProfileSecret(keychain: Keychain, name: string, secret: Secret, kind: ProfileSecretKind = 'password'): Promise<void> {
  return keychain.set(KEYCHAIN_SERVICE, profileSecretAccount(name, kind), secret);
}

/** Deletes every secret of the profile (call it after ProfileStore.remove). Returns the kinds that were stored. */
export async function forgetProfileSecrets(keychain: Keychain, name: string): Promise<ProfileSecretKind[]> {
  const forgotten: ProfileSecretKind[] = [];
  for (const kind of KINDS) {
    if (await keychain.delete(KEYCHAIN_SERVICE, profileSecretAccount(name, kind))) forgotten.push(kind);
  }
  return forgotten;
}

/** GBA: the software USIM's K and OPc or OP from the keychain; null when no K is stored. */
export async function readUsimSecrets(keychain: Keychain, name: string): Promise<UsimSecrets | null> {
  const k = await readProfileSecret(keychain, name, 'usim-k');
  if (k === null) return null;
  const opc = await readProfileSecret(keychain, name, 'usim-opc');
  const op = await readProfileSecret(keychain, name, 'usim-op');
  return { k, ...(opc && { opc }), ...(op && { op }) };
}

/** GBA: writes the USIM parameters once (K, and OPc or OP), removing a stale OPc/OP of the other kind. */
export async function saveUsimSecrets(keychain: Keychain, name: string, secrets: UsimSecrets): Promise<void> {
  await saveProfileSecret(keychain, name, secrets.k, 'usim-k');
  for (const kind of ['usim-opc', 'usim-op'] as const) {
    const value = kind === 'usim-opc' ? secrets.opc : secrets.op;
    if (value) await saveProfileSecret(keychain, name, value, kind);
    else await keychain.delete(KEYCHAIN_SERVICE, profileSecretAccount(name, kind));
  }
}
