import { describe, expect, it } from 'vitest';
import { basicChallenge, verifyBasic } from './basic';
import { UserDirectory } from './users';

const users = new UserDirectory([
  { xui: 'sip:alice@example.com', password: 'open:sesame' },
  { xui: 'sip:jörg@example.com', password: 'pässword' },
]);
const secure = { secure: true };

function basic(userPass: string): string {
  return `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
}

describe('verifyBasic', () => {
  it('accepts the right password, splitting user-id and password at the first ":"', () => {
    const result = verifyBasic(basic('alice@example.com:open:sesame'), users, secure);
    expect(result.ok && result.user.xui).toBe('sip:alice@example.com');
    expect(verifyBasic(basic('jörg@example.com:pässword'), users, secure).ok).toBe(true);
    expect(verifyBasic(`bAsIc   ${Buffer.from('alice@example.com:open:sesame').toString('base64')}  `, users, secure).ok).toBe(true);
  });

  it('refuses to work without TLS, whatever the header says', () => {
    expect(verifyBasic(basic('alice@example.com:open:sesame'), users, { secure: false })).toEqual({ ok: false, reason: 'insecure' });
    expect(verifyBasic(undefined, users, { secure: false })).toEqual({ ok: false, reason: 'insecure' });
  });

  it('names what is wrong', () => {
    expect(verifyBasic(undefined, users, secure)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyBasic(basic('alice@example.com:wrong'), users, secure)).toEqual({ ok: false, reason: 'wrong-password' });
    expect(verifyBasic(basic('alice@example.com:'), users, secure)).toEqual({ ok: false, reason: 'wrong-password' });
    expect(verifyBasic(basic('mallory@example.com:open:sesame'), users, secure)).toEqual({ ok: false, reason: 'unknown-user' });
    expect(verifyBasic(basic('sip:alice@example.com:open:sesame'), users, secure)).toEqual({ ok: false, reason: 'unknown-user' });
    expect(verifyBasic('Digest username="a"', users, secure)).toEqual({ ok: false, reason: 'unsupported' });
    for (const header of ['Basic', 'Basic !!!!', 'Basic YWxpY2U', basic('no-colon'), 'Basic /w==', '"Basic" x']) {
      expect(verifyBasic(header, users, secure), header).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('checks its arguments', () => {
    const invalid = expect.objectContaining({ code: 'invalid-argument' });
    expect(() => verifyBasic(undefined, users, {} as { secure: boolean })).toThrow(invalid);
    expect(() => verifyBasic(5 as unknown as string, users, secure)).toThrow(invalid);
    expect(() => verifyBasic(undefined, null as unknown as UserDirectory, secure)).toThrow(invalid);
  });
});

describe('basicChallenge', () => {
  it('offers Basic with UTF-8 (RFC 7617 §2.1)', () => {
    expect(basicChallenge('xcap "sandbox"')).toBe('Basic realm="xcap \\"sandbox\\"", charset="UTF-8"');
  });
});
