/**
 * Load figures for the sandbox XCAP server (issue 3): GET of a document and PUT of an element at 32
 * concurrent connections, a fixed number of requests each run. The server runs in its own process
 * (`xcap sandbox`), autocannon in this one. Requests authenticate through the authentication-proxy
 * mode (X-3GPP-Asserted-Identity from a trusted address, TS 24.141 6.2.3): a load generator cannot
 * answer Digest challenges, and the proxy mode is how a production Ut deployment fronts the server.
 * SANDBOX_NODE_OPTIONS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to the server process
 * as NODE_OPTIONS, to profile it under load.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon, { type Client } from 'autocannon';

const CONNECTIONS = 32;
const USERS = CONNECTIONS;
const BIN = resolve(import.meta.dirname, '../bin/xcap.js');

export interface LoadFigure {
  readonly label: string;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
}

const listDocument = (n: number) => `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends">
${Array.from({ length: 20 }, (_, i) => `    <entry uri="sip:friend${i}@example.com"><display-name>Friend ${i} of ${n}</display-name></entry>`).join('\n')}
  </list>
</resource-lists>
`;

export async function sandboxLoad(amount = 20_000): Promise<LoadFigure[]> {
  const data = mkdtempSync(join(tmpdir(), 'xcap-load-'));
  const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', '--data', data, '--trusted-proxy', '127.0.0.1', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...(process.env.SANDBOX_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SANDBOX_NODE_OPTIONS } : {}) } });
  try {
    const root = await new Promise<string>((ok, fail) => {
      createInterface({ input: child.stdout }).once('line', ok);
      child.once('exit', (code) => fail(new Error(`sandbox exited with ${code}`)));
    });
    const user = (n: number) => `sip:user${n}@example.com`;
    const documentUrl = (n: number) => `${root}/resource-lists/users/${user(n)}/index`;
    const headers = (n: number) => ({ 'X-3GPP-Asserted-Identity': `<${user(n)}>` });
    for (let n = 0; n < USERS; n++) {
      const response = await fetch(documentUrl(n), { method: 'PUT', headers: { ...headers(n), 'Content-Type': 'application/resource-lists+xml' }, body: listDocument(n) });
      if (response.status !== 201) throw new Error(`seeding user ${n}: ${response.status} ${await response.text()}`);
    }
    const elementPath = (n: number) =>
      new URL(`${documentUrl(n)}/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B@uri=%22sip:load@example.com%22%5D`).pathname;
    const figures: LoadFigure[] = [];
    figures.push(await run('GET document (1 KiB resource list)', root, amount, (client, n) => client.setRequests([{ method: 'GET', path: new URL(documentUrl(n)).pathname, headers: headers(n) }])));
    figures.push(
      await run('PUT element (replace an entry, durable write)', root, Math.round(amount / 2), (client, n) =>
        client.setRequests([
          {
            method: 'PUT',
            path: elementPath(n),
            headers: { ...headers(n), 'Content-Type': 'application/xcap-el+xml' },
            body: '<entry uri="sip:load@example.com"><display-name>Load</display-name></entry>',
          },
        ]),
      ),
    );
    return figures;
  } finally {
    child.kill('SIGINT');
    await new Promise((done) => child.once('exit', done));
    rmSync(data, { recursive: true, force: true });
  }
}


async function run(label: string, root: string, amount: number, setup: (client: Client, n: number) => void): Promise<LoadFigure> {
  let next = 0;
  const result = await autocannon({
    url: new URL(root).origin,
    connections: CONNECTIONS,
    amount,
    setupClient: (client: Client) => setup(client, next++ % USERS),
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  // Requests over wall time: autocannon's per-second average is coarse for runs of a few seconds.
  return { label, requests: result.requests.total, requestsPerSecond: result.requests.total / result.duration, p99Ms: result.latency.p99, errors };
}
