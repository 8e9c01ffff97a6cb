import { describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../keychain/keychain';
import { MemoryKeychain } from '../keychain/memory-keychain';
import { Secret } from '../secrets/secret';
import { forgetProfileSecrets, profileKeyPassphraseAccount, profilePasswordAccount, readProfileSecret, saveProfileSecret } from './profile-secrets';

describe('profile secrets in the keychain', () => {
  it('names one account per profile and kind', () => {
    expect(profilePasswordAccount('Lab: IMS ☎')).toBe('profile:Lab: IMS ☎:password');
    expect(profileKeyPassphraseAccount('Lab')).toBe('profile:Lab:key-passphrase');
    expect(() => profilePasswordAccount('')).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => profilePasswordAccount('a\nb')).toThrow(/control characters/);
  });

  it('saves, reads and forgets through the keychain, under the xcap-console service', async () => {
    const keychain = new MemoryKeychain();
    await saveProfileSecret(keychain, 'Lab', new Secret('pw'));
    await saveProfileSecret(keychain, 'Lab', new Secret('key pass'), 'key-passphrase');
    expect((await keychain.get(KEYCHAIN_SERVICE, 'profile:Lab:password'))?.reveal()).toBe('pw');
    expect((await readProfileSecret(keychain, 'Lab', 'key-passphrase'))?.reveal()).toBe('key pass');
    expect(await readProfileSecret(keychain, 'Other')).toBeNull();
    expect(await forgetProfileSecrets(keychain, 'Lab')).toEqual(['password', 'key-passphrase']);
    expect(keychain.size).toBe(0);
  });

  it('passes keychain failures on: a locked keychain is not "no password"', async () => {
    const keychain = new MemoryKeychain();
    keychain.failNext('keychain-locked');
    await expect(readProfileSecret(keychain, 'Lab')).rejects.toMatchObject({ name: 'KeychainError', code: 'keychain-locked' });
  });
});
