import { describe, expect, it } from 'vitest';
import { isProfileError, type ProfileError } from './profile-error';
import { parseProfilesDocument, PROFILES_FORMAT } from './profiles-document';
import { fullProfile } from './test-support/sample-profiles';
import { readProfile } from './validate-profile';

const SECRET = 'hunter2-ünïcode';

function refusal(value: unknown): ProfileError {
  try {
    readProfile(value);
  } catch (error) {
    if (isProfileError(error, 'profile-contains-secret')) return error;
    throw error;
  }
  throw new Error('expected a profile-contains-secret error');
}

describe('profiles never hold secrets', () => {
  it.each([
    [{ password: SECRET }, 'password'],
    [{ auth: { method: 'digest', username: 'alice', password: SECRET } }, 'auth.password'],
    [{ tls: { clientCert: { certFile: '/c.pem', keyFile: '/k.pem', passphrase: SECRET } } }, 'tls.clientCert.passphrase'],
    [{ extra: [{ deep: { Pass_Word: SECRET } }] }, 'extra[0].deep.Pass_Word'],
    [{ clientSecret: SECRET }, 'clientSecret'],
    [{ 'api-key': SECRET }, '["api-key"]'],
    [{ headers: { Authorization: `Basic ${SECRET}` } }, 'headers.Authorization'],
    [{ headers: { 'proxy-authorization': SECRET } }, 'headers["proxy-authorization"]'],
    [{ headers: { Cookie: `session=${SECRET}` } }, 'headers.Cookie'],
    [{ headers: { 'X-Auth-Token': SECRET } }, 'headers["X-Auth-Token"]'],
    [{ xcapRoot: `https://alice:${SECRET}@xcap.example.com/xcap-root` }, 'xcapRoot'],
  ])('refuses %j at %s, without quoting it', (extra, path) => {
    const error = refusal({ ...fullProfile(), ...extra });
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).toMatch(/OS keychain|remove/);
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify({ message: error.message, path: error.path })).not.toContain(SECRET);
  });

  it('checks before the schema, so a misplaced password is reported as a secret, not as an unknown field', () => {
    expect(refusal({ ...fullProfile(), tls: { password: SECRET } }).path).toBe('tls.password');
  });

  it('refuses a whole document with a secret anywhere in it', () => {
    const text = JSON.stringify({ format: PROFILES_FORMAT, profiles: [fullProfile()], password: SECRET });
    expect(() => parseProfilesDocument(text, { kind: 'import' })).toThrow(expect.objectContaining({ code: 'profile-contains-secret', path: 'password' }));
  });

  it('lets ordinary fields through', () => {
    expect(() => readProfile(fullProfile())).not.toThrow();
  });
});
