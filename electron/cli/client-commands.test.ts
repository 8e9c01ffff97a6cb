/** `xcap get|put|delete|caps|ls` end to end: the real bin against a real sandbox server. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinOfPem } from '../client/transport/tls';
import type { SandboxServer } from '../sandbox/sandbox-server';
import { startSandboxServer } from '../sandbox/sandbox-server';

const BIN = resolve(import.meta.dirname, '../../bin/xcap.js');
const dir = mkdtempSync(join(tmpdir(), 'xcap-client-cli-'));

function xcap(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

let server: SandboxServer;
let tlsServer: SandboxServer;
let doc: string;
const alice = { XCAP_PASSWORD: 'alice' };
beforeAll(async () => {
  server = await startSandboxServer({ dataDirectory: join(dir, 'plain'), demo: true });
  tlsServer = await startSandboxServer({ dataDirectory: join(dir, 'tls'), demo: true, tls: true });
  doc = `${server.rootUrl}/resource-lists/users/sip:alice@example.com/index`;
});
afterAll(async () => {
  await server.close();
  await tlsServer.close();
});

describe('xcap get / put / delete', () => {
  it('GET prints the body and exits 0; --json prints status, headers, etag and body', async () => {
    const plain = await xcap(['get', doc, '--user', 'sip:alice@example.com'], alice);
    expect([plain.code, plain.stdout.includes('Presence_fellows')]).toEqual([0, true]);
    const json = await xcap(['get', `${doc}/~~/resource-lists/list/@name`, '--user', 'sip:alice@example.com', '--json'], alice);
    const parsed = JSON.parse(json.stdout);
    expect([parsed.status, parsed.body, typeof parsed.etag, parsed.headers['content-type']]).toEqual([200, 'Presence_fellows', 'string', 'application/xcap-att+xml']);
  });
  it('builds the URI from --root --auid --sel --user, encoding the selector like the request plan', async () => {
    const out = await xcap(['get', '--root', server.rootUrl, '--auid', 'resource-lists', '--sel', 'resource-lists/list[@name="Presence_fellows"]/entry[1]/@uri', '--user', 'sip:alice@example.com'], alice);
    expect([out.code, out.stdout]).toEqual([0, 'sip:bob@example.com\n']);
  });
  it('PUT with --if-match of the current ETag succeeds; a stale ETag gives 412 with the server version, exit 4', async () => {
    const { stdout } = await xcap(['get', doc, '--user', 'sip:alice@example.com', '--json'], alice);
    const etag = JSON.parse(stdout).etag as string;
    const uri = `${doc}/~~/resource-lists/list[@name="Presence_fellows"]/entry[@uri="sip:carol@example.com"]`;
    const created = await xcap(['put', uri, '--user', 'sip:alice@example.com', '--stdin', '--if-match', etag], alice, '<entry uri="sip:carol@example.com"/>');
    expect(created.code).toBe(0);
    const stale = await xcap(['put', uri, '--user', 'sip:alice@example.com', '--stdin', '--if-match', etag], alice, '<entry uri="sip:carol@example.com"/>');
    expect(stale.code).toBe(4);
    expect(stale.stderr).toContain('412');
    expect(stale.stderr).toContain('the document changed since you read it');
    const deleted = await xcap(['delete', uri, '--user', 'sip:alice@example.com'], alice);
    expect(deleted.code).toBe(0);
  });
  it('a 409 exits 4 and shows the xcap-error', async () => {
    const file = join(dir, 'dup.xml');
    writeFileSync(file, '<list name="Presence_fellows"/>');
    const out = await xcap(['put', `${doc}/~~/resource-lists/list[2]`, '--user', 'sip:alice@example.com', '--file', file], alice);
    expect(out.code).toBe(4);
    expect(out.stderr).toContain('uniqueness-failure');
  });
  it('a wrong password exits 3 with advice; the password appears nowhere', async () => {
    const out = await xcap(['get', doc, '--user', 'sip:alice@example.com'], { XCAP_PASSWORD: 'wrong-secret-123' });
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('check the password');
    expect(out.stdout + out.stderr).not.toContain('wrong-secret-123');
  });
  it('reads the password from --password-stdin', async () => {
    const out = await xcap(['get', doc, '--user', 'sip:alice@example.com', '--password-stdin'], {}, 'alice\n');
    expect(out.code).toBe(0);
  });
  it('a refused connection exits 3; bad usage exits 2', async () => {
    expect((await xcap(['get', 'http://127.0.0.1:1/xcap-root/resource-lists/users/sip:a@b/index'])).code).toBe(3);
    expect((await xcap(['put', doc])).code).toBe(2);
  });
});

describe('TLS options', () => {
  it('an untrusted sandbox certificate exits 3; --cacert with the matching --pin works; a wrong pin exits 3', async () => {
    const url = `${tlsServer.rootUrl}/resource-lists/users/sip:alice@example.com/index`;
    const cert = join(dir, 'tls', 'tls', 'cert.pem');
    const untrusted = await xcap(['get', url, '--user', 'sip:alice@example.com'], alice);
    expect([untrusted.code, untrusted.stderr.includes('--cacert')]).toEqual([3, true]);
    const pin = pinOfPem(readFileSync(cert, 'utf8'));
    expect((await xcap(['get', url, '--user', 'sip:alice@example.com', '--cacert', cert, '--pin', pin], alice)).code).toBe(0);
    const wrong = await xcap(['get', url, '--user', 'sip:alice@example.com', '--cacert', cert, '--pin', `sha256/${'B'.repeat(43)}=`], alice);
    expect([wrong.code, wrong.stderr.includes('pinned')]).toEqual([3, true]);
    expect((await xcap(['get', url, '--user', 'sip:alice@example.com', '--cacert', cert, '--auth', 'basic'], alice)).code).toBe(0);
  });
});

describe('caps and ls', () => {
  it('caps prints the xcap-caps document; ls the xcap-directory with the user documents', async () => {
    const caps = await xcap(['caps', server.rootUrl, '--user', 'sip:alice@example.com'], alice);
    expect([caps.code, caps.stdout.includes('<auid>resource-lists</auid>')]).toEqual([0, true]);
    const ls = await xcap(['ls', server.rootUrl, '--user', 'sip:alice@example.com'], alice);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain('resource-lists/users/sip:alice@example.com/index');
  });
});

describe('-v and --har', () => {
  it('show every exchange (the 401 and the retry) with credentials redacted; the HAR is valid JSON without secrets', async () => {
    const har = join(dir, 'session.har');
    const out = await xcap(['get', doc, '--user', 'sip:alice@example.com', '-v', '--har', har], { XCAP_PASSWORD: 'alice' });
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(/> GET \/xcap-root\/resource-lists\/users\/sip:alice@example.com\/index HTTP\/1.1/);
    expect(out.stderr).toContain('< HTTP/1.1 401');
    expect(out.stderr).toContain('< HTTP/1.1 200');
    const log = JSON.parse(readFileSync(har, 'utf8')) as { log: { version: string; entries: { request: { headers: { name: string; value: string }[] }; response: { status: number } }[] } };
    expect(log.log.version).toBe('1.2');
    expect(log.log.entries.map((e) => e.response.status)).toEqual([401, 200]);
    const authorization = log.log.entries[1]?.request.headers.find((h) => h.name.toLowerCase() === 'authorization')?.value ?? '';
    expect(authorization).toMatch(/^Digest /);
    expect(authorization).not.toMatch(/response="[0-9a-f]{32,}"/);
    const everything = out.stdout + out.stderr + readFileSync(har, 'utf8');
    expect(everything).not.toMatch(/response="[0-9a-f]{32,}"/);
    expect(everything).not.toContain('XCAP_PASSWORD=alice');
  });
});
