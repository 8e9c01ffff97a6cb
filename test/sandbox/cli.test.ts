/**
 * `xcap sandbox` as scripts use it: the XCAP root URL is the first line of standard output, then
 * the request log; SIGINT stops it cleanly.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestSession, Endpoint } from './test-support/http';
import { xcapUri } from './test-support/sandbox';

const BIN = resolve(import.meta.dirname, '../../bin/xcap.js');

/** Lines of a stream, awaited one at a time. */
class Lines {
  private readonly buffered: string[] = [];
  private waiting: ((line: string) => void) | null = null;

  constructor(stream: Readable) {
    createInterface({ input: stream }).on('line', (line) => {
      if (this.waiting) {
        const wake = this.waiting;
        this.waiting = null;
        wake(line);
      } else this.buffered.push(line);
    });
  }

  next(timeoutMs = 10_000): Promise<string> {
    const line = this.buffered.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('no line on standard output')), timeoutMs);
      this.waiting = (text) => {
        clearTimeout(timer);
        ok(text);
      };
    });
  }
}

describe('xcap sandbox --demo', () => {
  let data: string;
  let child: ChildProcessByStdio<null, Readable, Readable>;
  let stdout: Lines;
  let stderr = '';
  let root: string;

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'xcap-sandbox-cli-'));
    child = spawn(process.execPath, [BIN, 'sandbox', '--demo', '--data', data, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    stdout = new Lines(child.stdout);
  });
  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await rm(data, { recursive: true, force: true });
  });

  it('prints exactly the XCAP root URL as its first line', async () => {
    root = await stdout.next();
    expect(root).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/xcap-root$/);
  });

  it("serves alice's demo resource list to alice (Digest, alice/alice), then logs the requests", async () => {
    const alice = new DigestSession(new Endpoint(root), 'alice@example.com', 'alice');
    const uri = xcapUri(root, { auid: 'resource-lists', xui: 'sip:alice@example.com' });
    const response = await alice.get(uri);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/resource-lists+xml');
    expect(response.text).toContain('<list name="Presence_fellows">');

    // After the root URL, one line per request (the handshake's 401 first); the user list goes to stderr.
    const target = new Endpoint(root).target(uri).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(await stdout.next()).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+Z 127\\.0\\.0\\.1 - GET ${target} 401 \\d+\\.\\dms$`));
    expect(await stdout.next()).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\S+Z 127\\.0\\.0\\.1 sip:alice@example\\.com GET ${target} 200 \\d+\\.\\dms$`));
  });

  it('exits 0 on SIGINT', async () => {
    child.kill('SIGINT');
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect([code, signal]).toEqual([0, null]);
    expect(stderr).toBe('users: sip:alice@example.com, sip:bob@example.com\nsandbox stopped\n');
  });
});

describe('xcap sandbox --tls', () => {
  it('prints the https root URL, then the fingerprint of the certificate it keeps in <data>/tls', async () => {
    const data = await mkdtemp(join(tmpdir(), 'xcap-sandbox-cli-tls-'));
    const child = spawn(process.execPath, [BIN, 'sandbox', '--tls', '--user', 'sip:carol@example.com=carol', '--data', data, '--port', '0'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const stdout = new Lines(child.stdout);
      expect(await stdout.next()).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/xcap-root$/);
      const fingerprint = new X509Certificate(await readFile(join(data, 'tls', 'cert.pem'))).fingerprint256;
      expect(await stdout.next()).toBe(`TLS certificate SHA-256 fingerprint: ${fingerprint}`);
      child.kill('SIGINT');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await once(child, 'exit');
      }
      await rm(data, { recursive: true, force: true });
    }
  });
});
