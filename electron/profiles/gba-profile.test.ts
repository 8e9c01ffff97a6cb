/** GBA profiles: the IMPI and BSF URL in the profile, the USIM keys in the keychain only. */
import { describe, expect, it } from 'vitest';
import { MemoryKeychain } from '../keychain';
import { Secret } from '../secrets/secret';
import { forgetProfileSecrets, profileSecretAccount, readUsimSecrets, saveUsimSecrets } from './profile-secrets';
import { readProfile } from './validate-profile';

const base = { name: 'gba-lab', xcapRoot: 'https://xcap.example.com/xcap-root', xui: 'sip:alice@example.com', tls: {} };

describe('GBA profiles', () => {
  it('keep the IMPI as auth.username and an optional auth.bsfUrl (GBA only)', () => {
    const profile = readProfile({ ...base, auth: { method: 'gba', username: '234150999999999@ims.mnc015.mcc234.3gppnetwork.org', bsfUrl: 'http://bsf.example.com:8080/bsf' } });
    expect(profile.auth).toEqual({ method: 'gba', username: '234150999999999@ims.mnc015.mcc234.3gppnetwork.org', bsfUrl: 'http://bsf.example.com:8080/bsf' });
    expect(() => readProfile({ ...base, auth: { method: 'digest', username: 'alice', bsfUrl: 'http://bsf.example.com/' } })).toThrow(/only applies to method "gba"/);
    expect(() => readProfile({ ...base, auth: { method: 'gba', username: 'i@r', bsfUrl: 'ftp://bsf.example.com/' } })).toThrow(/http or https/);
  });

  it('refuse USIM keys in the profile file itself', () => {
    expect(() => readProfile({ ...base, auth: { method: 'gba', username: 'i@r' }, usimSecret: 'x' })).toThrow(/secret/);
  });

  it('store K and OPc (or OP) in the keychain under usim-* accounts, and forget them with the profile', async () => {
    const keychain = new MemoryKeychain();
    expect(await readUsimSecrets(keychain, 'gba-lab')).toBeNull();
    await saveUsimSecrets(keychain, 'gba-lab', { k: new Secret('00'.repeat(16)), op: new Secret('11'.repeat(16)) });
    await saveUsimSecrets(keychain, 'gba-lab', { k: new Secret('22'.repeat(16)), opc: new Secret('33'.repeat(16)) });
    const read = await readUsimSecrets(keychain, 'gba-lab');
    expect([read?.k.reveal(), read?.opc?.reveal(), read?.op]).toEqual(['22'.repeat(16), '33'.repeat(16), undefined]);
    expect(profileSecretAccount('gba-lab', 'usim-k')).toBe('profile:gba-lab:usim-k');
    expect(await forgetProfileSecrets(keychain, 'gba-lab')).toEqual(['usim-k', 'usim-opc']);
    expect(keychain.size).toBe(0);
  });
});
