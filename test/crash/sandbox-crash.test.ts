/**
 * Crash safety of the sandbox server as a whole: a real `xcap sandbox` process takes concurrent
 * element PUTs on several documents and is killed with SIGKILL mid-stream. After a restart on the
 * same data directory every acknowledged (2xx) write must be there and every document must parse.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { loadXcapDocument } from '../../shared/xcap/edit';

const BIN = resolve(import.meta.dirname, '../../bin/xcap.js');
const DOCUMENTS = 4;
const WRITERS_PER_DOCUMENT = 4;
const xui = (d: number) => `sip:crash${d}@example.com`;
const identity = (d: number) => ({ 'X-3GPP-Asserted-Identity': `<${xui(d)}>` });

function startSandbox(data: string): Promise<{ child: ChildProcess; root: string }> {
  const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0', '--data', data, '--trusted-proxy', '127.0.0.1', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (root) => ok({ child, root }));
    child.once('exit', (code) => fail(new Error(`sandbox exited early (${code})`)));
  });
}

const documentUrl = (root: string, d: number) => `${root}/resource-lists/users/${xui(d)}/index`;
const entryUrl = (root: string, d: number, uri: string) => `${documentUrl(root, d)}/~~/resource-lists/list%5B@name=%22load%22%5D/entry%5B@uri=%22${uri}%22%5D`;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('sandbox server under SIGKILL', () => {
  it.each([1, 2])('keeps every acknowledged write (round %i)', async () => {
    const data = mkdtempSync(join(tmpdir(), 'xcap-crash-'));
    dirs.push(data);
    const first = await startSandbox(data);
    for (let d = 0; d < DOCUMENTS; d++) {
      const created = await fetch(documentUrl(first.root, d), {
        method: 'PUT',
        headers: { ...identity(d), 'Content-Type': 'application/resource-lists+xml' },
        body: '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">\n  <list name="load"/>\n</resource-lists>\n',
      });
      expect(created.status).toBe(201);
    }
    const acknowledged = new Map<number, string[]>(Array.from({ length: DOCUMENTS }, (_, d) => [d, []]));
    const killAfter = 80 + Math.floor(Math.random() * 120);
    let total = 0;
    let killed = false;
    const writer = async (d: number, w: number) => {
      for (let n = 0; !killed; n++) {
        const uri = `sip:w${w}-n${n}@example.com`;
        try {
          const response = await fetch(entryUrl(first.root, d, uri), { method: 'PUT', headers: { ...identity(d), 'Content-Type': 'application/xcap-el+xml' }, body: `<entry uri="${uri}"/>` });
          await response.arrayBuffer();
          if (response.status === 201) acknowledged.get(d)?.push(uri);
          else throw new Error(`unexpected ${response.status}`);
        } catch (error) {
          if (killed) return;
          throw error;
        }
        if (++total >= killAfter && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: DOCUMENTS * WRITERS_PER_DOCUMENT }, (_, i) => writer(i % DOCUMENTS, i)));
    await new Promise((done) => (first.child.exitCode !== null || first.child.signalCode !== null ? done(null) : first.child.once('exit', done)));
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startSandbox(data);
    try {
      for (let d = 0; d < DOCUMENTS; d++) {
        const response = await fetch(documentUrl(second.root, d), { headers: identity(d) });
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(() => loadXcapDocument(text)).not.toThrow();
        const missing = (acknowledged.get(d) ?? []).filter((uri) => !text.includes(`"${uri}"`));
        expect(missing, `document ${d} lost acknowledged writes`).toEqual([]);
      }
      expect([...acknowledged.values()].flat().length).toBeGreaterThanOrEqual(killAfter - DOCUMENTS * WRITERS_PER_DOCUMENT);
    } finally {
      second.child.kill('SIGINT');
      await new Promise((done) => second.child.once('exit', done));
    }
  }, 60_000);
});
