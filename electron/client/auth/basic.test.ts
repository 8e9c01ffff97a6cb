import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../sandbox/auth';
import { startSandboxServer, type SandboxServer } from '../../sandbox/sandbox-server';
import { Secret } from '../../secrets/secret';
import type { AuthRequest } from './authenticator';
import { BasicAuthenticator, type BasicOptions } from './basic';
import { exchange } from './test-support/exchange';

const request = (secure: boolean): AuthRequest => ({ method: 'GET', url: new URL(`${secure ? 'https' : 'http'}://xcap.example.com/x`), target: '/x', body: null, secure });
const basic = (options: Partial<BasicOptions> = {}) => new BasicAuthenticator({ username: 'alice@example.com', password: new Secret('p\u00e4ss:w\u00f6rd'), ...options });
const statuses = (result: { rounds: { status: number }[] }) => result.rounds.map((round) => round.status);

describe('BasicAuthenticator', () => {
  it('sends nothing before the server asks, then user-id:password in UTF-8 base64 (RFC 7617)', async () => {
    const auth = basic();
    const req = request(true);
    expect(await auth.authorize(req)).toBeNull();
    expect(await auth.challenge(req, ['Basic realm="xcap", charset="UTF-8"'])).toEqual({ action: 'retry' });
    const header = await auth.authorize(req);
    expect(header).toBe(`Basic ${Buffer.from('alice@example.com:p\u00e4ss:w\u00f6rd', 'utf8').toString('base64')}`);
    // preemptive: later requests carry it at once; without preemptive they wait for their 401.
    expect(await auth.authorize(request(true))).toBe(header);
    const lazy = basic({ preemptive: false });
    await lazy.challenge(req, ['Basic realm="xcap"']);
    expect(await lazy.authorize(request(true))).toBeNull();
  });

  it('refuses plain HTTP with basic-cleartext, explaining the risk and the option', async () => {
    const verdict = await basic().challenge(request(false), ['Basic realm="xcap"']);
    expect(verdict).toMatchObject({ action: 'give-up', error: { code: 'basic-cleartext', message: expect.stringMatching(/plain HTTP.*could read it.*https.*allowCleartext: true/) } });
    // Even once asked over TLS, nothing goes out over plain HTTP.
    const auth = basic();
    await auth.challenge(request(true), ['Basic realm="xcap"']);
    expect(await auth.authorize(request(false))).toBeNull();
  });

  it('sends over plain HTTP with allowCleartext: true', async () => {
    const auth = basic({ allowCleartext: true });
    const req = request(false);
    expect(await auth.challenge(req, ['Basic realm="xcap"'])).toEqual({ action: 'retry' });
    expect(await auth.authorize(req)).toMatch(/^Basic /);
  });

  it('gives up with auth-rejected when the credentials are refused (also preemptive ones)', async () => {
    const auth = basic();
    const req = request(true);
    await auth.challenge(req, ['Basic realm="xcap"']);
    await auth.authorize(req);
    expect(await auth.challenge(req, ['Basic realm="xcap"'])).toMatchObject({ action: 'give-up', error: { code: 'auth-rejected', message: expect.stringContaining('realm "xcap"') } });
    const next = request(true);
    await auth.authorize(next);
    expect(await auth.challenge(next, ['Basic realm="xcap"'])).toMatchObject({ action: 'give-up', error: { code: 'auth-rejected' } });
  });

  it('says which --auth to use when the server does not offer Basic', async () => {
    const verdict = await basic().challenge(request(true), ['Digest realm="x", nonce="n", qop="auth"']);
    expect(verdict).toMatchObject({ action: 'give-up', error: { code: 'unsupported-challenge', offered: ['digest'], message: expect.stringContaining('--auth digest') } });
  });

  it.each([
    [{ username: 'a:b', password: new Secret('p') }, /":"/],
    [{ username: 'a\nb', password: new Secret('p') }, /control/],
    [{ username: 'a', password: 'p' }, /Secret/],
    [{ username: 'a', password: new Secret('p'), allowCleartext: 1 }, /allowCleartext/],
  ])('refuses options %#', (options, message) => {
    expect(() => new BasicAuthenticator(options as unknown as BasicOptions)).toThrow(expect.objectContaining({ code: 'invalid-argument', message: expect.stringMatching(message) }));
  });

  it('never shows the password', () => {
    expect(inspect(basic(), { showHidden: true })).not.toContain('p\u00e4ss');
  });
});

describe('Basic against real servers', () => {
  let sandbox: SandboxServer;
  let directory: string;
  let ca: string;
  let plain: Server;
  let plainUrl = '';
  let received: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'xcap-client-basic-'));
    sandbox = await startSandboxServer({ dataDirectory: directory, users: [new User('sip:alice@example.com', 'alice-secret')], tls: true });
    ca = await readFile(join(directory, 'tls', 'cert.pem'), 'utf8');
    plain = createServer((req, res) => {
      received.push(req.headers);
      if (req.headers.authorization === undefined) res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="lab", charset="UTF-8"' }).end();
      else res.writeHead(200).end('ok');
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/x`;
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(directory, { recursive: true, force: true });
    await new Promise<void>((resolve) => plain.close(() => resolve()));
  });

  const document = () => `${sandbox.rootUrl}/resource-lists/users/sip:alice@example.com/index`;

  it('authenticates to the sandbox over HTTPS, then preemptively', async () => {
    const auth = new BasicAuthenticator({ username: 'alice@example.com', password: new Secret('alice-secret') });
    expect(statuses(await exchange(auth, document(), { ca }))).toEqual([401, 404]);
    expect(statuses(await exchange(auth, document(), { ca }))).toEqual([404]);
  });

  it('a wrong password is auth-rejected by the sandbox', async () => {
    const auth = new BasicAuthenticator({ username: 'alice@example.com', password: new Secret('wrong') });
    await expect(exchange(auth, document(), { ca })).rejects.toMatchObject({ code: 'auth-rejected' });
  });

  it('over plain HTTP: basic-cleartext, nothing sent; with allowCleartext the lab server gets the credentials', async () => {
    received = [];
    await expect(exchange(basic(), plainUrl)).rejects.toMatchObject({ code: 'basic-cleartext' });
    expect(received.map((headers) => headers.authorization)).toEqual([undefined]);
    const result = await exchange(basic({ allowCleartext: true }), plainUrl);
    expect(statuses(result)).toEqual([401, 200]);
    const sent = received.at(-1)?.authorization ?? '';
    expect(Buffer.from(sent.replace(/^Basic /, ''), 'base64').toString('utf8')).toBe('alice@example.com:p\u00e4ss:w\u00f6rd');
  });
});
