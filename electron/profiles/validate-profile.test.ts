import { describe, expect, it } from 'vitest';
import { isProfileError, type ProfileError } from './profile-error';
import { parseProfilesDocument, PROFILES_FORMAT } from './profiles-document';
import { fullProfile, minimalProfile } from './test-support/sample-profiles';
import { readProfile } from './validate-profile';

function problem(value: unknown): ProfileError {
  try {
    readProfile(value);
  } catch (error) {
    if (isProfileError(error)) return error;
    throw error;
  }
  throw new Error('expected the profile to be refused');
}

function withField(path: string, value: unknown, base = fullProfile()): Record<string, unknown> {
  const copy = structuredClone(base);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  const last = keys.at(-1) as string;
  if (value === undefined) Reflect.deleteProperty(target, last);
  else target[last] = value;
  return copy;
}

describe('readProfile', () => {
  it('accepts a minimal and a full profile as given, frozen, fields in schema order', () => {
    expect(readProfile(minimalProfile())).toEqual(minimalProfile());
    const full = readProfile(fullProfile());
    expect(full).toEqual(fullProfile());
    expect(Object.keys(full)).toEqual(['name', 'xcapRoot', 'xui', 'auth', 'tls', 'headers', 'userAgent', 'intendedIdentity']);
    expect(Object.isFrozen(full) && Object.isFrozen(full.auth) && Object.isFrozen(full.tls) && Object.isFrozen(full.headers)).toBe(true);
  });

  it('accepts a PKCS#12 client certificate and every auth method', () => {
    expect(readProfile(withField('tls.clientCert', { p12File: 'C:\\certs\\me.p12' })).tls.clientCert).toEqual({ p12File: 'C:\\certs\\me.p12' });
    for (const method of ['digest', 'gba']) expect(readProfile(withField('auth', { method, username: 'u' })).auth.method).toBe(method);
    expect(readProfile(withField('auth', { method: 'none' })).auth).toEqual({ method: 'none' });
    expect(readProfile(withField('auth', { method: 'basic', allowCleartextBasic: true }, minimalProfile())).auth.allowCleartextBasic).toBe(true);
  });

  it.each([
    ['name', undefined, 'name', /is required/],
    ['name', ' Lab', 'name', /must not start or end with spaces/],
    ['name', 'a\nb', 'name', /control characters/],
    ['name', 'x'.repeat(101), 'name', /at most 100 characters/],
    ['nickname', 'x', 'nickname', /unknown field; the fields here are name, xcapRoot/],
    ['xcapRoot', 'xcap.example.com/xcap-root', 'xcapRoot', /absolute http:\/\/ or https:\/\/ URL/],
    ['xcapRoot', 'ftp://xcap.example.com/', 'xcapRoot', /must use http or https, not ftp/],
    ['xcapRoot', 'https://xcap.example.com/root?x=1', 'xcapRoot', /query/],
    ['xcapRoot', 'https://alice@xcap.example.com/root', 'xcapRoot', /user name: put it in auth.username/],
    ['xui', 'alice@example.com', 'xui', /must start with sip:, sips: or tel:.*for example/],
    ['auth.method', 'ntlm', 'auth.method', /one of "digest", "basic", "gba", "none"/],
    ['auth.username', 42, 'auth.username', /must be a string, not a number/],
    ['auth', { method: 'none', username: 'u' }, 'auth.username', /not used with method "none"/],
    ['auth', { method: 'digest', allowCleartextBasic: true }, 'auth.allowCleartextBasic', /only applies to method "basic"/],
    ['tls', undefined, 'tls', /is required/],
    ['tls.pinSha256', 'sha256/short=', 'tls.pinSha256', /44 base64 characters/],
    ['tls.caFiles', 'ca.pem', 'tls.caFiles', /must be an array, not a string/],
    ['tls.caFiles', ['certs/ca.pem'], 'tls.caFiles[0]', /absolute file path/],
    ['tls.clientCert', { certFile: '/c.pem' }, 'tls.clientCert.keyFile', /is required/],
    ['tls.clientCert', { certFile: '/c.pem', keyFile: '/k.pem', p12File: '/p.p12' }, 'tls.clientCert', /either p12File, or certFile and keyFile/],
    ['tls.http2', 'yes', 'tls.http2', /true or false/],
    ['headers', { 'Bad Name': 'x' }, 'headers["Bad Name"]', /not a valid header name/],
    ['headers', { host: 'x' }, 'headers.host', /cannot be set in a profile: the client sends the host/],
    ['headers', { 'User-Agent': 'x' }, 'headers["User-Agent"]', /use the userAgent field/],
    ['headers', { 'X-A': 'x', 'x-a': 'y' }, 'headers["x-a"]', /given twice/],
    ['headers', { 'X-A': 'line\r\nInjected: 1' }, 'headers["X-A"]', /control characters/],
    ['intendedIdentity', 'bob', 'intendedIdentity', /sip:, sips: or tel:/],
  ])('%s = %j is refused at %s', (field, value, path, message) => {
    const error = problem(withField(field, value));
    expect(error.code).toBe('profile-invalid');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('refuses Basic over http:// unless allowCleartextBasic says so', () => {
    const error = problem(withField('auth', { method: 'basic', username: 'alice' }, minimalProfile()));
    expect(error.path).toBe('auth.allowCleartextBasic');
    expect(error.message).toMatch(/use an https:\/\/ xcapRoot, or set allowCleartextBasic to true/);
  });

  it('refuses what is not an object', () => {
    expect(problem(null).message).toBe('must be an object, not null');
    expect(problem([]).message).toBe('must be an object, not an array');
  });

  it('never quotes a refused value', () => {
    const error = problem(withField('xui', 'hunter2 typed into the wrong field'));
    expect(error.message).not.toContain('hunter2');
  });
});

describe('parseProfilesDocument', () => {
  const doc = (profiles: unknown[], format: unknown = PROFILES_FORMAT) => JSON.stringify({ format, profiles });

  it('reads a document and names the profile of every problem', () => {
    expect(parseProfilesDocument(doc([minimalProfile('a'), fullProfile('b')]), { kind: 'import' }).map((p) => p.name)).toEqual(['a', 'b']);
    expect(() => parseProfilesDocument(doc([minimalProfile('a'), withField('tls.pinSha256', 'nope', fullProfile('b'))]), { kind: 'import' })).toThrow(
      expect.objectContaining({ code: 'profile-invalid', path: 'profiles[1].tls.pinSha256' }),
    );
    expect(() => parseProfilesDocument(doc([minimalProfile('a'), minimalProfile('a')]), { kind: 'import' })).toThrow(
      expect.objectContaining({ path: 'profiles[1].name', message: expect.stringMatching(/must be unique/) }),
    );
  });

  it('says what a document must look like', () => {
    expect(() => parseProfilesDocument('{oops', { kind: 'import' })).toThrow(/not JSON .*expected \{"format": "xcap-console-profiles\/1"/);
    expect(() => parseProfilesDocument(doc([], 'xcap-console-profiles/9'), { kind: 'import' })).toThrow(expect.objectContaining({ path: 'format', message: expect.stringMatching(/newer version/) }));
    expect(() => parseProfilesDocument(JSON.stringify({ format: PROFILES_FORMAT }), { kind: 'import' })).toThrow(expect.objectContaining({ path: 'profiles' }));
  });

  it('names the file and the way out when profiles.json itself is wrong', () => {
    expect(() => parseProfilesDocument('[]', { kind: 'file', file: '/cfg/profiles.json' })).toThrow(
      expect.objectContaining({ code: 'profiles-file-invalid', message: expect.stringMatching(/^\/cfg\/profiles.json: must be an object.*fix the file or move it away/) }),
    );
  });
});
