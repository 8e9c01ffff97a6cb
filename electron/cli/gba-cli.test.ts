/**
 * `xcap get|put --auth gba` end to end: the real bin in a child process against the sandbox as BSF
 * and NAF (real sockets), and the promise that no AKA secret reaches any output, capture or file.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeAkaNonce } from '../gba/aka-nonce';
import { deriveKsNaf } from '../gba/kdf';
import { Milenage } from '../gba/milenage';
import { MemoryKeychain } from '../keychain';
import { PROFILES_FILE_NAME, ProfileStore, saveUsimSecrets } from '../profiles';
import { Subscriber } from '../sandbox/gba/subscriber';
import { startSandboxServer, type SandboxServer } from '../sandbox/sandbox-server';
import { Secret } from '../secrets/secret';

const BIN = resolve(import.meta.dirname, '../../bin/xcap.js');
const dir = mkdtempSync(join(tmpdir(), 'xcap-gba-cli-'));
// TS 35.208 test set 1.
const K = '465b5ce8b199b49faa5f0a2ee238a6bc';
const OPC = 'cd63cb71954a9f4e48a5994e37a02baf';
const OP = 'cdc202d5123e20f62b6d676ac72cb318';
const IMPI = '234150999999999@ims.mnc015.mcc234.3gppnetwork.org';
const USIM = { XCAP_USIM_K: K, XCAP_USIM_OPC: OPC };
const LIST = '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="gba"/></resource-lists>';

function xcap(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('XCAP_USIM_') && name !== 'XCAP_PASSWORD'));
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...clean, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

let server: SandboxServer | null = null;
const logLines: string[] = [];
afterEach(async () => {
  await server?.close();
  server = null;
  logLines.length = 0;
});

async function sandbox(options: { sqn?: number; now?: () => number } = {}): Promise<SandboxServer> {
  server = await startSandboxServer({
    dataDirectory: mkdtempSync(join(dir, 'data-')),
    gba: { subscribers: [new Subscriber({ impi: IMPI, k: Buffer.from(K, 'hex'), opc: Buffer.from(OPC, 'hex'), sqn: options.sqn ?? 0 })], ...(options.now && { now: options.now }) },
    log: (line) => void logLines.push(line),
  });
  return server;
}

const gbaArgs = (s: SandboxServer) => ['--auth', 'gba', '--impi', IMPI, '--bsf', s.bsfUrl ?? ''];
const documentUrl = (s: SandboxServer) => `${s.rootUrl}/resource-lists/users/sip:${IMPI}/index`;

describe('xcap get --auth gba against the sandbox BSF and NAF', () => {
  it('PUT and GET succeed with the USIM keys from the environment (OP works as well as OPc)', async () => {
    const s = await sandbox();
    const put = await xcap(['put', documentUrl(s), '--stdin', ...gbaArgs(s)], USIM, LIST);
    expect([put.code, put.stderr]).toEqual([0, '']);
    const get = await xcap(['get', documentUrl(s), ...gbaArgs(s)], { XCAP_USIM_K: K, XCAP_USIM_OP: OP });
    expect([get.code, get.stdout]).toEqual([0, `${LIST}\n`]);
  });

  it('a wrong K fails with "AUTN MAC mismatch (network not authenticated)", exit 3', async () => {
    const s = await sandbox();
    const out = await xcap(['get', documentUrl(s), ...gbaArgs(s)], { ...USIM, XCAP_USIM_K: `${K.slice(0, 31)}d` });
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('AUTN MAC mismatch (network not authenticated)');
  });

  it('an SQN out of range triggers exactly one AUTS re-synchronisation, then succeeds', async () => {
    const s = await sandbox({ sqn: 2 ** 28 + 1000 });
    const out = await xcap(['get', documentUrl(s), ...gbaArgs(s), '-v'], USIM);
    expect(out.code).toBe(4); // authenticated: the document does not exist yet
    expect(out.stderr.match(/^> Authorization: Digest .*auts=<redacted>/gm)).toHaveLength(1);
    expect(out.stderr.match(/^< HTTP\/1\.1 200/gm)).toHaveLength(1); // the BSF's BootstrappingInfo
    // -v decodes the AKA fields of each challenge and names the answers without showing them.
    expect(out.stderr.match(/^\* AKA challenge: RAND [0-9a-f]{32}; AUTN [0-9a-f]{32} = SQN⊕AK [0-9a-f]{12} ‖ AMF 0000 ‖ MAC [0-9a-f]{16}$/gm)).toHaveLength(2);
    expect(out.stderr).toContain('* AKA answer: AUTS (synchronisation failure; redacted)');
    expect(out.stderr).toContain('* AKA answer: RES (redacted)');
    expect(s.bsf?.subscriber(IMPI)?.sqn).toBe(1);
  });

  it('a B-TID that expired at the BSF is refused by the NAF and triggers one re-bootstrap', async () => {
    // The BSF's clock jumps two hours once the first key is issued: that B-TID is expired when the NAF looks it up.
    let skew = 0;
    const s = await sandbox({ now: () => Date.now() + skew });
    // The request log runs right after each response is written, before the client's next request arrives.
    const log = logLines;
    const originalPush = log.push.bind(log);
    log.push = (...lines: string[]) => {
      const n = originalPush(...lines);
      if (lines.some((line) => / \/bsf 200 /.test(line))) skew = 2 * 3_600_000;
      return n;
    };
    try {
      const out = await xcap(['get', documentUrl(s), ...gbaArgs(s), '-v'], USIM);
      expect(out.code).toBe(4);
      const statuses = [...out.stderr.matchAll(/^> GET (\S+) HTTP\/1\.1$|^< HTTP\/1\.1 (\d+)/gm)].map((m) => m[1] ?? m[2]);
      const bsfPath = new URL(s.bsfUrl ?? '').pathname;
      const docPath = new URL(documentUrl(s)).pathname;
      // Ua 401, Ub 401 + 200, Ua with the B-TID refused (401), Ub again 401 + 200, Ua 404.
      expect(statuses).toEqual([docPath, '401', bsfPath, '401', bsfPath, '200', docPath, '401', bsfPath, '401', bsfPath, '200', docPath, '404']);
    } finally {
      log.push = originalPush;
    }
  });

  it('USIM keys given as arguments are refused with advice, exit 2; a missing key is a usage error', async () => {
    const s = await sandbox();
    const out = await xcap(['get', documentUrl(s), ...gbaArgs(s), '--k', K], {});
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('USIM keys are never taken from command-line arguments');
    expect(out.stderr).toContain('XCAP_USIM_K');
    const missing = await xcap(['get', documentUrl(s), ...gbaArgs(s)], {});
    expect([missing.code, missing.stderr.includes('XCAP_USIM_K and XCAP_USIM_OPC')]).toEqual([2, true]);
    const bad = await xcap(['get', documentUrl(s), ...gbaArgs(s)], { ...USIM, XCAP_USIM_OPC: 'zz' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('OPc (XCAP_USIM_OPC) must be hexadecimal');
  });
});

describe('no AKA secret leaks', () => {
  it('K, OPc, CK, IK, Ks, Ks_NAF and RES appear in no output, log, HAR or profile file', async () => {
    const s = await sandbox();
    const har = join(dir, 'gba.har');
    const out = await xcap(['put', documentUrl(s), '--stdin', ...gbaArgs(s), '-v', '--har', har], USIM, LIST);
    expect(out.code).toBe(0);
    const harText = readFileSync(har, 'utf8');

    // A profile with USIM keys: the file holds none of them (they go to the keychain).
    const configDir = mkdtempSync(join(dir, 'config-'));
    const store = await ProfileStore.open(configDir);
    await store.save({ name: 'gba-lab', xcapRoot: s.rootUrl, xui: `sip:${IMPI}`, auth: { method: 'gba', username: IMPI, bsfUrl: s.bsfUrl ?? '' }, tls: {} });
    const keychain = new MemoryKeychain();
    await saveUsimSecrets(keychain, 'gba-lab', { k: new Secret(K), opc: new Secret(OPC) });
    const profileText = readFileSync(join(configDir, PROFILES_FILE_NAME), 'utf8');
    expect(profileText).toContain(IMPI);

    // Every key of this run, recomputed from the RAND in the recorded challenge.
    const har1 = JSON.parse(harText) as { log: { entries: { request: { url: string }; response: { status: number; headers: { name: string; value: string }[] } }[] } };
    const challenge = har1.log.entries.find((e) => e.request.url === s.bsfUrl && e.response.status === 401)?.response.headers.find((h) => h.name.toLowerCase() === 'www-authenticate')?.value ?? '';
    const nonce = decodeAkaNonce(/nonce="([^"]+)"/.exec(challenge)?.[1] ?? '');
    expect(nonce).not.toBeNull();
    const rand = nonce?.rand ?? Buffer.alloc(16);
    const { res, ck, ik } = new Milenage(Buffer.from(K, 'hex'), Buffer.from(OPC, 'hex')).f2345(rand);
    const ks = Buffer.concat([ck, ik]);
    const ksNaf = deriveKsNaf(ks, rand, IMPI, '127.0.0.1');
    const secrets = [Buffer.from(K, 'hex'), Buffer.from(OPC, 'hex'), res, ck, ik, ks, ksNaf].flatMap((bytes) => [bytes.toString('hex'), bytes.toString('hex').toUpperCase(), bytes.toString('base64'), bytes.toString('latin1')]);
    const everything = [out.stdout, out.stderr, harText, profileText, logLines.join('\n')].join('\n');
    for (const secret of secrets) expect(everything.includes(secret), 'a secret in the output').toBe(false);
    // The Digest responses (keyed hashes of RES and of base64(Ks_NAF)) are redacted too.
    expect(everything).not.toMatch(/response="[0-9a-f]{32}"/);
    expect(everything).toContain('response=<redacted>');
  });
});

describe('xcap sandbox --gba', () => {
  it('serves the BSF at /bsf and NAF mode; xcap get --auth gba works against it; bad flags are usage errors', async () => {
    const data = mkdtempSync(join(dir, 'cli-sandbox-'));
    const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', '--data', data, '--quiet', '--gba', '--subscriber', `${IMPI}=${K}:${OPC}`, '--impu', `${IMPI}=sip:alice@example.com`], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const root = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (c: Buffer) => {
          stdout += c.toString();
          if (stdout.includes('\n')) done(stdout.split('\n')[0] ?? '');
        });
        child.on('exit', () => fail(new Error(`sandbox exited: ${stderr}`)));
      });
      const bsf = `${new URL(root).origin}/bsf`;
      const out = await xcap(['get', `${root}/resource-lists/users/sip:alice@example.com/index`, '--auth', 'gba', '--impi', IMPI, '--bsf', bsf, '--intended-identity', 'sip:alice@example.com'], USIM);
      expect(out.code).toBe(4); // 404: authenticated as alice, no document yet
      expect(out.stderr).toContain('404');
      expect(stderr).toContain(`BSF: ${bsf}`);
      expect(stderr).toContain(`${IMPI} → sip:alice@example.com`);
      expect(stderr).not.toContain(K);
    } finally {
      child.kill('SIGTERM');
    }
    const usage = await xcap(['sandbox', '--gba']);
    expect([usage.code, usage.stderr.includes('--gba needs at least one --subscriber')]).toEqual([2, true]);
    const bad = await xcap(['sandbox', '--gba', '--subscriber', `${IMPI}=${K}`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain(K);
  });
});
