/**
 * Issue 4: 1,000 sequential GETs of one document through the XCAP client (keep-alive) against
 * Debian's curl fetching the same 1,000 URLs in one invocation (one connection, reused). Both
 * authenticate the same way (authentication-proxy mode) against a sandbox server in its own process.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { planRequest } from '../shared/xcap/plan';
import { parseXcapUri } from '../shared/xcap/uri';
import { NoAuthenticator } from '../electron/client/auth';
import { createTransport } from '../electron/client/transport/transport';
import { XcapClient } from '../electron/client/xcap-client';

const BIN = resolve(import.meta.dirname, '../bin/xcap.js');
const COUNT = 1000;

export async function clientVersusCurl(): Promise<{ clientMs: number; curlMs: number }> {
  const data = mkdtempSync(join(tmpdir(), 'xcap-client-bench-'));
  const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', '--data', data, '--trusted-proxy', '127.0.0.1', '--demo', '--quiet'], { stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const root = await new Promise<string>((ok, fail) => {
      createInterface({ input: child.stdout }).once('line', ok);
      child.once('exit', (code) => fail(new Error(`sandbox exited with ${code}`)));
    });
    const url = `${root}/resource-lists/users/sip:alice@example.com/index`;
    const identity = { 'X-3GPP-Asserted-Identity': '<sip:alice@example.com>' };
    const client = new XcapClient({ dispatcher: createTransport(), authenticator: new NoAuthenticator(), headers: identity });
    const plan = planRequest({ method: 'GET', uri: parseXcapUri(url) });
    // Best of three runs each, after a warm-up: the machine is shared and noisy, the figure is the
    // cost of the code path, not of whatever else runs at that moment.
    for (let i = 0; i < 300; i++) await client.send(plan);
    let clientMs = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      for (let i = 0; i < COUNT; i++) {
        const response = await client.send(plan);
        if (response.status !== 200) throw new Error(`client GET answered ${response.status}`);
      }
      clientMs = Math.min(clientMs, performance.now() - start);
    }

    const config = join(data, 'curl.cfg');
    writeFileSync(config, Array.from({ length: COUNT }, () => `url = "${url}"\noutput = "/dev/null"\n`).join(''));
    execFileSync('curl', ['-s', '-H', `X-3GPP-Asserted-Identity: ${identity['X-3GPP-Asserted-Identity']}`, '-K', config]); // warm-up run
    let curlMs = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      execFileSync('curl', ['-s', '--fail', '-H', `X-3GPP-Asserted-Identity: ${identity['X-3GPP-Asserted-Identity']}`, '-K', config]);
      curlMs = Math.min(curlMs, performance.now() - start);
    }
    return { clientMs, curlMs };
  } finally {
    child.kill('SIGINT');
    await new Promise((done) => child.once('exit', done));
    rmSync(data, { recursive: true, force: true });
  }
}
