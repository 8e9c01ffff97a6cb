/**
 * HTTPS mode: a self-signed certificate kept in <data>/tls, whose SHA-256 fingerprint the server
 * reports; clients that trust it talk Digest or Basic; Basic is never accepted over plain HTTP.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Agent } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer } from '../../electron/sandbox/sandbox-server';
import { DigestSession, Endpoint } from './test-support/http';
import { ALICE, globalUri, startTestSandbox, xcapUri, type TestSandbox } from './test-support/sandbox';

const RL = 'application/resource-lists+xml';
const basic = (username: string, password: string) => `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

describe('HTTPS (tls: true)', () => {
  let sandbox: TestSandbox;
  let agent: Agent;
  let endpoint: Endpoint;
  beforeAll(async () => {
    sandbox = await startTestSandbox({ tls: true });
    agent = new Agent({ ca: await readFile(join(sandbox.dataDirectory, 'tls', 'cert.pem'), 'utf8'), keepAlive: true });
    endpoint = new Endpoint(sandbox.server.rootUrl, agent);
  });
  afterAll(async () => {
    agent.destroy();
    await sandbox.close();
  });

  it('serves https://127.0.0.1:<port>/xcap-root and reports the SHA-256 fingerprint of <data>/tls/cert.pem', async () => {
    expect(sandbox.server.rootUrl).toBe(`https://127.0.0.1:${sandbox.server.port}/xcap-root`);
    const certificate = new X509Certificate(await readFile(join(sandbox.dataDirectory, 'tls', 'cert.pem')));
    expect(sandbox.server.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(sandbox.server.fingerprint256).toBe(certificate.fingerprint256);
  });

  it('a client that does not trust the certificate cannot connect', async () => {
    const untrusting = new Endpoint(sandbox.server.rootUrl, new Agent({ keepAlive: false }));
    await expect(untrusting.send('GET', globalUri(sandbox.server.rootUrl, 'xcap-caps'))).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('the 401 offers Digest (SHA-256, MD5) and Basic', async () => {
    const response = await endpoint.send('GET', globalUri(sandbox.server.rootUrl, 'xcap-caps'));
    expect(response.status).toBe(401);
    const challenges = response.headersDistinct['www-authenticate'] ?? [];
    expect(challenges.map((value) => value.split(/[ ,]/)[0])).toEqual(['Digest', 'Digest', 'Basic']);
    expect(challenges[2]).toBe('Basic realm="xcap-console-sandbox", charset="UTF-8"');
  });

  it('a Digest client trusting the certificate writes and reads a document', async () => {
    const alice = new DigestSession(endpoint, ALICE.username, ALICE.password);
    const uri = xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: ALICE.xui });
    const document = '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="tls"/></resource-lists>';
    expect((await alice.put(uri, document, RL)).status).toBe(201);
    const read = await alice.get(uri);
    expect([read.status, read.headers['content-type'], read.text]).toEqual([200, RL, document]);
  });

  it('Basic works over TLS, and a wrong Basic password is 401', async () => {
    const caps = globalUri(sandbox.server.rootUrl, 'xcap-caps');
    const ok = await endpoint.send('GET', caps, { headers: { Authorization: basic(ALICE.username, ALICE.password) } });
    expect([ok.status, ok.headers['content-type']]).toEqual([200, 'application/xcap-caps+xml']);
    expect(sandbox.log.at(-1)).toMatch(/ sip:alice@example\.com GET \/xcap-root\/xcap-caps\/global\/index 200 /);
    expect((await endpoint.send('GET', caps, { headers: { Authorization: basic(ALICE.username, 'wrong') } })).status).toBe(401);
  });

  it('keeps its certificate across restarts (same fingerprint from the same data directory)', async () => {
    const again = await startSandboxServer({ dataDirectory: sandbox.dataDirectory, port: 0, tls: true });
    try {
      expect(again.fingerprint256).toBe(sandbox.server.fingerprint256);
    } finally {
      await again.close();
    }
  });
});

describe('plain HTTP', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('refuses Basic with 401 and offers Digest only; no fingerprint', async () => {
    expect(sandbox.server.fingerprint256).toBeNull();
    const response = await sandbox.endpoint.send('GET', globalUri(sandbox.server.rootUrl, 'xcap-caps'), { headers: { Authorization: basic(ALICE.username, ALICE.password) } });
    expect(response.status).toBe(401);
    expect((response.headersDistinct['www-authenticate'] ?? []).map((value) => value.split(' ')[0])).toEqual(['Digest', 'Digest']);
  });
});
