/**
 * The journal's failure paths, with the disk's failures injected at the system-call boundary
 * (test-support/fs-faults.ts: node:fs's writev, fdatasync and rename fail on demand): a
 * failed group is refused and cut back off the file, later appends are refused, the store moves to
 * a new journal, and what a restart replays is exactly what was acknowledged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentStore } from './index';
import { encodeRecord, JournalFile, readJournal } from './journal';
import { clearFaults, faults } from './test-support/fs-faults';
import { decode, tempDirectory, text } from './test-support/temp-store';

vi.mock('node:fs', async (importOriginal) => (await import('./test-support/fs-faults')).withFaults(await importOriginal()));

afterEach(clearFaults);

const ALICE = 'resource-lists/users/sip:alice@example.com/index';
const ALICE_FILE = 'resource-lists/users/sip%3Aalice%40example.com/index=';
const BOB = 'resource-lists/users/sip:bob@example.com/index';
const journals = (directory: string) => readdirSync(directory).filter((name) => name.startsWith('.journal-')).sort();
const record = (n: number) => ({ key: `resource-lists/users/sip:alice@example.com/d${n}`, file: text(`document ${n}`) });

describe('JournalFile when the disk fails', () => {
  it('an fdatasync that fails rejects its group and every append after it, and cuts the file back to what was acknowledged', async () => {
    const path = join(tempDirectory(), '.journal-1');
    const journal = await JournalFile.create(path);
    await journal.append(record(1));
    faults.fdatasync.push('EIO');
    const failed = [journal.append(record(2)), journal.append(record(3))];
    for (const append of failed) await expect(append).rejects.toMatchObject({ code: 'EIO' });
    await expect(journal.append(record(4))).rejects.toMatchObject({ code: 'EIO' });
    await journal.close();
    expect(await readJournal(path)).toEqual([record(1)]);
    expect(readFileSync(path).byteLength).toBe(encodeRecord(record(1)).byteLength);
  });

  it('a write that stops part-way (disk full) leaves no partial record behind', async () => {
    const path = join(tempDirectory(), '.journal-1');
    const journal = await JournalFile.create(path);
    await journal.append(record(1));
    faults.writev.push({ bytes: 10, code: 'ENOSPC' });
    await expect(journal.append(record(2))).rejects.toMatchObject({ code: 'ENOSPC' });
    await journal.close();
    expect(await readJournal(path)).toEqual([record(1)]);
    expect(readFileSync(path).byteLength).toBe(encodeRecord(record(1)).byteLength);
  });
});

describe('DocumentStore when the disk fails', () => {
  it('fails that write, keeps serving the acknowledged version, moves to a new journal, and a restart replays only acknowledged writes', async () => {
    const directory = tempDirectory();
    const store = await DocumentStore.open(directory, { checkpointDelayMs: 60_000 });
    await store.write(ALICE, text('v1'));
    faults.fdatasync.push('EIO');
    await expect(store.write(ALICE, text('v2 (never acknowledged)'))).rejects.toMatchObject({ code: 'EIO' });
    expect(decode((await store.read(ALICE))?.bytes)).toBe('v1');
    // The failure starts a checkpoint by itself: a new journal, the old one gone once the files
    // have what it acknowledged. Writes succeed again.
    await expect.poll(() => journals(directory)).toEqual(['.journal-2']);
    await store.write(BOB, text('bob v1'));
    await store.write(ALICE, text('v3'));
    // Abandoned without a close, as a crash would leave it: a new store replays the journal.
    const reopened = await DocumentStore.open(directory);
    expect(decode((await reopened.read(ALICE))?.bytes)).toBe('v3');
    expect(decode((await reopened.read(BOB))?.bytes)).toBe('bob v1');
    await reopened.close();
  });

  it('a checkpoint that cannot write a document file keeps the change pending and its journal, and the next checkpoint finishes', async () => {
    const { directory, store } = await checkpointFailedOnce();
    expect(existsSync(join(directory, ALICE_FILE))).toBe(false);
    expect(journals(directory)).toEqual(['.journal-1', '.journal-2']);
    expect(decode((await store.read(ALICE))?.bytes)).toBe('v1');
    await store.checkpoint();
    expect(existsSync(join(directory, ALICE_FILE))).toBe(true);
    expect(journals(directory)).toEqual(['.journal-3']); // the two earlier ones are in the files and gone
    await store.close();
    expect(decode((await reopen(directory, ALICE)))).toBe('v1');
  });

  it('a restart after a failed checkpoint replays the journal that checkpoint kept', async () => {
    const { directory } = await checkpointFailedOnce();
    // The store is abandoned as a crash would leave it.
    expect(decode(await reopen(directory, ALICE))).toBe('v1');
  });
});

/** The bytes of `key` as a newly opened store over `directory` reads them (the store is closed again). */
async function reopen(directory: string, key: string): Promise<Uint8Array | undefined> {
  const store = await DocumentStore.open(directory);
  try {
    return (await store.read(key))?.bytes;
  } finally {
    await store.close();
  }
}

/** A store holding ALICE v1 whose checkpoint failed once (a rename refused), and its directory. */
async function checkpointFailedOnce(): Promise<{ directory: string; store: DocumentStore }> {
  const directory = tempDirectory();
  const store = await DocumentStore.open(directory, { checkpointDelayMs: 60_000 });
  await store.write(ALICE, text('v1'));
  faults.rename.push('EIO');
  await expect(store.checkpoint()).rejects.toMatchObject({ code: 'EIO' });
  return { directory, store };
}
