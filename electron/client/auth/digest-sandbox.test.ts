/**
 * The Digest client against the project's own server-side Digest: the sandbox XCAP server (SHA-256
 * chosen of SHA-256 and MD5, userhash, stale nonces, replay protection) and, for MD5, the
 * sandbox's DigestAuthenticator offering only MD5 behind a bare node:http server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestAuthenticator as ServerDigest, User, UserDirectory } from '../../sandbox/auth';
import { startSandboxServer, type SandboxServer } from '../../sandbox/sandbox-server';
import { Secret } from '../../secrets/secret';
import { DigestAuthenticator } from './digest';
import { exchange } from './test-support/exchange';
import { parseAuthParams } from './www-authenticate';

const ALICE = { xui: 'sip:alice@example.com', username: 'alice@example.com', password: 'alice-secret' };
const DOCUMENT = '<?xml version="1.0" encoding="UTF-8"?>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="friends"/></resource-lists>';
const RL = { 'Content-Type': 'application/resource-lists+xml' };
const NONCE_LIFETIME_MS = 800;

const alice = (password = ALICE.password, preemptive = true) => new DigestAuthenticator({ username: ALICE.username, password: new Secret(password), preemptive });
const sent = (authorization: string | null) => ({ ...parseAuthParams((authorization ?? '').replace(/^Digest /, '')) });
const statuses = (result: { rounds: { status: number }[] }) => result.rounds.map((round) => round.status);

interface Running {
  server: SandboxServer;
  directory: string;
  documentUrl: string;
}

async function startSandbox(nonceLifetimeMs?: number): Promise<Running> {
  const directory = await mkdtemp(join(tmpdir(), 'xcap-client-auth-'));
  const server = await startSandboxServer({ dataDirectory: directory, users: [new User(ALICE.xui, ALICE.password)], ...(nonceLifetimeMs === undefined ? {} : { nonceLifetimeMs }) });
  return { server, directory, documentUrl: `${server.rootUrl}/resource-lists/users/${ALICE.xui}/index` };
}

async function stop(running: Running): Promise<void> {
  await running.server.close();
  await rm(running.directory, { recursive: true, force: true });
}

describe('Digest against the sandbox XCAP server', () => {
  let sandbox: Running;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => stop(sandbox));

  it('answers the first 401 with SHA-256 and userhash, then reuses the nonce with nc 2, 3 without a 401', async () => {
    const digest = alice();
    const put = await exchange(digest, sandbox.documentUrl, { method: 'PUT', body: DOCUMENT, headers: RL });
    expect(statuses(put)).toEqual([401, 201]);
    expect(sent(put.rounds[1]?.authorization ?? null)).toMatchObject({ algorithm: 'SHA-256', userhash: 'true', nc: '00000001', qop: 'auth' });

    const get = await exchange(digest, sandbox.documentUrl);
    expect(statuses(get)).toEqual([200]);
    expect(get.body.toString('utf8')).toBe(DOCUMENT);
    expect(sent(get.rounds[0]?.authorization ?? null).nc).toBe('00000002');

    // The request-target with a percent-encoded node selector is signed as sent.
    const element = await exchange(digest, `${sandbox.documentUrl}/~~/resource-lists/list%5B@name=%22friends%22%5D`);
    expect(statuses(element)).toEqual([200]);
    expect(sent(element.rounds[0]?.authorization ?? null)).toMatchObject({ nc: '00000003', uri: expect.stringContaining('%5B@name=%22friends%22%5D') });
  });

  it('survives parallel requests on one nonce (a late nc looks like a replay: one transparent retry)', async () => {
    const digest = alice();
    await exchange(digest, sandbox.documentUrl);
    const results = await Promise.all(Array.from({ length: 12 }, () => exchange(digest, sandbox.documentUrl)));
    expect(results.map((result) => result.status)).toEqual(Array(12).fill(200));
    expect(Math.max(...results.map((result) => result.rounds.length))).toBeLessThanOrEqual(2);
  });

  it('gives up with auth-rejected on a wrong password, after one answered 401', async () => {
    const error = await exchange(alice('wrong'), sandbox.documentUrl).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'auth-rejected', message: expect.stringContaining('check the password') });
    expect(statuses(error as { rounds: { status: number }[] })).toEqual([401, 401]);
  });

  it('gives up with auth-rejected for an unknown user', async () => {
    const stranger = new DigestAuthenticator({ username: 'mallory@example.com', password: new Secret('x') });
    await expect(exchange(stranger, sandbox.documentUrl)).rejects.toMatchObject({ code: 'auth-rejected' });
  });
});

describe('Digest against the sandbox with short-lived nonces', () => {
  let sandbox: Running;
  beforeAll(async () => {
    sandbox = await startSandbox(NONCE_LIFETIME_MS);
  });
  afterAll(() => stop(sandbox));

  it('a reused nonce that went stale costs one transparent 401 (stale=true)', async () => {
    const digest = alice();
    expect(statuses(await exchange(digest, sandbox.documentUrl))).toEqual([401, 404]);
    await sleep(NONCE_LIFETIME_MS + 100);
    const later = await exchange(digest, sandbox.documentUrl);
    expect(statuses(later)).toEqual([401, 404]);
    expect(later.rounds[0]?.authorization).not.toBeNull();
    expect(later.rounds[0]?.wwwAuthenticate.join()).toContain('stale=true');
  });

  it('a nonce that goes stale between the 401 and the answer gets one more transparent retry', async () => {
    const digest = alice(ALICE.password, false);
    let first = true;
    const result = await exchange(digest, sandbox.documentUrl, {
      beforeRetry: async () => {
        if (first) await sleep(NONCE_LIFETIME_MS + 100);
        first = false;
      },
    });
    expect(statuses(result)).toEqual([401, 401, 404]);
    expect(result.rounds[1]?.wwwAuthenticate.join()).toContain('stale=true');
  });
});

describe("Digest MD5 against the sandbox's server-side Digest", () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    const users = new UserDirectory([{ xui: ALICE.xui, password: ALICE.password }]);
    const digest = new ServerDigest({ realm: 'md5.example.com', algorithms: ['MD5'] });
    server = createServer((request, response) => {
      const result = digest.verify({ method: request.method ?? '', uri: request.url ?? '', authorization: request.headers.authorization }, users);
      if (!result.ok) {
        response.writeHead(401, { 'WWW-Authenticate': digest.challenge(result.stale) }).end(result.reason);
        return;
      }
      response.writeHead(200).end(`hello ${result.user.xui}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xcap-root/x`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('authenticates with MD5 and reuses the nonce', async () => {
    const digest = alice();
    const first = await exchange(digest, url);
    expect(statuses(first)).toEqual([401, 200]);
    expect(first.body.toString()).toBe(`hello ${ALICE.xui}`);
    expect(sent(first.rounds[1]?.authorization ?? null).algorithm).toBe('MD5');
    expect(statuses(await exchange(digest, url))).toEqual([200]);
  });
});
