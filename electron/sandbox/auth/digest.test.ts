import { beforeEach, describe, expect, it } from 'vitest';
import { DigestAuthenticator, type DigestAuthenticatorOptions, type DigestRequest } from './digest';
import { digestUserhash } from './digest-response';
import type { NonceSource } from './nonce';
import { digestAuthorization, parseChallenge, type ChallengeParams } from './test-support/digest-client';
import { RFC_7616_EXAMPLE, rfc7616Authorization } from './test-support/rfc7616-example';
import { UserDirectory } from './users';

const REALM = 'xcap.example.com';
const URI = '/xcap-root/resource-lists/users/sip:alice@example.com/index';
const users = new UserDirectory([
  { xui: 'sip:alice@example.com', password: 'alice-secret' },
  { xui: 'tel:+15551234', password: 'tel-secret' },
]);
const alice = { username: 'alice@example.com', password: 'alice-secret', method: 'GET', uri: URI };

let clock = 1_700_000_000_000;
let digest: DigestAuthenticator;

function make(options: Partial<DigestAuthenticatorOptions> = {}): DigestAuthenticator {
  return new DigestAuthenticator({ realm: REALM, now: () => clock, ...options });
}

function challengeOf(authenticator: DigestAuthenticator, index = 0): ChallengeParams {
  return parseChallenge(authenticator.challenge()[index] ?? '');
}

function request(authorization: string | undefined, overrides: Partial<DigestRequest> = {}): DigestRequest {
  return { method: 'GET', uri: URI, authorization, ...overrides };
}

function reasonOf(authorization: string | undefined, overrides: Partial<DigestRequest> = {}): string {
  const result = digest.verify(request(authorization, overrides), users);
  return result.ok ? 'ok' : result.reason;
}

beforeEach(() => {
  clock = 1_700_000_000_000;
  digest = make();
});

describe('RFC 7616 §3.9.1 example', () => {
  // The example's nonce is not one of ours: replay it through a stand-in NonceSource.
  const exampleNonces: NonceSource = {
    issue: () => RFC_7616_EXAMPLE.nonce,
    issuedAt: (nonce) => (nonce === RFC_7616_EXAMPLE.nonce ? clock : null),
  };
  const mufasa = new UserDirectory([{ xui: 'sip:Mufasa', password: RFC_7616_EXAMPLE.password }]);

  for (const algorithm of ['SHA-256', 'MD5'] as const) {
    it(`accepts the example's ${algorithm} Authorization header`, () => {
      const example = make({ realm: RFC_7616_EXAMPLE.realm, opaque: RFC_7616_EXAMPLE.opaque, nonceSource: exampleNonces });
      const result = example.verify({ method: 'GET', uri: '/dir/index.html', authorization: rfc7616Authorization(algorithm) }, mufasa);
      expect(result).toEqual({ ok: true, user: mufasa.findByDigestUsername('Mufasa') });
    });
  }

  it("writes the challenge the way the example's server does", () => {
    const example = make({ realm: RFC_7616_EXAMPLE.realm, opaque: RFC_7616_EXAMPLE.opaque, nonceSource: exampleNonces });
    const tail = `nonce="${RFC_7616_EXAMPLE.nonce}", opaque="${RFC_7616_EXAMPLE.opaque}", charset=UTF-8, userhash=true`;
    expect(example.challenge()).toEqual([
      `Digest realm="http-auth@example.org", qop="auth", algorithm=SHA-256, ${tail}`,
      `Digest realm="http-auth@example.org", qop="auth", algorithm=MD5, ${tail}`,
    ]);
    expect(example.challenge(true)[0]).toMatch(/, stale=true$/);
  });

  it('refuses the example nonce on the production path (HMAC nonces)', () => {
    const example = make({ realm: RFC_7616_EXAMPLE.realm, opaque: RFC_7616_EXAMPLE.opaque });
    const result = example.verify({ method: 'GET', uri: '/dir/index.html', authorization: rfc7616Authorization('SHA-256') }, mufasa);
    expect(result).toEqual({ ok: false, reason: 'bad-nonce', stale: false });
  });
});

describe('DigestAuthenticator.challenge', () => {
  it('offers SHA-256 then MD5 with one shared fresh nonce', () => {
    const [sha256, md5] = digest.challenge().map(parseChallenge);
    expect(sha256).toMatchObject({ realm: REALM, qop: 'auth', algorithm: 'SHA-256', charset: 'UTF-8', userhash: 'true' });
    expect(md5).toMatchObject({ algorithm: 'MD5', nonce: sha256?.nonce, opaque: sha256?.opaque });
    expect(sha256?.stale).toBeUndefined();
    expect(challengeOf(digest).nonce).not.toBe(sha256?.nonce);
  });

  it('follows the configured algorithms and escapes the realm', () => {
    const custom = make({ realm: 'say "hi"\\', algorithms: ['MD5'] });
    const values = custom.challenge(true);
    expect(values).toHaveLength(1);
    expect(values[0]).toMatch(/^Digest realm="say \\"hi\\"\\\\", qop="auth", algorithm=MD5, /);
    expect(values[0]).toMatch(/stale=true$/);
  });
});

describe('DigestAuthenticator.verify', () => {
  it('accepts correct credentials with either algorithm, and rising nonce-counts', () => {
    for (const index of [0, 1]) {
      const challenge = challengeOf(digest, index);
      for (const nc of [1, 2, 7]) expect(reasonOf(digestAuthorization(challenge, { ...alice, nc }))).toBe('ok');
    }
    const result = digest.verify(request(digestAuthorization(challengeOf(digest), alice)), users);
    expect(result.ok && result.user.xui).toBe('sip:alice@example.com');
  });

  it('treats a missing algorithm as MD5 and parameter names and algorithm case-insensitively', () => {
    const challenge = challengeOf(digest, 1);
    const header = digestAuthorization(challenge, alice);
    expect(reasonOf(header.replace(', algorithm=MD5', ''))).toBe('ok');
    const shouted = digestAuthorization(challenge, { ...alice, nc: 2 }).replace('algorithm=MD5', 'ALGORITHM=md5').replace('username=', 'UserName=');
    expect(reasonOf(shouted)).toBe('ok');
  });

  it('says missing without credentials', () => {
    expect(digest.verify(request(undefined), users)).toEqual({ ok: false, reason: 'missing', stale: false });
    expect(reasonOf('  ')).toBe('missing');
  });

  it('says malformed for broken or incomplete credentials', () => {
    const good = digestAuthorization(challengeOf(digest), alice);
    const broken = [
      'Digest',
      'Digest username=',
      good.replace('nc=00000001', 'nc=1'),
      good.replace('nc=00000001', 'nc=0000000g'),
      good.replace(/response="[0-9a-f]+"/, 'response="abc"'),
      good.replace(/cnonce="[^"]*"/, 'cnonce=""'),
      good.replace(/, uri="[^"]*"/, ''),
      good.replace('username=', 'x='),
      `${good}, nonce="again"`,
      `${good}, Realm="${REALM}"`,
      good.replace('qop=auth', 'qop=AUTH'),
      `${good}, userhash=maybe`,
      good.replace('Digest ', 'Digest ,, "'),
    ];
    for (const header of broken) expect(reasonOf(header), header).toBe('malformed');
  });

  it('says unsupported for other schemes, qop values and algorithms', () => {
    const good = digestAuthorization(challengeOf(digest), alice);
    expect(reasonOf('Basic YWxpY2VAZXhhbXBsZS5jb206YWxpY2Utc2VjcmV0')).toBe('unsupported');
    expect(reasonOf(good.replace('qop=auth', 'qop=auth-int'))).toBe('unsupported');
    expect(reasonOf(good.replace(', qop=auth', ''))).toBe('unsupported');
    expect(reasonOf(good.replace('algorithm=SHA-256', 'algorithm=SHA-256-sess'))).toBe('unsupported');
    expect(reasonOf(good.replace('algorithm=SHA-256', 'algorithm=SHA-512-256'))).toBe('unsupported');
    expect(reasonOf(good.replace('algorithm=SHA-256', 'algorithm=constructor'))).toBe('unsupported');
    const sha256Only = make({ algorithms: ['SHA-256'] });
    const md5 = digestAuthorization({ ...challengeOf(sha256Only), algorithm: 'MD5' }, alice);
    expect(sha256Only.verify(request(md5), users)).toMatchObject({ reason: 'unsupported' });
  });

  it('says unknown-user, wrong-response and uri-mismatch', () => {
    const challenge = challengeOf(digest);
    expect(reasonOf(digestAuthorization(challenge, { ...alice, username: 'mallory@example.com' }))).toBe('unknown-user');
    expect(reasonOf(digestAuthorization(challenge, { ...alice, username: 'Alice@example.com' }))).toBe('unknown-user');
    expect(reasonOf(digestAuthorization(challenge, { ...alice, password: 'guess' }))).toBe('wrong-response');
    expect(reasonOf(digestAuthorization(challenge, alice), { method: 'DELETE' })).toBe('wrong-response');
    expect(reasonOf(digestAuthorization({ ...challenge, realm: 'other' }, alice))).toBe('wrong-response');
    expect(reasonOf(digestAuthorization(challenge, alice), { uri: `${URI}/~~/resource-lists` })).toBe('uri-mismatch');
  });

  it('says bad-nonce for nonces it did not issue and for a changed opaque', () => {
    const challenge = challengeOf(digest);
    expect(reasonOf(digestAuthorization(challengeOf(make()), alice))).toBe('bad-nonce');
    expect(reasonOf(digestAuthorization({ ...challenge, nonce: challenge.nonce?.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) ?? '' }, alice))).toBe('bad-nonce');
    expect(reasonOf(digestAuthorization({ ...challenge, opaque: 'other' }, alice))).toBe('bad-nonce');
    // opaque is optional for clients: the nonce carries the proof.
    expect(reasonOf(digestAuthorization(challenge, alice).replace(/, opaque="[^"]*"/, ''))).toBe('ok');
  });

  it('accepts a nonce shared with another authenticator only when it holds the same secret', () => {
    const secret = new Uint8Array(32).fill(1);
    const issuer = make({ secret, opaque: 'o' });
    const verifier = make({ secret, opaque: 'o' });
    expect(verifier.verify(request(digestAuthorization(challengeOf(issuer), alice)), users).ok).toBe(true);
  });

  it('says stale, with stale=true, for an expired nonce with a correct response only', () => {
    const challenge = challengeOf(digest);
    clock += 300_001;
    expect(digest.verify(request(digestAuthorization(challenge, alice)), users)).toEqual({ ok: false, reason: 'stale', stale: true });
    expect(digest.verify(request(digestAuthorization(challenge, { ...alice, password: 'guess' })), users)).toEqual({ ok: false, reason: 'wrong-response', stale: false });
  });

  it('keeps a nonce good for exactly its lifetime', () => {
    const challenge = challengeOf(digest);
    clock += 300_000;
    expect(reasonOf(digestAuthorization(challenge, alice))).toBe('ok');
  });

  it('refuses a nonce dated in the future beyond its lifetime', () => {
    const challenge = challengeOf(digest);
    clock -= 300_001;
    expect(reasonOf(digestAuthorization(challenge, alice))).toBe('bad-nonce');
  });

  it('says replay when a nonce-count was accepted before; an overtaken lower one is still fresh', () => {
    const challenge = challengeOf(digest);
    const first = digestAuthorization(challenge, { ...alice, nc: 5 });
    expect(reasonOf(first)).toBe('ok');
    expect(digest.verify(request(first), users)).toEqual({ ok: false, reason: 'replay', stale: false });
    expect(reasonOf(digestAuthorization(challenge, { ...alice, nc: 4 }))).toBe('ok');
    expect(reasonOf(digestAuthorization(challenge, { ...alice, nc: 4 }))).toBe('replay');
    expect(reasonOf(digestAuthorization(challenge, { ...alice, nc: 6 }))).toBe('ok');
  });

  it('never lets an evicted nonce be replayed: past capacity it asks for a fresh nonce', () => {
    const small = make({ maxTrackedNonces: 2 });
    const challenges = [challengeOf(small)];
    clock += 1;
    challenges.push(challengeOf(small), challengeOf(small));
    const first = digestAuthorization(challenges[0] ?? {}, alice);
    expect(small.verify(request(first), users).ok).toBe(true);
    for (const challenge of challenges.slice(1)) expect(small.verify(request(digestAuthorization(challenge, alice)), users).ok).toBe(true);
    expect(small.verify(request(first), users)).toEqual({ ok: false, reason: 'stale', stale: true });
  });

  it('supports userhash (RFC 7616 §3.4.4)', () => {
    const challenge = challengeOf(digest);
    expect(reasonOf(digestAuthorization(challenge, { ...alice, userhash: true }))).toBe('ok');
    const hashed = digestUserhash('SHA-256', 'alice@example.com', REALM);
    expect(digestAuthorization(challenge, { ...alice, nc: 2, userhash: true })).toContain(`username="${hashed}"`);
    expect(reasonOf(digestAuthorization(challenge, { ...alice, nc: 3, userhash: true }).replace(hashed, hashed.toUpperCase()))).toBe('ok');
    expect(reasonOf(digestAuthorization(challenge, { ...alice, username: 'nobody@example.com', userhash: true }))).toBe('unknown-user');
  });

  it('reads username* (RFC 8187 ext-value) and refuses it next to username or userhash', () => {
    const utf8Users = new UserDirectory([{ xui: 'sip:jörg@example.com', password: 'pw' }]);
    const challenge = challengeOf(digest);
    const header = digestAuthorization(challenge, { username: 'jörg@example.com', password: 'pw', method: 'GET', uri: URI });
    const extended = header.replace('username="jörg@example.com"', "username*=UTF-8''j%C3%B6rg%40example.com");
    expect(digest.verify(request(extended), utf8Users).ok).toBe(true);
    expect(digest.verify(request(`${extended}, username="x"`), utf8Users)).toMatchObject({ reason: 'malformed' });
    expect(digest.verify(request(`${extended}, userhash=true`), utf8Users)).toMatchObject({ reason: 'malformed' });
    expect(digest.verify(request(extended.replace('%C3%B6', '%C3')), utf8Users)).toMatchObject({ reason: 'malformed' });
  });

  it('reads a quoted username sent in UTF-8, as Node hands it over (one character per byte)', () => {
    const utf8Users = new UserDirectory([{ xui: 'sip:jörg@example.com', password: 'pw' }]);
    const header = digestAuthorization(challengeOf(digest), { username: 'jörg@example.com', password: 'pw', method: 'GET', uri: URI });
    const asNodeSeesIt = Buffer.from(header, 'utf8').toString('latin1');
    expect(asNodeSeesIt).toContain('jÃ¶rg');
    expect(digest.verify(request(asNodeSeesIt), utf8Users).ok).toBe(true);
  });

  it('checks its arguments', () => {
    const code = { code: 'invalid-argument' };
    expect(() => digest.verify(null as unknown as DigestRequest, users)).toThrow(expect.objectContaining(code));
    expect(() => digest.verify({ method: 'GET', uri: URI, authorization: 42 as unknown as string }, users)).toThrow(expect.objectContaining(code));
    expect(() => digest.verify({ method: '', uri: URI, authorization: undefined }, users)).toThrow(expect.objectContaining(code));
    expect(() => digest.verify(request(undefined), {} as UserDirectory)).toThrow(expect.objectContaining(code));
    expect(() => digest.challenge('yes' as unknown as boolean)).toThrow(expect.objectContaining(code));
  });
});

describe('DigestAuthenticator options', () => {
  it('refuses options outside their contract', () => {
    const bad: Partial<DigestAuthenticatorOptions>[] = [
      { realm: '' },
      { realm: 'a\r\nb' },
      { realm: 'snow ☃' },
      { algorithms: [] },
      { algorithms: ['MD5', 'MD5'] },
      { algorithms: ['SHA-512-256' as 'MD5'] },
      { nonceLifetimeMs: 0 },
      { nonceLifetimeMs: 1.5 },
      { secret: new Uint8Array(8) },
      { maxTrackedNonces: 0 },
      { opaque: 'a"\n' },
      { now: 5 as unknown as () => number },
    ];
    for (const options of bad) expect(() => make(options), JSON.stringify(options)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => new DigestAuthenticator(undefined as unknown as DigestAuthenticatorOptions)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });

  it('exposes its settings, never its secret or opaque', () => {
    expect(digest).toMatchObject({ realm: REALM, algorithms: ['SHA-256', 'MD5'], nonceLifetimeMs: 300_000 });
    expect(Object.keys(digest)).toEqual(['realm', 'algorithms', 'nonceLifetimeMs']);
  });
});
