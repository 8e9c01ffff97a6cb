/**
 * The sandbox BSF and HSS over HTTP, driven by hand (raw Digest AKA requests): challenges, RES,
 * AUTS re-synchronisation, and the refusals. The client side is tested in client/auth/gba-sandbox.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { akaDigestResponse } from '../../gba/aka-digest';
import { decodeAkaNonce } from '../../gba/aka-nonce';
import { parseBootstrappingInfo } from '../../gba/bootstrap-info';
import { SoftUsim } from '../../gba/usim';
import { startSandboxServer, type SandboxServer } from '../sandbox-server';
import { parseSubscriberFlag } from './subscriber';

const K = '465b5ce8b199b49faa5f0a2ee238a6bc';
const OPC = 'cd63cb71954a9f4e48a5994e37a02baf';
const IMPI = '234150999999999@ims.mnc015.mcc234.3gppnetwork.org';
const REALM = 'ims.mnc015.mcc234.3gppnetwork.org';

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ dataDirectory: mkdtempSync(join(tmpdir(), 'xcap-bsf-')), gba: { subscribers: [parseSubscriberFlag(`${IMPI}=${K}:${OPC}:000000000020`)] } });
});
afterAll(() => server.close());

async function get(authorization?: string): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(server.bsfUrl ?? '', { headers: authorization === undefined ? {} : { Authorization: authorization } });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

const identity = (impi = IMPI) => `Digest username="${impi}", realm="${REALM}", nonce="", uri="/bsf", response=""`;

function answer(nonce: string, password: Uint8Array, extra = ''): string {
  const input = { username: IMPI, realm: REALM, password, nonce, method: 'GET', uri: '/bsf', qop: 'auth-int' as const, nc: '00000001', cnonce: 'abc', body: null };
  return `Digest username="${IMPI}", realm="${REALM}", uri="/bsf", algorithm=AKAv1-MD5, nonce="${nonce}", nc=00000001, cnonce="abc", qop=auth-int, response="${akaDigestResponse(input)}"${extra}`;
}

async function challenge(): Promise<{ nonce: string; rand: Buffer; autn: Buffer }> {
  const first = await get(identity());
  expect(first.status).toBe(401);
  const header = first.headers.get('www-authenticate') ?? '';
  expect(header).toMatch(/^Digest realm="ims\.mnc015\.mcc234\.3gppnetwork\.org", nonce="[^"]+", algorithm=AKAv1-MD5, qop="auth-int"$/);
  const nonce = /nonce="([^"]+)"/.exec(header)?.[1] ?? '';
  const decoded = decodeAkaNonce(nonce);
  return { nonce, rand: decoded?.rand ?? Buffer.alloc(16), autn: decoded?.autn ?? Buffer.alloc(16) };
}

describe('the sandbox BSF (GET /bsf)', () => {
  it('challenges with a fresh AV (SQN_HE + 1) and answers a right RES with BootstrappingInfo', async () => {
    const before = server.bsf?.subscriber(IMPI)?.sqn ?? 0;
    const { nonce, rand, autn } = await challenge();
    expect(server.bsf?.subscriber(IMPI)?.sqn).toBe(before + 1);
    const result = new SoftUsim(Buffer.from(K, 'hex'), Buffer.from(OPC, 'hex')).authenticate(rand, autn);
    expect(result.kind === 'ok' && result.sqn).toBe(before + 1);
    if (result.kind !== 'ok') return;
    const done = await get(answer(nonce, result.res));
    expect([done.status, done.headers.get('content-type')]).toEqual([200, 'application/vnd.3gpp.bsf+xml']);
    const info = parseBootstrappingInfo(done.body);
    expect(info.btid).toBe(`${rand.toString('base64')}@127.0.0.1`);
    expect(info.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
    expect(server.bsf?.lookup(info.btid)?.impi).toBe(IMPI);
    // A challenge is answered once.
    expect((await get(answer(nonce, result.res))).status).toBe(401);
  });

  it('re-synchronises from a valid AUTS and refuses a forged one', async () => {
    const usim = new SoftUsim(Buffer.from(K, 'hex'), Buffer.from(OPC, 'hex'), 2 ** 40);
    const { nonce, rand, autn } = await challenge();
    const result = usim.authenticate(rand, autn);
    expect(result.kind).toBe('sync-failure');
    if (result.kind !== 'sync-failure') return;
    const forged = Buffer.from(result.auts);
    forged[0] = (forged[0] ?? 0) ^ 1;
    const second = await challenge();
    const refused = await get(answer(second.nonce, new Uint8Array(0), `, auts="${forged.toString('base64')}"`));
    expect(refused.status).toBe(403);
    const resynced = await get(answer(nonce, new Uint8Array(0), `, auts="${result.auts.toString('base64')}"`));
    expect(resynced.status).toBe(401);
    expect(server.bsf?.subscriber(IMPI)?.sqn).toBe(2 ** 40 + 1); // SQN_MS, then the fresh AV
  });

  it('refuses a wrong RES, an unknown IMPI and a request without the IMPI', async () => {
    const { nonce } = await challenge();
    expect((await get(answer(nonce, Buffer.alloc(8)))).status).toBe(403);
    expect((await get(identity('nobody@ims.mnc015.mcc234.3gppnetwork.org'))).status).toBe(403);
    expect((await get()).status).toBe(400);
  });

  it('the XCAP root asks for GBA only (realm 3GPP-bootstrapping@host, MD5) when no password users exist', async () => {
    const response = await fetch(`${server.rootUrl}/xcap-caps/global/index`);
    expect(response.status).toBe(401);
    const challenges = response.headers.get('www-authenticate') ?? '';
    expect(challenges).toMatch(/^Digest realm="3GPP-bootstrapping@127\.0\.0\.1", qop="auth", algorithm=MD5, nonce=/);
    expect(challenges).not.toContain('xcap-console-sandbox');
  });
});

describe('--subscriber IMPI=K_HEX:OPC_HEX[:SQN_HEX]', () => {
  it('reads IMPI, keys and SQN; the IMPU defaults to sip:IMPI; keys never print', () => {
    const subscriber = parseSubscriberFlag(`${IMPI}=${K}:${OPC}:ff`);
    expect([subscriber.impi, subscriber.sqn, subscriber.impus]).toEqual([IMPI, 255, [`sip:${IMPI}`]]);
    expect(`${String(subscriber)} ${JSON.stringify(subscriber)} ${inspect(subscriber)}`).not.toMatch(/465b5ce8|cd63cb71/);
    expect(parseSubscriberFlag(`${IMPI}=${K}:${OPC}`, ['tel:+4401234']).impus).toEqual(['tel:+4401234']);
  });

  it('refuses malformed values without quoting the keys', () => {
    for (const bad of [`${IMPI}`, `nobody=${K}:${OPC}`, `${IMPI}=${K}`, `${IMPI}=${K}:${OPC}:xyz`, `${IMPI}=${K}:${OPC}:1:2`, `${IMPI}=${K}00:${OPC}`]) {
      let message = '';
      try {
        parseSubscriberFlag(bad);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, bad).not.toBe('');
      expect(message).not.toContain(K);
    }
  });
});
