/**
 * Crash safety for real: a child process appends to documents through the store and is killed
 * with SIGKILL at a random moment; the store reopened afterwards must hold every write the child
 * acknowledged, each document whole. (SIGKILL tests what the process can break; a power cut also
 * needs the fsyncs, which this cannot observe.)
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from './index';
import { CRASH_KEYS, crashLine, ONCE_PREFIX, onceKey } from './test-support/crash-plan';
import { tempDirectory } from './test-support/temp-store';

const REPO = resolve(import.meta.dirname, '../../..');
const WRITER = resolve(import.meta.dirname, 'test-support/crash-writer.ts');

/** Runs the writer until it has printed `ackTarget` ACKs, kills it, and returns the highest ACKed n per key (ONCE: of the write-once documents). */
async function runAndKill(directory: string, ackTarget: number, checkpointBytes?: number): Promise<Map<string, number>> {
  const extra = checkpointBytes === undefined ? [] : [String(checkpointBytes)];
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, directory, ...extra], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const acked = new Map<string, number>();
  let acks = 0;
  let pending = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? ''; // a line cut by the kill is no ACK
    for (const line of lines) {
      const once = /^ONCE (\d+)$/.exec(line);
      if (once !== null) acked.set('ONCE', Math.max(acked.get('ONCE') ?? 0, Number(once[1])));
      const match = /^ACK (\S+) (\d+)$/.exec(line);
      if (match === null) continue;
      const [, key = '', n = '0'] = match;
      // Each worker prints in resolve order, which is number order per key: remember the highest.
      acked.set(key, Math.max(acked.get(key) ?? 0, Number(n)));
      if (++acks === ackTarget) child.kill('SIGKILL');
    }
  });
  const { code, signal } = await new Promise<{ code: number | null; signal: string | null }>((done) =>
    child.on('exit', (exitCode, exitSignal) => done({ code: exitCode, signal: exitSignal })),
  );
  expect({ signal, code, stderr }).toEqual({ signal: 'SIGKILL', code: null, stderr: '' });
  expect(acks).toBeGreaterThanOrEqual(ackTarget);
  return acked;
}

function tempFilesBelow(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((path) => path.split(/[\\/]/).some((name) => name.startsWith('.tmp-')));
}

describe('crash safety', () => {
  // Runs 1–3: killed while changes sit in the journal (the files follow a second later).
  // Runs 4–6: checkpoints every few kilobytes, so the kill usually lands in one.
  const runs = [1, 2, 3, 4, 5, 6].map((run) => ({ run, checkpointBytes: run > 3 ? 2048 : undefined }));
  for (const { run, checkpointBytes } of runs) {
    it(`keeps every acknowledged write when killed with SIGKILL (run ${run}${checkpointBytes ? ', frequent checkpoints' : ''})`, async () => {
      const directory = tempDirectory();
      const ackTarget = 50 + Math.floor(Math.random() * 200);
      const acked = await runAndKill(directory, ackTarget, checkpointBytes);

      const store = await DocumentStore.open(directory);
      expect(tempFilesBelow(directory)).toEqual([]); // open() swept what the kill left
      const listed = (await store.list()).map((entry) => entry.key);
      expect(listed.filter((key) => !key.startsWith(ONCE_PREFIX)).every((key) => CRASH_KEYS.includes(key))).toBe(true);
      // Every acknowledged write-once document is there, whole.
      const onceAcked = acked.get('ONCE') ?? 0;
      expect(onceAcked).toBeGreaterThan(0);
      for (let n = 1; n <= onceAcked; n++) {
        const document = await store.read(onceKey(n));
        expect(document === null ? null : new TextDecoder().decode(document.bytes), `write-once document ${n} of ${onceAcked}`).toBe(crashLine(n));
      }

      for (const key of CRASH_KEYS) {
        const document = await store.read(key);
        const highestAck = acked.get(key) ?? 0;
        if (document === null) {
          expect(highestAck).toBe(0);
          continue;
        }
        expect(listed).toContain(key);
        expect(document.contentType).toBe('text/plain');
        const text = new TextDecoder().decode(document.bytes);
        // Whole lines 1..m in order (appends run one at a time, in number order), m ≥ every ACK.
        const count = text.split('\n').length - 1;
        const expected = Array.from({ length: count }, (_, index) => crashLine(index + 1)).join('');
        expect(text === expected, `${key}: ${count} lines, not exactly lines 1..${count}`).toBe(true);
        expect(count).toBeGreaterThanOrEqual(highestAck);
      }
      await store.close();
    });
  }
});
