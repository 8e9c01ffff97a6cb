/**
 * Child process of crash.test.ts: opens the store in argv[2] and appends numbered lines to a
 * few documents forever, several updates in flight per document, printing "ACK <key> <n>" only
 * after update() resolved. The test kills it with SIGKILL at a random moment.
 *
 *   node --import tsx crash-writer.ts <directory> [checkpointBytes]
 *
 * With checkpointBytes, the store checkpoints whenever its journal passes that many bytes (and
 * 2 ms after any change), so the kill usually lands in a checkpoint.
 */
import { DocumentStore } from '../index';
import { CRASH_KEYS, crashLine, onceKey } from './crash-plan';

/** Updates in flight at once per document: enough to queue up behind the key's mutex. */
const IN_FLIGHT = 4;

const encoder = new TextEncoder();

function appendLine(current: Uint8Array | undefined, n: number): Uint8Array {
  const before = current ?? new Uint8Array(0);
  const line = encoder.encode(crashLine(n));
  const after = new Uint8Array(before.byteLength + line.byteLength);
  after.set(before, 0);
  after.set(line, before.byteLength);
  return after;
}

async function appendForever(store: DocumentStore, key: string): Promise<void> {
  let next = 1;
  const worker = async (): Promise<void> => {
    for (;;) {
      // Numbered and queued in the same tick, so the mutex applies them in number order.
      const n = next++;
      await store.update(key, (current) => ({ write: appendLine(current?.bytes, n), contentType: 'text/plain' }));
      process.stdout.write(`ACK ${key} ${n}\n`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

const directory = process.argv[2];
if (directory === undefined) {
  process.stderr.write('usage: crash-writer.ts <directory>\n');
  process.exit(2);
}
const checkpointBytes = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const store = await DocumentStore.open(directory, checkpointBytes === undefined ? {} : { checkpointBytes, checkpointDelayMs: 2 });
process.stdout.write('READY\n');
async function createForever(): Promise<void> {
  for (let n = 1; ; n++) {
    await store.write(onceKey(n), encoder.encode(crashLine(n)), 'text/plain');
    process.stdout.write(`ONCE ${n}\n`);
  }
}

await Promise.all([...CRASH_KEYS.map((key) => appendForever(store, key)), createForever()]);
