/**
 * The console services against the real embedded sandbox: first run creates the sandbox profile;
 * profiles keep passwords write-only; the connection test names the failing stage; sends go out
 * as planned with If-Match; the session's traffic is listed and exported without secrets.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatchCall } from '../ipc/dispatch';
import { MemoryKeychain } from '../keychain';
import { createConsoleServices, type ConsoleServices } from './console-services';
import { SANDBOX_PROFILE_NAME } from './sandbox-service';

let dir: string;
let services: ConsoleServices;
const keychain = new MemoryKeychain();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xcap-services-'));
  services = await createConsoleServices({ configDir: dir, keychain, keychainKind: 'memory', mode: 'browser' });
});

afterAll(async () => {
  await services?.close();
  await rm(dir, { recursive: true, force: true });
});

const h = () => services.handlers;

describe('console services', () => {
  it('first run: the sandbox runs with demo data and a "Local sandbox" profile, password set but never shown', async () => {
    const status = await h()['xcap:sandbox.status']({});
    expect(status).toMatchObject({ running: true, profile: SANDBOX_PROFILE_NAME, users: expect.arrayContaining(['sip:alice@example.com']) });
    const [entry] = await h()['xcap:profiles.list']({});
    expect(entry).toMatchObject({ sandbox: true, passwordSet: true, profile: { name: SANDBOX_PROFILE_NAME, xcapRoot: status.rootUrl, xui: 'sip:alice@example.com' } });
    expect(JSON.stringify(entry)).not.toContain('"alice"');
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).not.toMatch(/password/i);
  });

  it('caps and directory come from the server', async () => {
    const caps = await h()['xcap:xcap.caps']({ profile: SANDBOX_PROFILE_NAME });
    expect(caps.source).toBe('server');
    expect(caps.auids).toContain('resource-lists');
    const directory = await h()['xcap:xcap.directory']({ profile: SANDBOX_PROFILE_NAME });
    expect(directory.source).toBe('server');
    expect(directory.folders.find((f) => f.auid === 'resource-lists')?.documents[0]?.uri).toMatch(/resource-lists\/users\/sip:alice@example\.com\/index$/);
  });

  it('send: GET remembers the ETag, a PUT then carries If-Match, a stale one gets 412 with the server version', async () => {
    const { rootUrl } = await h()['xcap:sandbox.status']({});
    const uri = `${rootUrl}/resource-lists/users/sip:alice@example.com/index`;
    const got = await h()['xcap:xcap.send']({ profile: SANDBOX_PROFILE_NAME, method: 'GET', uri, body: null });
    expect(got.status).toBe(200);
    const entryUri = `${uri}/~~/resource-lists/list[@name="Presence_fellows"]/entry[@uri="sip:carol@example.com"]`;
    const put = await h()['xcap:xcap.send']({ profile: SANDBOX_PROFILE_NAME, method: 'PUT', uri: entryUri, body: '<entry uri="sip:carol@example.com"/>' });
    expect(put.status).toBe(201);
    expect(put.plan.headers).toContainEqual(['If-Match', `"${got.etag}"`]);
    expect(put.plan.url).toContain('%5B@name=%22Presence_fellows%22%5D');
    const stale = await h()['xcap:xcap.send']({ profile: SANDBOX_PROFILE_NAME, method: 'DELETE', uri: entryUri, body: null, etag: got.etag });
    expect(stale.status).toBe(412);
    expect(stale.conflict?.body).toContain('sip:carol@example.com');
    expect(stale.exchangeIds.length).toBeGreaterThanOrEqual(2); // the DELETE and the refresh GET
  });

  it('traffic: the session\'s exchanges, with the digest challenge; HAR and curl carry no credentials', async () => {
    const rows = await h()['xcap:traffic.list']({});
    expect(rows.some((row) => row.status === 401)).toBe(true);
    expect(rows.every((row) => row.profile === SANDBOX_PROFILE_NAME)).toBe(true);
    const authorized = rows.find((row) => row.status === 200);
    if (!authorized) throw new Error('no 200 exchange recorded');
    const exchange = await h()['xcap:traffic.get']({ id: authorized.id, reveal: false });
    const authorization = exchange.request.headers.find(([name]) => name.toLowerCase() === 'authorization');
    expect(authorization?.[1]).not.toMatch(/response="[0-9a-f]{32}/);
    const { har } = await h()['xcap:traffic.exportHar']({});
    const parsed = JSON.parse(har) as { log: { entries: unknown[] } };
    expect(parsed.log.entries.length).toBe(rows.length);
    expect(har).not.toMatch(/response="[0-9a-f]{32,}"/);
    const { command } = await h()['xcap:traffic.curl']({ id: authorized.id });
    expect(command).toMatch(/^curl /);
  });

  it('concurrent sends share one Digest nonce and all get through (nonce-counts may arrive out of order)', async () => {
    const { rootUrl } = await h()['xcap:sandbox.status']({});
    const uri = `${rootUrl}/resource-lists/users/sip:alice@example.com/index`;
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(Array.from({ length: 16 }, () => h()['xcap:xcap.send']({ profile: SANDBOX_PROFILE_NAME, method: 'GET', uri, body: null })));
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    }
  });

  it('traffic: a clear empties the list and tells every window (event xcap:traffic.cleared)', async () => {
    const events: string[] = [];
    const stop = services.onEvent((channel) => events.push(channel));
    try {
      const before = (await h()['xcap:traffic.list']({})).length;
      const { cleared } = await h()['xcap:traffic.clear']({});
      expect(cleared).toBe(before);
      expect(await h()['xcap:traffic.list']({})).toEqual([]);
      expect(events).toContain('xcap:traffic.cleared');
    } finally {
      stop();
    }
  });

  it('profiles: save with a password, rename keeps it, removal forgets it; the connection test names the stage', async () => {
    const { rootUrl } = await h()['xcap:sandbox.status']({});
    const profile = { name: 'bob', xcapRoot: String(rootUrl), xui: 'sip:bob@example.com', auth: { method: 'digest' as const }, tls: {} };
    expect(await h()['xcap:profiles.save']({ profile, previousName: null, password: 'wrong' })).toMatchObject({ passwordSet: true, sandbox: false });
    const failed = await h()['xcap:profiles.test']({ profile: 'bob' });
    expect(failed).toMatchObject({ ok: false, stage: 'auth', status: 401, challenge: expect.stringMatching(/^Digest realm=/) });
    await h()['xcap:profiles.save']({ profile: { ...profile, name: 'bob2' }, previousName: 'bob', password: 'bob' });
    expect((await h()['xcap:profiles.list']({})).map((p) => p.profile.name)).toEqual(expect.arrayContaining(['bob2']));
    expect((await h()['xcap:profiles.list']({})).map((p) => p.profile.name)).not.toContain('bob');
    const passed = await h()['xcap:profiles.test']({ profile: 'bob2' });
    expect(passed).toMatchObject({ ok: true, status: 200, caps: { source: 'server' } });
    expect(await h()['xcap:profiles.remove']({ profile: 'bob2' })).toEqual({ removed: true });
    expect(await keychain.get('xcap-console', 'profile:bob2:password')).toBeNull();
    const refused = await h()['xcap:profiles.test']({ profile: 'nobody' }).catch((error: Error) => error.message);
    expect(refused).toMatch(/no profile "nobody"/);
  });

  it('connection test: TCP refused is reported as the tcp stage', async () => {
    const profile = { name: 'closed', xcapRoot: 'http://127.0.0.1:9/xcap-root', xui: 'sip:x@example.com', auth: { method: 'none' as const }, tls: {} };
    await h()['xcap:profiles.save']({ profile, previousName: null });
    expect(await h()['xcap:profiles.test']({ profile: 'closed' })).toMatchObject({ ok: false, stage: 'tcp', code: 'connect' });
  });

  it('drafts survive a new services instance (a restart)', async () => {
    await h()['xcap:drafts.save']({ profile: 'p', uri: 'http://h/r/a/users/u/index', text: '<x/>', baseEtag: 'e1', baseText: '<y/>' });
    const again = await createConsoleServices({ configDir: dir, keychain, keychainKind: 'memory', mode: 'browser', firstRunSandbox: false });
    try {
      expect(await again.handlers['xcap:drafts.list']({})).toEqual([expect.objectContaining({ text: '<x/>', baseEtag: 'e1' })]);
      expect(await again.handlers['xcap:drafts.remove']({ profile: 'p', uri: 'http://h/r/a/users/u/index' })).toEqual({ removed: true });
    } finally {
      await again.close();
    }
  });

  it('a send in flight can be cancelled: it ends at once with the code "cancelled"', async () => {
    const hanging = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const root = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/xcap-root`;
      await h()['xcap:profiles.save']({ profile: { name: 'hanging', xcapRoot: root, xui: 'sip:x@example.com', auth: { method: 'none' }, tls: {} }, previousName: null });
      const started = Date.now();
      const sending = dispatchCall(services.handlers, 'xcap:xcap.send', { profile: 'hanging', method: 'GET', uri: `${root}/resource-lists/users/sip:x@example.com/index`, body: null, requestId: 'r1' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await h()['xcap:xcap.cancel']({ requestId: 'r1' })).toEqual({ cancelled: true });
      expect(await sending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(Date.now() - started).toBeLessThan(5_000); // not the 30 s headers timeout
      expect(await h()['xcap:xcap.cancel']({ requestId: 'r1' })).toEqual({ cancelled: false });
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});
