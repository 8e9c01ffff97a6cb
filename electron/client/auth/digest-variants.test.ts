/**
 * The Digest variants the sandbox does not serve, against a node:http server that checks each
 * answer independently (test-support/digest-test-server.ts): -sess, SHA-512-256, auth-int,
 * RFC 2069, userhash, username*, server-sent stale, rspauth and nextnonce.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Secret } from '../../secrets/secret';
import { DigestAuthenticator } from './digest';
import { DigestTestServer, type VariantOptions } from './test-support/digest-test-server';
import { exchange } from './test-support/exchange';

const USER = { username: 'alice@example.com', password: 'p\u00e4ss:word "quoted"' };
let server: DigestTestServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function serve(options: Partial<VariantOptions> & Pick<VariantOptions, 'algorithm' | 'qop'>): Promise<DigestTestServer> {
  server = await new DigestTestServer({ ...USER, ...options }).start();
  return server;
}

function client(username = USER.username): DigestAuthenticator {
  return new DigestAuthenticator({ username, password: new Secret(USER.password) });
}

const statuses = (result: { rounds: { status: number }[] }) => result.rounds.map((round) => round.status);
const reasons = (test: DigestTestServer) => test.verdicts.map((verdict) => verdict.reason);

describe.each([
  ['MD5-sess', 'auth'],
  ['SHA-256-sess', 'auth'],
  ['SHA-512-256', 'auth'],
  ['SHA-512-256-sess', 'auth'],
  ['SHA-256', 'auth-int'],
  ['MD5', 'auth-int'],
  ['SHA-512-256-sess', 'auth-int'],
  [null, 'auth'],
  [null, null],
  ['MD5', null],
  ['SHA-256', null],
] as const)('algorithm=%s qop=%s', (algorithm, qop) => {
  it('authenticates a PUT with a body and a GET without, the second reusing the nonce where qop allows', async () => {
    const test = await serve({ algorithm, qop });
    const digest = client();
    const put = await exchange(digest, `${test.url}/xcap-root/doc/~~/list%5B@name=%22a%22%5D`, { method: 'PUT', body: '<entry uri="sip:b\u00f6b@example.com"/>' });
    expect(statuses(put)).toEqual([401, 200]);
    const get = await exchange(digest, `${test.url}/xcap-root/doc`);
    expect(statuses(get)).toEqual([200]);
    expect(reasons(test)).toEqual(['missing', 'ok', 'ok']);
    const [, first, second] = test.verdicts;
    expect(first?.params.algorithm).toBe(algorithm ?? undefined);
    expect(first?.params.qop).toBe(qop ?? undefined);
    if (qop !== null) expect([first?.params.nc, second?.params.nc]).toEqual(['00000001', '00000002']);
    if (algorithm?.endsWith('-sess')) expect(second?.params.cnonce).toBe(first?.params.cnonce);
  });
});

describe('Digest variants: identities', () => {
  it('userhash with SHA-512-256', async () => {
    const test = await serve({ algorithm: 'SHA-512-256', qop: 'auth', userhash: true });
    expect(statuses(await exchange(client(), `${test.url}/x`))).toEqual([401, 200]);
    expect(test.verdicts[1]?.params.userhash).toBe('true');
  });

  it('a non-ASCII username goes as username* (RFC 8187)', async () => {
    const test = await serve({ algorithm: 'SHA-256', qop: 'auth', username: 'J\u00e4s\u00f8n Doe' });
    expect(statuses(await exchange(client('J\u00e4s\u00f8n Doe'), `${test.url}/x`))).toEqual([401, 200]);
    expect(test.verdicts[1]?.params['username*']).toBe("UTF-8''J%C3%A4s%C3%B8n%20Doe");
  });

  it('auth-int over an empty body hashes the empty string', async () => {
    const test = await serve({ algorithm: 'SHA-256', qop: 'auth-int' });
    expect(statuses(await exchange(client(), `${test.url}/x`, { method: 'DELETE' }))).toEqual([401, 200]);
    expect(statuses(await exchange(client(), `${test.url}/x`, { method: 'PUT', body: '' }))).toEqual([401, 200]);
  });
});

describe('Digest variants: stale and Authentication-Info', () => {
  it('a stale=true from the server costs one transparent retry with the new nonce', async () => {
    const test = await serve({ algorithm: 'SHA-256', qop: 'auth', staleOn: [2] });
    const digest = client();
    expect(statuses(await exchange(digest, `${test.url}/x`))).toEqual([401, 200]);
    const second = await exchange(digest, `${test.url}/x`);
    expect(statuses(second)).toEqual([401, 200]);
    expect(test.verdicts.at(-1)?.params.nc).toBe('00000001');
    expect(test.verdicts.at(-1)?.params.nonce).not.toBe(test.verdicts[1]?.params.nonce);
  });

  it('checks a right rspauth (also under auth-int, over the response body)', async () => {
    for (const qop of ['auth', 'auth-int']) {
      const test = await serve({ algorithm: 'SHA-256', qop, authenticationInfo: 'rspauth' });
      const digest = client();
      expect(statuses(await exchange(digest, `${test.url}/x`))).toEqual([401, 200]);
      expect(statuses(await exchange(digest, `${test.url}/x`))).toEqual([200]);
      await test.close();
      server = null;
    }
  });

  it('a wrong rspauth fails with auth-server-mismatch', async () => {
    const test = await serve({ algorithm: 'SHA-256', qop: 'auth', authenticationInfo: 'wrong-rspauth' });
    await expect(exchange(client(), `${test.url}/x`)).rejects.toMatchObject({ code: 'auth-server-mismatch' });
  });

  it('nextnonce is used for the next request, counting from 1', async () => {
    const test = await serve({ algorithm: 'SHA-256', qop: 'auth', authenticationInfo: 'nextnonce' });
    const digest = client();
    await exchange(digest, `${test.url}/x`);
    expect(statuses(await exchange(digest, `${test.url}/x`))).toEqual([200]);
    expect(statuses(await exchange(digest, `${test.url}/x`))).toEqual([200]);
    const [, first, second, third] = test.verdicts;
    expect([first?.params.nc, second?.params.nc, third?.params.nc]).toEqual(['00000001', '00000001', '00000001']);
    expect(new Set([first?.params.nonce, second?.params.nonce, third?.params.nonce]).size).toBe(3);
  });

  it('a wrong password is rejected after one answered 401', async () => {
    const test = await serve({ algorithm: 'SHA-512-256-sess', qop: 'auth-int' });
    const wrong = new DigestAuthenticator({ username: USER.username, password: new Secret('nope') });
    await expect(exchange(wrong, `${test.url}/x`)).rejects.toMatchObject({ code: 'auth-rejected' });
    expect(reasons(test)).toEqual(['missing', 'response']);
  });
});
