import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from './index';
import { decode, tempDirectory, text } from './test-support/temp-store';

const ALICE = 'resource-lists/users/sip:alice@example.com/index';
const ALICE_FILE = 'resource-lists/users/sip%3Aalice%40example.com/index=';
const journals = (directory: string) => readdirSync(directory).filter((name) => name.startsWith('.journal-'));

describe('DocumentStore write-behind (journal, then files)', () => {
  it('acknowledges a write before its file exists, serves it from memory, and the checkpoint writes the file', async () => {
    const directory = tempDirectory();
    const store = await DocumentStore.open(directory, { checkpointDelayMs: 60_000, cacheEntries: 0 });
    await store.write(ALICE, text('v1'));
    await store.write(ALICE, text('v2'));
    expect(existsSync(join(directory, ALICE_FILE))).toBe(false);
    expect(decode((await store.read(ALICE))?.bytes)).toBe('v2'); // no cache: from the pending state
    await store.checkpoint();
    expect(existsSync(join(directory, ALICE_FILE))).toBe(true);
    await store.delete(ALICE);
    expect(await store.read(ALICE)).toBeNull();
    await store.close();
    expect(existsSync(join(directory, ALICE_FILE))).toBe(false);
    expect(journals(directory)).toEqual([]); // a clean close leaves no journal
  });

  it('a store opened on a journal another run left (no checkpoint, no close) replays it', async () => {
    const directory = tempDirectory();
    const crashed = await DocumentStore.open(directory, { checkpointDelayMs: 60_000 });
    await crashed.write(ALICE, text('acknowledged'));
    await crashed.write('mime/users/sip:alice@example.com/photo', text('png'), 'image/png');
    await crashed.delete('mime/users/sip:alice@example.com/photo');
    expect(journals(directory)).toHaveLength(1);
    // The first store is abandoned as a crash would leave it.
    const reopened = await DocumentStore.open(directory);
    expect(decode((await reopened.read(ALICE))?.bytes)).toBe('acknowledged');
    expect(await reopened.read('mime/users/sip:alice@example.com/photo')).toBeNull();
    expect((await reopened.list()).map((entry) => entry.key)).toEqual([ALICE]);
    await reopened.close();
  });

  it('a listing shows writes not yet checkpointed', async () => {
    const directory = tempDirectory();
    const store = await DocumentStore.open(directory, { checkpointDelayMs: 60_000 });
    await store.write(ALICE, text('v1'));
    expect((await store.listUser('sip:alice@example.com')).map((entry) => entry.key)).toEqual([ALICE]);
    await store.close();
  });

  it('a document whose directory cannot exist fails at once, and the store goes on (checkpoints, listings, other writes)', async () => {
    const directory = tempDirectory();
    writeFileSync(join(directory, 'xcap-caps'), 'a file where a directory would go');
    const store = await DocumentStore.open(directory, { checkpointDelayMs: 60_000 });
    await expect(store.write('xcap-caps/global/index', text('x'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await store.write(ALICE, text('v1'));
    await store.checkpoint();
    expect((await store.list()).map((entry) => entry.key)).toEqual([ALICE]);
    await store.close();
    expect(journals(directory)).toEqual([]);
  });

  it('ignores journal-like names it did not write (more digits than a safe integer)', async () => {
    const directory = tempDirectory();
    writeFileSync(join(directory, '.journal-1234567890123456'), 'not ours');
    const store = await DocumentStore.open(directory);
    await store.close();
    expect(journals(directory)).toEqual(['.journal-1234567890123456']);
  });

  it('checkpoints at once when the journal passes checkpointBytes', async () => {
    const directory = tempDirectory();
    const store = await DocumentStore.open(directory, { checkpointDelayMs: 60_000, checkpointBytes: 1024 });
    await store.write(ALICE, new Uint8Array(2048));
    await expect.poll(() => existsSync(join(directory, ALICE_FILE))).toBe(true);
    await store.close();
  });
});
