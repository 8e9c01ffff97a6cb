/**
 * Authentication and authorization over HTTP (TS 24.141 §6.3.2: authenticate, authorize, act):
 * Digest challenges, failures, replays and stale nonces; users confined to their own trees; global
 * documents read-only; the server-generated xcap-caps and xcap-directory; authentication-proxy mode.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChallenge } from '../../electron/sandbox/auth/test-support/digest-client';
import { applicationUsages } from '../../shared/xcap/usages/registry';
import { DigestSession, etagOf, parseStale } from './test-support/http';
import { ALICE, BOB, globalUri, startTestSandbox, xcapUri, type TestSandbox } from './test-support/sandbox';

const RL = 'application/resource-lists+xml';
const list = (name: string) => `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="${name}"/>
</resource-lists>
`;

describe('Digest authentication', () => {
  let sandbox: TestSandbox;
  const caps = () => globalUri(sandbox.server.rootUrl, 'xcap-caps');
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('no credentials: 401 with one Digest challenge per algorithm, SHA-256 first, then MD5, sharing a nonce', async () => {
    const response = await sandbox.endpoint.send('GET', caps());
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const values = response.headersDistinct['www-authenticate'] ?? [];
    expect(values).toHaveLength(2);
    const [sha256, md5] = values.map(parseChallenge);
    expect(sha256).toMatchObject({ realm: 'xcap-console-sandbox', qop: 'auth', algorithm: 'SHA-256', charset: 'UTF-8', userhash: 'true' });
    expect(md5).toMatchObject({ realm: 'xcap-console-sandbox', qop: 'auth', algorithm: 'MD5' });
    expect(sha256?.nonce).toMatch(/^[A-Za-z0-9_-]{75}$/);
    expect(md5?.nonce).toBe(sha256?.nonce);
    expect(sha256?.stale).toBeUndefined();
    expect(values.some((value) => /^Basic/i.test(value))).toBe(false);
  });

  it.each(['SHA-256', 'MD5'] as const)('a %s handshake is accepted, and later requests reuse the nonce with nc 2, 3, …', async (algorithm) => {
    const alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password, algorithm);
    for (let n = 0; n < 3; n++) expect((await alice.get(caps())).status).toBe(200);
    expect(alice.challenges).toHaveLength(1);
    expect(alice.nc).toBe(3);
  });

  it('a wrong password: 401 with fresh challenges, not stale', async () => {
    const alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
    alice.adopt(await sandbox.endpoint.send('GET', caps()));
    const response = await sandbox.endpoint.send('GET', caps(), { headers: { Authorization: alice.authorization('GET', caps(), 'wrong-password') } });
    expect(response.status).toBe(401);
    expect(parseStale(response)).toBe(false);
    expect(response.headersDistinct['www-authenticate']).toHaveLength(2);
  });

  it('an unknown user: 401', async () => {
    const mallory = new DigestSession(sandbox.endpoint, 'mallory@example.com', 'x');
    expect((await mallory.get(caps())).status).toBe(401);
  });

  it('a replayed nonce-count: 401; an overtaken older nc is accepted once (concurrent requests)', async () => {
    const alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
    alice.adopt(await sandbox.endpoint.send('GET', caps()));
    const first = alice.authorization('GET', caps());
    const second = alice.authorization('GET', caps());
    expect((await sandbox.endpoint.send('GET', caps(), { headers: { Authorization: second } })).status).toBe(200);
    const replayed = await sandbox.endpoint.send('GET', caps(), { headers: { Authorization: second } });
    expect(replayed.status).toBe(401);
    expect(parseStale(replayed)).toBe(false);
    // nc=1 was sent before nc=2 on another connection and arrives after it: its first use.
    expect((await sandbox.endpoint.send('GET', caps(), { headers: { Authorization: first } })).status).toBe(200);
    expect((await sandbox.endpoint.send('GET', caps(), { headers: { Authorization: first } })).status).toBe(401);
  });

  it('credentials for another request-target: 401', async () => {
    const alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
    alice.adopt(await sandbox.endpoint.send('GET', caps()));
    const forOther = alice.authorization('GET', xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: ALICE.xui }));
    expect((await sandbox.endpoint.send('GET', caps(), { headers: { Authorization: forOther } })).status).toBe(401);
  });

  it('Basic over plain HTTP is refused: 401', async () => {
    const basic = `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}`;
    const response = await sandbox.endpoint.send('GET', caps(), { headers: { Authorization: basic } });
    expect(response.status).toBe(401);
    expect((response.headersDistinct['www-authenticate'] ?? []).every((value) => value.startsWith('Digest '))).toBe(true);
  });

  it('the request log names the user, never the credentials', () => {
    expect(sandbox.log.some((line) => / sip:alice@example\.com GET \/xcap-root\/xcap-caps\/global\/index 200 /.test(line))).toBe(true);
    expect(sandbox.log.some((line) => / - GET \/xcap-root\/xcap-caps\/global\/index 401 /.test(line))).toBe(true);
    expect(sandbox.log.join('\n')).not.toMatch(/alice-secret|response=|Digest/);
  });
});

describe('stale nonce', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ nonceLifetimeMs: 300 });
  });
  afterAll(() => sandbox.close());

  it('an expired nonce with the right password: 401 with stale=true on every challenge; the fresh nonce works', async () => {
    const caps = globalUri(sandbox.server.rootUrl, 'xcap-caps');
    const alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
    expect((await alice.get(caps)).status).toBe(200);
    await delay(450);
    const stale = await sandbox.endpoint.send('GET', caps, { headers: { Authorization: alice.authorization('GET', caps) } });
    expect(stale.status).toBe(401);
    expect(stale.headersDistinct['www-authenticate']).toHaveLength(2);
    expect(parseStale(stale)).toBe(true);
    alice.adopt(stale);
    expect((await sandbox.endpoint.send('GET', caps, { headers: { Authorization: alice.authorization('GET', caps) } })).status).toBe(200);
  });

  it('an expired nonce with a wrong password is not called stale', async () => {
    const caps = globalUri(sandbox.server.rootUrl, 'xcap-caps');
    const alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
    alice.adopt(await sandbox.endpoint.send('GET', caps));
    await delay(450);
    const response = await sandbox.endpoint.send('GET', caps, { headers: { Authorization: alice.authorization('GET', caps, 'wrong') } });
    expect([response.status, parseStale(response)]).toEqual([401, false]);
  });
});

describe('authorization', () => {
  let sandbox: TestSandbox;
  let alice: DigestSession;
  let bob: DigestSession;
  const root = () => sandbox.server.rootUrl;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
    bob = new DigestSession(sandbox.endpoint, BOB.username, BOB.password);
  });
  afterAll(() => sandbox.close());

  it("alice reading, writing or deleting bob's document: 403, and bob's document stays", async () => {
    const bobs = xcapUri(root(), { auid: 'resource-lists', xui: BOB.xui });
    expect((await bob.put(bobs, list('bobs'), RL)).status).toBe(201);
    const read = await alice.get(bobs);
    expect([read.status, read.headers['content-type']]).toEqual([403, 'text/plain; charset=utf-8']);
    expect(read.text).toContain('sip:alice@example.com may only access its own documents');
    expect((await alice.put(bobs, list('alices'), RL)).status).toBe(403);
    expect((await alice.delete(bobs)).status).toBe(403);
    expect((await alice.get(`${root()}/mime/users/${BOB.xui}/photo.png`)).status).toBe(403);
    expect((await bob.get(bobs)).text).toBe(list('bobs'));
  });

  it('a PUT or DELETE of a global document: 403', async () => {
    const caps = globalUri(root(), 'xcap-caps');
    expect((await alice.put(caps, '<xcap-caps xmlns="urn:ietf:params:xml:ns:xcap-caps"/>', 'application/xcap-caps+xml')).status).toBe(403);
    expect((await alice.delete(caps)).status).toBe(403);
    expect((await alice.put(globalUri(root(), 'resource-lists'), list('global'), RL)).status).toBe(403);
  });

  it('GET of xcap-caps (global): 200 listing every AUID of the registry', async () => {
    const response = await alice.get(globalUri(root(), 'xcap-caps'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/xcap-caps+xml');
    etagOf(response);
    const auids = [...response.text.matchAll(/<auid>([^<]*)<\/auid>/g)].map((m) => m[1]);
    // xcap-error is a body format (RFC 4825 §11), not an application usage a client can address.
    expect(auids).toEqual(applicationUsages.map((u) => u.auid).filter((auid) => auid !== 'xcap-error'));
    expect(response.text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<xcap-caps xmlns="urn:ietf:params:xml:ns:xcap-caps">\n {2}<auids>\n/);
  });

  it("xcap-directory lists alice's documents with their current ETags, and none of bob's", async () => {
    const lists = xcapUri(root(), { auid: 'resource-lists', xui: ALICE.xui });
    const rules = xcapUri(root(), { auid: 'pres-rules', xui: ALICE.xui });
    await alice.put(lists, list('first'), RL);
    const listsEtag = etagOf(await alice.put(lists, list('second'), RL));
    const rulesEtag = etagOf(await alice.put(rules, '<ruleset xmlns="urn:ietf:params:xml:ns:common-policy"/>', 'application/auth-policy+xml'));
    await bob.put(xcapUri(root(), { auid: 'rls-services', xui: BOB.xui }), '<rls-services xmlns="urn:ietf:params:xml:ns:rls-services"/>', 'application/rls-services+xml');

    const directory = xcapUri(root(), { auid: 'org.openmobilealliance.xcap-directory', xui: ALICE.xui, name: 'directory.xml' });
    const response = await alice.get(directory);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.oma.xcap-directory+xml');
    const entries = [...response.text.matchAll(/<entry uri="([^"]*)" etag="([^"]*)"/g)].map((m) => ({ uri: m[1], etag: `"${m[2]}"` }));
    expect(entries).toEqual([
      { uri: lists, etag: listsEtag },
      { uri: rules, etag: rulesEtag },
    ]);
    expect(response.text).toContain('<folder auid="rls-services"/>');
    expect((await bob.get(directory)).status).toBe(403);
  });
});

describe('authentication-proxy mode (X-3GPP-Asserted-Identity, TS 24.141 §6.2.3)', () => {
  const asserted = { 'X-3GPP-Asserted-Identity': '<sip:alice@example.com>' };

  it('from a trusted proxy address, a request without Authorization is served as the asserted user', async () => {
    const sandbox = await startTestSandbox({ trustedProxies: ['127.0.0.1'] });
    try {
      const lists = xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: ALICE.xui });
      const created = await sandbox.endpoint.send('PUT', lists, { body: list('proxied'), headers: { ...asserted, 'Content-Type': RL } });
      expect(created.status).toBe(201);
      const read = await sandbox.endpoint.send('GET', lists, { headers: asserted });
      expect([read.status, read.text]).toEqual([200, list('proxied')]);
      // Served as alice, so bob's tree is out of reach.
      expect((await sandbox.endpoint.send('GET', xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: BOB.xui }), { headers: asserted })).status).toBe(403);
      expect(sandbox.log.at(-2)).toMatch(/ 127\.0\.0\.1 sip:alice@example\.com GET \/xcap-root\/resource-lists\/users\/sip:alice@example\.com\/index 200 /);
    } finally {
      await sandbox.close();
    }
  });

  it('from an address that is not a trusted proxy, the header is ignored: 401', async () => {
    const sandbox = await startTestSandbox({ trustedProxies: ['192.0.2.1'] });
    try {
      const lists = xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: ALICE.xui });
      const response = await sandbox.endpoint.send('PUT', lists, { body: list('forged'), headers: { ...asserted, 'Content-Type': RL } });
      expect(response.status).toBe(401);
      const alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
      expect((await alice.get(lists)).status).toBe(404);
    } finally {
      await sandbox.close();
    }
  });
});
