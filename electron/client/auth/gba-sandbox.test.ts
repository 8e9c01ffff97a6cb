/**
 * GBA end to end over real sockets: the XcapClient with a GbaAuthenticator against the sandbox as
 * BSF (/bsf) and NAF, with the traffic recorder on the same transport.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseXcapUri } from '../../../shared/xcap/uri';
import { SoftUsim } from '../../gba/usim';
import { User } from '../../sandbox/auth';
import { Subscriber } from '../../sandbox/gba/subscriber';
import { startSandboxServer, type SandboxServer } from '../../sandbox/sandbox-server';
import { TrafficRecorder } from '../capture';
import { XcapClientError } from '../client-error';
import { createTransport } from '../transport/transport';
import { XcapClient } from '../xcap-client';
import { GbaAuthenticator } from './gba';

// TS 35.208 test set 1 as the subscriber's USIM.
const K = Buffer.from('465b5ce8b199b49faa5f0a2ee238a6bc', 'hex');
const OPC = Buffer.from('cd63cb71954a9f4e48a5994e37a02baf', 'hex');
const IMPI = '234150999999999@ims.mnc015.mcc234.3gppnetwork.org';
const IMPU = `sip:${IMPI}`;
const LIST = '<?xml version="1.0" encoding="UTF-8"?>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="gba"/></resource-lists>\n';

let server: SandboxServer | null = null;
let recorder: TrafficRecorder | null = null;
afterEach(async () => {
  recorder?.close();
  await server?.close();
  server = null;
});

async function start(options: { sqn?: number; keyLifetimeMs?: number; impus?: string[] } = {}): Promise<SandboxServer> {
  const subscriber = new Subscriber({ impi: IMPI, k: K, opc: OPC, sqn: options.sqn ?? 0, ...(options.impus && { impus: options.impus }) });
  server = await startSandboxServer({
    dataDirectory: mkdtempSync(join(tmpdir(), 'xcap-gba-')),
    gba: { subscribers: [subscriber], ...(options.keyLifetimeMs !== undefined && { keyLifetimeMs: options.keyLifetimeMs }) },
  });
  return server;
}

function gbaClient(sandbox: SandboxServer, options: { k?: Buffer; now?: () => number; headers?: Record<string, string> } = {}) {
  recorder = new TrafficRecorder({ xcapRoot: sandbox.rootUrl });
  const dispatcher = createTransport().compose(recorder.interceptor());
  const authenticator = new GbaAuthenticator({ impi: IMPI, usim: new SoftUsim(options.k ?? K, OPC), dispatcher, bsfUrl: sandbox.bsfUrl ?? '', ...(options.now && { now: options.now }) });
  return { client: new XcapClient({ dispatcher, authenticator, ...(options.headers && { headers: options.headers }) }), authenticator, recorder };
}

const documentOf = (sandbox: SandboxServer, xui = IMPU) => parseXcapUri(`${sandbox.rootUrl}/resource-lists/users/${xui}/index`);
const ubExchanges = (r: TrafficRecorder) => r.list({ reveal: true }).filter((e) => new URL(e.request.url).pathname === '/bsf');
const authorizationOf = (e: { request: { headers: readonly (readonly [string, string])[] } }) => e.request.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1] ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GBA against the sandbox BSF and NAF', () => {
  it('bootstraps on the NAF 401, answers with the B-TID, and reuses the key for later requests', async () => {
    const sandbox = await start();
    const { client, authenticator, recorder } = gbaClient(sandbox);
    const put = await client.send(client.plan('PUT', documentOf(sandbox), LIST));
    expect(put.status).toBe(201);
    const get = await client.send(client.plan('GET', documentOf(sandbox)));
    expect([get.status, get.text()]).toEqual([200, LIST]);
    expect(authenticator.btid).toMatch(/^[A-Za-z0-9+/]{22}==@127\.0\.0\.1$/);
    // Ub: the IMPI request, then the AKA answer; Ua: the 401, the answer, then one preemptive GET.
    const exchanges = recorder.list();
    expect(exchanges.map((e) => `${new URL(e.request.url).pathname === '/bsf' ? 'Ub' : 'Ua'} ${e.response?.status}`)).toEqual(['Ua 401', 'Ub 401', 'Ub 200', 'Ua 201', 'Ua 200']);
    expect(exchanges[1]?.label).toBe('GBA bootstrapping (Ub)');
    const answer = authorizationOf(exchanges[3] ?? { request: { headers: [] } });
    expect(answer).toContain(`username="${authenticator.btid ?? ''}"`);
    expect(answer).toContain('realm="3GPP-bootstrapping@127.0.0.1"');
  });

  it('a wrong K fails with "AUTN MAC mismatch (network not authenticated)" before anything is answered', async () => {
    const sandbox = await start();
    const wrongK = Buffer.from(K);
    wrongK[0] = (wrongK[0] ?? 0) ^ 1;
    const { client, recorder } = gbaClient(sandbox, { k: wrongK });
    const failure = await client.send(client.plan('GET', documentOf(sandbox))).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(XcapClientError);
    expect((failure as XcapClientError).code).toBe('auth');
    expect((failure as Error).message).toContain('AUTN MAC mismatch (network not authenticated)');
    expect(ubExchanges(recorder)).toHaveLength(1);
  });

  it('an SQN out of range triggers exactly one AUTS re-synchronisation, then bootstrapping succeeds', async () => {
    const sandbox = await start({ sqn: 2 ** 28 + 100 }); // beyond Δ from the USIM's SQN_MS = 0
    const { client, recorder } = gbaClient(sandbox);
    expect((await client.send(client.plan('GET', parseXcapUri(`${sandbox.rootUrl}/xcap-caps/global/index`)))).status).toBe(200);
    const ub = ubExchanges(recorder);
    // The IMPI request (401, AKA challenge), the AUTS (401, a fresh challenge), RES (200).
    expect(ub.map((e) => e.response?.status)).toEqual([401, 401, 200]);
    expect(ub.filter((e) => /auts="/.test(authorizationOf(e)))).toHaveLength(1);
    expect(sandbox.bsf?.subscriber(IMPI)?.sqn).toBe(1); // the HSS continued from SQN_MS = 0
  });

  it('an expired key is bootstrapped again before the next request is answered', async () => {
    const sandbox = await start({ keyLifetimeMs: 1000 });
    const { client, recorder } = gbaClient(sandbox);
    expect((await client.send(client.plan('GET', documentOf(sandbox)))).status).toBe(404);
    const first = recorder.list().length;
    await sleep(1100);
    expect((await client.send(client.plan('GET', documentOf(sandbox)))).status).toBe(404);
    const later = recorder.list().slice(first);
    // The expired key is not offered: 401, a new bootstrap, the answer with the new B-TID.
    expect(later.map((e) => `${new URL(e.request.url).pathname === '/bsf' ? 'Ub' : 'Ua'} ${e.response?.status}`)).toEqual(['Ua 401', 'Ub 401', 'Ub 200', 'Ua 404']);
  });

  it('a B-TID the NAF no longer accepts (client clock behind the BSF) triggers one re-bootstrap', async () => {
    const sandbox = await start({ keyLifetimeMs: 1000 });
    const { client, recorder } = gbaClient(sandbox, { now: () => Date.now() - 3_600_000 });
    expect((await client.send(client.plan('GET', documentOf(sandbox)))).status).toBe(404);
    const first = recorder.list().length;
    await sleep(1100);
    expect((await client.send(client.plan('GET', documentOf(sandbox)))).status).toBe(404);
    const later = recorder.list().slice(first);
    // The old B-TID goes preemptively, the NAF refuses it, the client bootstraps and answers again.
    expect(later.map((e) => `${new URL(e.request.url).pathname === '/bsf' ? 'Ub' : 'Ua'} ${e.response?.status}`)).toEqual(['Ua 401', 'Ub 401', 'Ub 200', 'Ua 404']);
    expect(later[0]?.attempt).toBe('initial');
    expect(authorizationOf(later[0] ?? { request: { headers: [] } })).toMatch(/^Digest username=/);
  });

  it('acts as the IMPU named by X-3GPP-Intended-Identity when it belongs to the IMPI, and only then', async () => {
    const sandbox = await start({ impus: [IMPU, 'sip:alice@example.com'] });
    const alice = gbaClient(sandbox, { headers: { 'X-3GPP-Intended-Identity': '"Alice" <sip:alice@example.com>' } }).client;
    expect((await alice.send(alice.plan('PUT', documentOf(sandbox, 'sip:alice@example.com'), LIST))).status).toBe(201);
    recorder?.close();
    const other = gbaClient(sandbox, { headers: { 'X-3GPP-Intended-Identity': '<sip:bob@example.com>' } }).client;
    expect((await other.send(other.plan('GET', documentOf(sandbox, 'sip:bob@example.com')))).status).toBe(403);
  });

  it('refuses a password user that is also a GBA IMPU: GBA users authenticate only through GBA', async () => {
    const subscriber = new Subscriber({ impi: IMPI, k: K, opc: OPC });
    await expect(startSandboxServer({ dataDirectory: mkdtempSync(join(tmpdir(), 'xcap-gba-')), users: [new User(IMPU, 'pw')], gba: { subscribers: [subscriber] } })).rejects.toThrow(/authenticate only through GBA/);
  });
});
