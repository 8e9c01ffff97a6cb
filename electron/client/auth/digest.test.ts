/** DigestAuthenticator without a network: challenges in, Authorization values out. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../../secrets/secret';
import type { AuthRequest } from './authenticator';
import { DigestAuthenticator, type DigestOptions } from './digest';
import { digestResponse, digestRspauth } from './digest-response';
import { parseAuthParams } from './www-authenticate';

const RFC = {
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
};
const rfcChallenge = (algorithm: string) => `Digest realm="${RFC.realm}", qop="auth, auth-int", algorithm=${algorithm}, nonce="${RFC.nonce}", opaque="${RFC.opaque}"`;

function request(target = '/dir/index.html', method = 'GET', body: Uint8Array | null = null): AuthRequest {
  return { method, url: new URL(`http://www.example.org${target}`), target, body, secure: false };
}

function mufasa(options: Partial<DigestOptions> = {}): DigestAuthenticator {
  return new DigestAuthenticator({ username: 'Mufasa', password: new Secret('Circle of Life'), cnonce: () => RFC.cnonce, ...options });
}

function params(authorization: string | null): Record<string, string> {
  expect(authorization).toMatch(/^Digest /);
  return { ...parseAuthParams((authorization ?? '').slice('Digest '.length)) };
}

let nonceCounter = 0;
const challenge = (extra = '', nonce = `nonce-${++nonceCounter}`) => `Digest realm="xcap", qop="auth", algorithm=SHA-256, nonce="${nonce}"${extra}`;

/** Answers one 401 and returns the Authorization the retry carries. */
async function answer(digest: DigestAuthenticator, req: AuthRequest, values: string[]): Promise<string | null> {
  expect(await digest.challenge(req, values)).toEqual({ action: 'retry' });
  return digest.authorize(req);
}

describe('DigestAuthenticator: the RFC 7616 §3.9.1 exchange', () => {
  it('answers the SHA-256 challenge (the stronger of the two offered) exactly as the RFC shows', async () => {
    const digest = mufasa();
    const req = request();
    expect(await digest.authorize(req)).toBeNull();
    expect(await answer(digest, req, [rfcChallenge('MD5'), rfcChallenge('SHA-256')])).toBe(
      `Digest username="Mufasa", realm="${RFC.realm}", uri="/dir/index.html", algorithm=SHA-256, nonce="${RFC.nonce}", nc=00000001, ` +
        `cnonce="${RFC.cnonce}", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="${RFC.opaque}"`,
    );
  });

  it('answers the MD5 challenge with the RFC response', async () => {
    const digest = mufasa();
    expect(params(await answer(digest, request(), [rfcChallenge('MD5')])).response).toBe('8ca523f5e9506fed4657c9700eebdbec');
  });

  it('answers the RFC 7616 §3.9.2 userhash challenge (SHA-512-256, values of erratum 4897)', async () => {
    const digest = new DigestAuthenticator({ username: 'J\u00e4s\u00f8n Doe', password: new Secret('Secret, or not?'), cnonce: () => 'NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v' });
    const values = ['Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8, userhash=true'];
    const sent = params(await answer(digest, request('/doe.json'), values));
    expect(sent).toMatchObject({ username: '793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b', userhash: 'true', algorithm: 'SHA-512-256', response: '3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5' });
    expect(sent).not.toHaveProperty('username*');
  });
});

describe('DigestAuthenticator: choosing the challenge', () => {
  it.each([
    [['MD5', 'SHA-256', 'SHA-512-256-sess'], 'SHA-512-256-sess'],
    [['SHA-256-sess', 'SHA-256', 'MD5-sess'], 'SHA-256'],
    [['md5', 'sha-512-256'], 'SHA-512-256'],
    [['SHA-1', 'MD5'], 'MD5'],
  ])('takes the strongest of %j: %s', async (offered, chosen) => {
    const values = offered.map((algorithm) => challenge(`, algorithm=${algorithm}`).replace(', algorithm=SHA-256', ''));
    expect(params(await answer(mufasa(), request(), values)).algorithm).toBe(chosen);
  });

  it('takes qop=auth when auth-int is offered too, auth-int when it is the only one', async () => {
    expect(params(await answer(mufasa(), request(), [challenge().replace('qop="auth"', 'qop="auth-int,auth"')])).qop).toBe('auth');
    expect(params(await answer(mufasa(), request(), [challenge().replace('qop="auth"', 'qop="auth-int"')])).qop).toBe('auth-int');
  });

  it('prefers a challenge with qop over an RFC 2069 one of the same algorithm', async () => {
    const values = ['Digest realm="r", nonce="old", algorithm=SHA-256', challenge()];
    expect(params(await answer(mufasa(), request(), values)).qop).toBe('auth');
  });

  it('answers RFC 2069 (no qop) without nc, cnonce or qop, and names no algorithm the challenge did not name', async () => {
    const sent = params(await answer(mufasa(), request(), ['Digest realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"']));
    expect(Object.keys(sent).sort()).toEqual(['nonce', 'opaque', 'realm', 'response', 'uri', 'username']);
  });

  it('sends username* (RFC 8187) for a non-ASCII name when the server offers no userhash', async () => {
    const digest = new DigestAuthenticator({ username: 'J\u00e4s\u00f8n Doe', password: new Secret('p') });
    const sent = await answer(digest, request(), [challenge()]);
    expect(sent).toContain("username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, ");
    expect(sent).not.toMatch(/username=/);
  });

  it('sends the plain username when userhash is turned off', async () => {
    const sent = params(await answer(mufasa({ userhash: false }), request(), [challenge(', userhash=true')]));
    expect([sent.username, sent.userhash]).toEqual(['Mufasa', undefined]);
  });

  it('hashes a realm sent as UTF-8 bytes as the text they spell, and echoes the bytes', async () => {
    const wireRealm = Buffer.from('Z\u00fcrich', 'utf8').toString('latin1');
    const sent = params(await answer(mufasa(), request(), [`Digest realm="${wireRealm}", qop="auth", nonce="n"`]));
    expect(sent.realm).toBe(wireRealm);
    const expected = digestResponse({ algorithm: 'MD5', username: 'Mufasa', password: new Secret('Circle of Life'), realm: 'Z\u00fcrich', nonce: 'n', qop: 'auth', nc: '00000001', cnonce: RFC.cnonce, method: 'GET', uri: '/dir/index.html', body: null });
    expect(sent.response).toBe(expected);
  });
});

describe('DigestAuthenticator: nonce reuse, stale and rejection', () => {
  it('reuses the nonce for later requests with nc 2, 3, … (preemptive by default)', async () => {
    const digest = mufasa({ cnonce: undefined });
    const first = params(await answer(digest, request(), [challenge()]));
    const second = params(await digest.authorize(request('/b', 'PUT')));
    const third = params(await digest.authorize(request('/c', 'DELETE')));
    expect([first.nc, second.nc, third.nc]).toEqual(['00000001', '00000002', '00000003']);
    expect(new Set([first.nonce, second.nonce, third.nonce]).size).toBe(1);
    expect(new Set([first.cnonce, second.cnonce, third.cnonce]).size).toBe(3);
    expect(second.uri).toBe('/b');
  });

  it('waits for a 401 on every request with preemptive: false', async () => {
    const digest = mufasa({ preemptive: false });
    await answer(digest, request(), [challenge()]);
    expect(await digest.authorize(request())).toBeNull();
  });

  it('retries once, transparently, on stale=true; a 401 after that gives up', async () => {
    const digest = mufasa();
    const req = request();
    const first = params(await answer(digest, req, [challenge()]));
    const retry = params(await answer(digest, req, [challenge(', stale=true')]));
    expect(retry.nonce).not.toBe(first.nonce);
    expect(retry.nc).toBe('00000001');
    const verdict = await digest.challenge(req, [challenge()]);
    expect(verdict).toMatchObject({ action: 'give-up', error: { code: 'auth-rejected' } });
  });

  it('gives up after a rejected answer, saying what to check, without the password', async () => {
    const digest = mufasa();
    const req = request();
    await answer(digest, req, [challenge()]);
    const verdict = await digest.challenge(req, [challenge()]);
    if (verdict.action !== 'give-up') throw new Error('expected give-up');
    expect(verdict.error.code).toBe('auth-rejected');
    expect(verdict.error.message).toMatch(/"Mufasa".*realm "xcap".*check the password/);
    expect(verdict.error.message).not.toContain('Circle');
  });

  it('says so when the server asks for another realm than the one answered', async () => {
    const digest = mufasa();
    const req = request();
    await answer(digest, req, [challenge()]);
    const verdict = await digest.challenge(req, ['Digest realm="other", qop="auth", nonce="x"']);
    expect(verdict).toMatchObject({ action: 'give-up', error: { code: 'auth-rejected', message: expect.stringContaining('now asks for realm "other"') } });
  });

  it('answers a 401 to preemptive credentials once (the server may have dropped the nonce), then stale once, then gives up', async () => {
    const digest = mufasa();
    await answer(digest, request(), [challenge()]);
    const req = request('/next');
    expect(await digest.authorize(req)).not.toBeNull();
    expect(await digest.challenge(req, [challenge()])).toEqual({ action: 'retry' });
    await digest.authorize(req);
    expect(await digest.challenge(req, [challenge(', stale=true')])).toEqual({ action: 'retry' });
    await digest.authorize(req);
    const verdict = await digest.challenge(req, [challenge(', stale=true')]);
    expect(verdict).toMatchObject({ action: 'give-up', error: { code: 'auth-rejected', message: expect.stringContaining('keeps calling') } });
  });

  it('keeps each request on the nonce its own 401 gave it, while later requests take the newest', async () => {
    const digest = mufasa();
    const a = request('/a');
    const b = request('/b');
    await digest.challenge(a, [challenge('', 'for-a')]);
    await digest.challenge(b, [challenge('', 'for-b')]);
    expect(params(await digest.authorize(a)).nonce).toBe('for-a');
    expect(params(await digest.authorize(b)).nonce).toBe('for-b');
    expect(params(await digest.authorize(request('/c'))).nonce).toBe('for-b');
  });

  it('keeps one cnonce per nonce for the -sess algorithms', async () => {
    const digest = mufasa({ cnonce: undefined });
    const first = params(await answer(digest, request(), [challenge(', algorithm=SHA-256-sess').replace(', algorithm=SHA-256,', ',')]));
    const second = params(await digest.authorize(request()));
    expect(first.algorithm).toBe('SHA-256-sess');
    expect(second.cnonce).toBe(first.cnonce);
    expect(second.nc).toBe('00000002');
    const renewed = params(await answer(digest, request(), [challenge(', algorithm=SHA-256-sess').replace(', algorithm=SHA-256,', ',')]));
    expect(renewed.cnonce).not.toBe(first.cnonce);
  });
});

describe('DigestAuthenticator: Authentication-Info', () => {
  async function exchanged(digest: DigestAuthenticator): Promise<{ req: AuthRequest; sent: Record<string, string> }> {
    const req = request();
    const sent = params(await answer(digest, req, [challenge()]));
    return { req, sent };
  }
  const rspauthFor = (sent: Record<string, string>) =>
    digestRspauth({ algorithm: 'SHA-256', username: 'Mufasa', password: new Secret('Circle of Life'), realm: 'xcap', nonce: sent.nonce ?? '', qop: 'auth', nc: sent.nc ?? '', cnonce: sent.cnonce ?? '', method: 'GET', uri: '/dir/index.html', body: null }, null);

  it('accepts a right rspauth', async () => {
    const digest = mufasa();
    const { req, sent } = await exchanged(digest);
    expect(() => digest.complete(req, 200, { 'authentication-info': `rspauth="${rspauthFor(sent)}", qop=auth, nc=${sent.nc}, cnonce="${sent.cnonce}"` })).not.toThrow();
  });

  it('throws auth-server-mismatch on a wrong rspauth, and stops reusing that nonce', async () => {
    const digest = mufasa();
    const { req } = await exchanged(digest);
    expect(() => digest.complete(req, 200, { 'Authentication-Info': `rspauth="${'0'.repeat(64)}"` })).toThrow(expect.objectContaining({ code: 'auth-server-mismatch', message: expect.stringContaining('does not know the password') }));
    expect(await digest.authorize(request())).toBeNull();
  });

  it('takes nextnonce for the next request, counting from 1 again', async () => {
    const digest = mufasa();
    const { req } = await exchanged(digest);
    digest.complete(req, 200, { 'authentication-info': ['nextnonce="fresh"'] });
    expect(params(await digest.authorize(request()))).toMatchObject({ nonce: 'fresh', nc: '00000001' });
  });

  it('ignores an unreadable Authentication-Info, and responses to requests it did not sign', async () => {
    const digest = mufasa();
    const { req } = await exchanged(digest);
    expect(() => digest.complete(req, 200, { 'authentication-info': 'rspauth="x' })).not.toThrow();
    expect(() => digest.complete(request(), 200, { 'authentication-info': 'rspauth="x"' })).not.toThrow();
  });
});

describe('DigestAuthenticator: what cannot be answered', () => {
  it.each([
    [['Basic realm="x"'], 'unsupported-challenge', /does not offer Digest.*Basic.*--auth basic/],
    [['Digest realm="x", nonce="n", algorithm=SHA-1'], 'unsupported-challenge', /algorithm=SHA-1/],
    [['Digest realm="x", nonce="n", qop="auth-conf"'], 'unsupported-challenge', /qop="auth-conf"/],
    [['Digest realm="x", nonce="n", algorithm=MD5-sess'], 'unsupported-challenge', /MD5-sess but no qop/],
    [['Digest realm="x"'], 'unsupported-challenge', /without a nonce/],
    [['Digest realm="x'], 'malformed-challenge', /closing quote/],
    [[], 'unsupported-challenge', /without a WWW-Authenticate challenge/],
  ])('%j → %s', async (values, code, message) => {
    const verdict = await mufasa().challenge(request(), values);
    expect(verdict).toMatchObject({ action: 'give-up', error: { code, message: expect.stringMatching(message) } });
  });
});

describe('DigestAuthenticator: arguments and secrets', () => {
  it.each([
    [null, /expects/],
    [{ username: '', password: new Secret('p') }, /empty/],
    [{ username: 'a', password: 'p' }, /Secret/],
    [{ username: 'a\ud800', password: new Secret('p') }, /surrogate/],
    [{ username: 'a', password: new Secret('p'), preemptive: 'yes' }, /preemptive/],
    [{ username: 'a', password: new Secret('p'), cnonce: 'fixed' }, /cnonce/],
  ])('refuses options %#', (options, message) => {
    expect(() => new DigestAuthenticator(options as unknown as DigestOptions)).toThrow(expect.objectContaining({ code: 'invalid-argument', message: expect.stringMatching(message) }));
  });

  it.each([
    [{ ...request(), method: 'GE T' }, /method/],
    [{ ...request(), url: 'http://x/' }, /URL/],
    [{ ...request(), target: '/a b' }, /target/],
    [{ ...request(), body: 'text' }, /body/],
    [{ ...request(), secure: 'no' }, /secure/],
  ])('refuses a malformed request %#', async (req, message) => {
    await expect(mufasa().authorize(req as unknown as AuthRequest)).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(message) });
  });

  it('refuses challenge values that are not strings, and a cnonce source returning junk', async () => {
    await expect(mufasa().challenge(request(), 'Digest x=y' as unknown as string[])).rejects.toMatchObject({ code: 'invalid-argument' });
    const digest = mufasa({ cnonce: () => 'with "quote"\n' });
    await expect(answer(digest, request(), [challenge()])).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('cnonce') });
  });

  it('never shows the password', () => {
    const digest = mufasa();
    expect(inspect(digest, { showHidden: true, depth: 5 })).not.toContain('Circle');
    expect(JSON.stringify(digest)).not.toContain('Circle');
  });
});
