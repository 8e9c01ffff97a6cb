/**
 * The authenticator protecting a real HTTP server on 127.0.0.1, driven by the tests' own
 * Digest client over real sockets.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DigestAuthenticator } from './digest';
import { digestAuthorization, parseChallenge, type ChallengeParams } from './test-support/digest-client';
import { UserDirectory } from './users';

const PATH = '/xcap-root/resource-lists/users/sip:alice@example.com/index';
const alice = { username: 'alice@example.com', password: 'alice-secret', method: 'GET', uri: PATH };
const users = new UserDirectory([{ xui: 'sip:alice@example.com', password: 'alice-secret' }]);

let clock = Date.now();
const digest = new DigestAuthenticator({ realm: 'xcap.example.com', now: () => clock });

let server: Server;
let port = 0;

interface Answer {
  status: number;
  challenges: string[];
  body: string;
}

function get(authorization?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = authorization === undefined ? {} : { Authorization: authorization };
    const outgoing = httpRequest({ host: '127.0.0.1', port, path: PATH, method: 'GET', headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, challenges: response.headersDistinct['www-authenticate'] ?? [], body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function challenge(): Promise<ChallengeParams[]> {
  const answer = await get();
  expect(answer.status).toBe(401);
  return answer.challenges.map(parseChallenge);
}

beforeAll(async () => {
  server = createServer((request, response) => {
    const result = digest.verify({ method: request.method ?? '', uri: request.url ?? '', authorization: request.headers.authorization }, users);
    if (!result.ok) {
      response.writeHead(401, { 'WWW-Authenticate': digest.challenge(result.stale), 'Content-Type': 'text/plain' });
      response.end(result.reason);
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/plain' });
    response.end(`hello ${result.user.xui}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});

beforeEach(() => {
  clock = Date.now();
});

describe('Digest over a real HTTP server', () => {
  it('answers a request without credentials with 401 and two challenges, SHA-256 first', async () => {
    const answer = await get();
    expect(answer.status).toBe(401);
    expect(answer.body).toBe('missing');
    expect(answer.challenges).toHaveLength(2);
    expect(answer.challenges.map((value) => parseChallenge(value).algorithm)).toEqual(['SHA-256', 'MD5']);
    expect(parseChallenge(answer.challenges[0] ?? '')).toMatchObject({ realm: 'xcap.example.com', qop: 'auth', userhash: 'true' });
  });

  it('lets correct credentials through with either algorithm', async () => {
    // Both challenges share one nonce, and so one nonce-count sequence.
    for (const [index, params] of (await challenge()).entries()) {
      const answer = await get(digestAuthorization(params, { ...alice, nc: index + 1 }));
      expect(answer).toMatchObject({ status: 200, body: 'hello sip:alice@example.com' });
    }
  });

  it('answers a wrong password with 401 and fresh challenges', async () => {
    const [params] = await challenge();
    const answer = await get(digestAuthorization(params ?? {}, { ...alice, password: 'guess' }));
    expect(answer).toMatchObject({ status: 401, body: 'wrong-response' });
    expect(answer.challenges).toHaveLength(2);
    expect(parseChallenge(answer.challenges[0] ?? '').stale).toBeUndefined();
  });

  it('refuses a replayed nonce-count and accepts the next one', async () => {
    const [params] = await challenge();
    const first = digestAuthorization(params ?? {}, { ...alice, nc: 1 });
    expect((await get(first)).status).toBe(200);
    expect(await get(first)).toMatchObject({ status: 401, body: 'replay' });
    expect((await get(digestAuthorization(params ?? {}, { ...alice, nc: 2 }))).status).toBe(200);
  });

  it('answers an expired nonce with stale=true, and the client carries on with the new one', async () => {
    const [params] = await challenge();
    clock += 300_001;
    const answer = await get(digestAuthorization(params ?? {}, alice));
    expect(answer).toMatchObject({ status: 401, body: 'stale' });
    const fresh = answer.challenges.map(parseChallenge);
    expect(fresh.map((challengeParams) => challengeParams.stale)).toEqual(['true', 'true']);
    expect((await get(digestAuthorization(fresh[0] ?? {}, alice))).status).toBe(200);
  });

  it('accepts a hashed username (userhash=true)', async () => {
    const [sha256, md5] = await challenge();
    expect((await get(digestAuthorization(sha256 ?? {}, { ...alice, userhash: true }))).status).toBe(200);
    expect((await get(digestAuthorization(md5 ?? {}, { ...alice, nc: 2, userhash: true }))).status).toBe(200);
    const stranger = await get(digestAuthorization(sha256 ?? {}, { ...alice, username: 'bob@example.com', nc: 3, userhash: true }));
    expect(stranger).toMatchObject({ status: 401, body: 'unknown-user' });
  });
});
