/**
 * Load figures for the sandbox XCAP server (issue 3): GET of a document and PUT of an element at 32
 * concurrent connections, a fixed number of requests each run. The server runs in its own process
 * (`xcap sandbox`). Requests authenticate through the authentication-proxy mode
 * (X-3GPP-Asserted-Identity from a trusted address, TS 24.141 6.2.3): a load generator cannot
 * answer Digest challenges, and the proxy mode is how a production Ut deployment fronts the server.
 *
 * The load generator is Debian's `wrk` when installed (`apt install wrk`; C, one thread, or
 * XCAP_WRK_THREADS: it leaves the server most of a shared 2-core machine), else autocannon (Node,
 * in this process). Every PUT
 * carries a different display-name, so every PUT really changes the document (new bytes, new ETag,
 * a durable write); XCAP_LOAD_SAME_BODY=1 sends one body over and over instead. Each measured run
 * follows an unmeasured warm-up of the same kind.
 * The server runs with the Node options of the `xcap` command's first line (bin/xcap.js), as the
 * command runs when started on its own.
 * XCAP_LOAD_GENERATOR=autocannon forces autocannon; XCAP_LOAD_ONLY=GET or PUT runs one of the two. SANDBOX_NODE_OPTIONS (e.g. "--cpu-prof
 * --cpu-prof-dir=/tmp/prof") is passed to the server process as NODE_OPTIONS, to profile it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon, { type Client } from 'autocannon';

const CONNECTIONS = 32;
const USERS = CONNECTIONS;
const WARM_UP = 3_000;
const WRK_THREADS = Number(process.env.XCAP_WRK_THREADS ?? 1);
const BIN = resolve(import.meta.dirname, '../bin/xcap.js');
const WRK_SCRIPT = resolve(import.meta.dirname, 'wrk/xcap-load.lua');
const WRK = '/usr/bin/wrk';

export interface LoadFigure {
  readonly label: string;
  readonly generator: 'wrk' | 'autocannon';
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  /** The rest of the latency distribution where the generator reports it (wrk): a tail far above the median points at pauses rather than load. */
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly max: number } | null;
  readonly errors: number;
  /** CPU time of the server per request, in µs (Linux /proc; null elsewhere): all threads, and its main thread alone. */
  readonly serverCpuUs: { readonly process: number; readonly mainThread: number } | null;
  /** CPU time of the load generator (wrk) per request, where measurable: its share of the same cores. */
  readonly generatorCpuUs: number | null;
  /** Share of the machine's CPU time the hypervisor gave to other guests during the run (Linux /proc/stat "steal"), in %; null elsewhere. */
  readonly stolenPercent: number | null;
}

type Operation = 'GET' | 'PUT';

const listDocument = (n: number) => `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends">
${Array.from({ length: 20 }, (_, i) => `    <entry uri="sip:friend${i}@example.com"><display-name>Friend ${i} of ${n}</display-name></entry>`).join('\n')}
  </list>
</resource-lists>
`;

const user = (n: number) => `sip:user${n}@example.com`;
const documentPath = (n: number) => `/xcap-root/resource-lists/users/${user(n)}/index`;
const elementPath = (n: number) => `${documentPath(n)}/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B@uri=%22sip:load@example.com%22%5D`;
const identity = (n: number) => ({ 'X-3GPP-Asserted-Identity': `<${user(n)}>` });
const entryBody = (name: string) => `<entry uri="sip:load@example.com"><display-name>${name}</display-name></entry>`;

export function loadGenerator(): 'wrk' | 'autocannon' {
  return process.env.XCAP_LOAD_GENERATOR !== 'autocannon' && existsSync(WRK) ? 'wrk' : 'autocannon';
}

export async function sandboxLoad(amount = 20_000): Promise<LoadFigure[]> {
  const data = mkdtempSync(join(tmpdir(), 'xcap-load-'));
  const child = spawn(process.execPath, [...commandNodeOptions(), BIN, 'sandbox', '--port', '0', '--data', data, '--trusted-proxy', '127.0.0.1', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...(process.env.SANDBOX_NODE_OPTIONS ? { NODE_OPTIONS: process.env.SANDBOX_NODE_OPTIONS } : {}) } });
  try {
    const root = await new Promise<string>((ok, fail) => {
      createInterface({ input: child.stdout }).once('line', ok);
      child.once('exit', (code) => fail(new Error(`sandbox exited with ${code}`)));
    });
    const origin = new URL(root).origin;
    for (let n = 0; n < USERS; n++) {
      const response = await fetch(origin + documentPath(n), { method: 'PUT', headers: { ...identity(n), 'Content-Type': 'application/resource-lists+xml' }, body: listDocument(n) });
      if (response.status !== 201) throw new Error(`seeding user ${n}: ${response.status} ${await response.text()}`);
    }
    const vary = process.env.XCAP_LOAD_SAME_BODY !== '1';
    const run = loadGenerator() === 'wrk' ? runWrk : runAutocannon;
    // Each measured run follows an unmeasured one of WARM_UP requests of the same kind: the
    // figures are of a server that has compiled its hot paths (V8 tiers code up after a few
    // thousand calls), as a server is after its first seconds of traffic.
    // Server CPU per request: a steadier figure than requests per second on a shared machine.
    const measured = async (label: string, operation: Operation, count: number): Promise<LoadFigure> => {
      await run('warm-up', origin, operation, WARM_UP, vary);
      const before = cpuTicks(child.pid);
      const machineBefore = machineTicks();
      const figure = await run(label, origin, operation, count, vary);
      const after = cpuTicks(child.pid);
      const machineAfter = machineTicks();
      const stolenPercent = machineBefore && machineAfter ? Math.round((1000 * (machineAfter.steal - machineBefore.steal)) / Math.max(1, machineAfter.total - machineBefore.total)) / 10 : null;
      const perRequest = (ticks: number) => Math.round((ticks * 1e6) / TICKS_PER_SECOND / figure.requests);
      return { ...figure, stolenPercent, serverCpuUs: before && after ? { process: perRequest(after.process - before.process), mainThread: perRequest(after.mainThread - before.mainThread) } : null };
    };
    const only = process.env.XCAP_LOAD_ONLY?.toUpperCase();
    const figures: LoadFigure[] = [];
    if (only !== 'PUT') figures.push(await measured('GET document (2 KiB resource list, 20 entries)', 'GET', amount));
    if (only !== 'GET') figures.push(await measured(`PUT element (${vary ? 'a new display-name each time' : 'the same entry each time'}, durable write)`, 'PUT', Math.round(amount / 2)));
    return figures;
  } finally {
    child.kill('SIGINT');
    await new Promise((done) => child.once('exit', done));
    rmSync(data, { recursive: true, force: true });
  }
}

/**
 * The machine's CPU time so far, all of it and the part stolen by the hypervisor, from /proc/stat;
 * null where there is none. On a shared virtual machine, other guests taking the cores is one of
 * the things that move these figures from run to run.
 */
function machineTicks(): { total: number; steal: number } | null {
  if (!existsSync('/proc/stat')) return null;
  // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": guest time is already in user.
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '').trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: fields.reduce((sum, ticks) => sum + ticks, 0), steal: fields[7] ?? 0 };
}

/** The Node options on bin/xcap.js's first line (`#!/usr/bin/env -S node --option ...`). */
function commandNodeOptions(): string[] {
  const words = (readFileSync(BIN, 'utf8').split('\n', 1)[0] ?? '').split(/\s+/);
  const node = words.indexOf('node');
  return node < 0 ? [] : words.slice(node + 1);
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process and of its main thread, from /proc; null where there is no /proc. */
function cpuTicks(pid: number | undefined): { process: number; mainThread: number } | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return null;
  // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
  const ticks = (path: string) => {
    const fields = readFileSync(path, 'utf8').split(')').pop()?.trim().split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]);
  };
  return { process: ticks(`/proc/${pid}/stat`), mainThread: ticks(`/proc/${pid}/task/${pid}/stat`) };
}

async function runWrk(label: string, origin: string, operation: Operation, amount: number, vary: boolean): Promise<LoadFigure> {
  const perThread = Math.ceil(amount / WRK_THREADS);
  // -d is only a ceiling: each thread stops after its share of responses and says so (see the
  // script); wrk is then interrupted, which makes it print its summary at once.
  const args = ['-t', String(WRK_THREADS), '-c', String(CONNECTIONS), '-d', '300s', '--timeout', '10s', '-s', WRK_SCRIPT, origin, '--', operation, String(USERS), String(perThread), String(WRK_THREADS), vary ? 'vary' : 'same'];
  const wrk = spawn(WRK, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const threads: { startUs: number; endUs: number }[] = [];
  let summary: number[] | null = null;
  let generatorTicks: number | null = null;
  let output = '';
  createInterface({ input: wrk.stdout }).on('line', (line) => {
    output += line + '\n';
    const [tag, ...fields] = line.split(' ');
    if (tag === 'XCAP-THREAD') {
      const [, startUs, endUs] = fields.map(Number) as [number, number, number];
      threads.push({ startUs, endUs });
      if (threads.length === WRK_THREADS) {
        generatorTicks = cpuTicks(wrk.pid)?.process ?? null;
        wrk.kill('SIGINT');
      }
    } else if (tag === 'XCAP-LOAD') summary = fields.map(Number);
  });
  await new Promise((done) => wrk.once('close', done));
  if (!summary || threads.length < WRK_THREADS) throw new Error(`wrk did not finish its requests:\n${output}`);
  const [requests, , p99Ms, socketErrors, non2xx, p50, p90, max] = summary as [number, number, number, number, number, number, number, number];
  const seconds = (Math.max(...threads.map((t) => t.endUs)) - Math.min(...threads.map((t) => t.startUs))) / 1e6;
  const generatorCpuUs = generatorTicks === null ? null : Math.round((generatorTicks * 1e6) / TICKS_PER_SECOND / requests);
  return { label, generator: 'wrk', requests, requestsPerSecond: requests / seconds, p99Ms, latencyMs: { p50, p90, max }, errors: socketErrors + non2xx, serverCpuUs: null, generatorCpuUs, stolenPercent: null };
}

async function runAutocannon(label: string, origin: string, operation: Operation, amount: number, vary: boolean): Promise<LoadFigure> {
  let next = 0;
  let sent = 0;
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    amount,
    setupClient: (client: Client) => {
      const n = next++ % USERS;
      if (operation === 'GET') return client.setRequests([{ method: 'GET', path: documentPath(n), headers: identity(n) }]);
      const headers = { ...identity(n), 'Content-Type': 'application/xcap-el+xml' };
      const body = () => entryBody(vary ? `Load ${n}-${sent++}` : 'Load');
      client.setRequests([{ method: 'PUT', path: elementPath(n), headers, body: body(), setupRequest: (request) => ({ ...request, body: body() }) }]);
    },
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  // Requests over wall time: autocannon's per-second average is coarse for runs of a few seconds.
  return { label, generator: 'autocannon', requests: result.requests.total, requestsPerSecond: result.requests.total / result.duration, p99Ms: result.latency.p99, latencyMs: { p50: result.latency.p50, p90: result.latency.p90, max: result.latency.max }, errors, serverCpuUs: null, generatorCpuUs: null, stolenPercent: null };
}
