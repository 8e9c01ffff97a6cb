import { existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStore, isStoreError } from './index';
import { decode, openTempStore, tempDirectory, text } from './test-support/temp-store';

const ALICE = 'resource-lists/users/sip:alice@example.com/index';
const ALICE_DIR = 'resource-lists/users/sip%3Aalice%40example.com';
const LIST = '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>';

describe('DocumentStore: read, write, delete', () => {
  it('stores bytes and answers them with a strong ETag and the write time', async () => {
    const { store } = await openTempStore();
    expect(await store.read(ALICE)).toBeNull();
    const before = Date.now();
    const etag = await store.write(ALICE, text(LIST), 'application/resource-lists+xml');
    const document = await store.read(ALICE);
    expect(etag).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(document).toMatchObject({ etag, contentType: 'application/resource-lists+xml' });
    expect(decode(document?.bytes)).toBe(LIST);
    expect(document?.modified.getTime()).toBeGreaterThanOrEqual(before);
    expect(await store.delete(ALICE)).toBe(true);
    expect(await store.delete(ALICE)).toBe(false);
    expect(await store.read(ALICE)).toBeNull();
  });

  it('keeps documents, ETags and write times across a restart', async () => {
    const { store, directory } = await openTempStore();
    const etag = await store.write(ALICE, text(LIST));
    const written = await store.read(ALICE);
    await store.close();
    const reopened = await DocumentStore.open(directory);
    expect(await reopened.read(ALICE)).toEqual(written);
    expect((await reopened.read(ALICE))?.etag).toBe(etag);
  });

  it('derives the ETag from bytes and content type: same representation, same ETag', async () => {
    const { store } = await openTempStore();
    const first = await store.write(ALICE, text(LIST));
    expect(await store.write(ALICE, text(LIST + ' '))).not.toBe(first);
    expect(await store.write(ALICE, text(LIST))).toBe(first);
    const key = 'mime/users/sip:alice@example.com/photo';
    const png = await store.write(key, text('bytes'), 'image/png');
    expect(await store.write(key, text('bytes'), 'image/jpeg')).not.toBe(png);
  });

  it('hands out copies: changing them changes nothing stored', async () => {
    const { store } = await openTempStore();
    const bytes = text('abc');
    await store.write(ALICE, bytes);
    bytes[0] = 0x7a;
    const read = await store.read(ALICE);
    read?.bytes.fill(0x21);
    expect(decode((await store.read(ALICE))?.bytes)).toBe('abc');
  });

  it('stores a MIME object with its content type in the same file, and requires the type', async () => {
    const { store, directory } = await openTempStore();
    const key = 'mime/users/sip:alice@example.com/avatars/Me.PNG';
    await store.write(key, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00]), 'image/png');
    await store.checkpoint(); // the file follows the journal within a second; now
    const file = readFileSync(join(directory, 'mime/users/sip%3Aalice%40example.com/avatars/%4De.%50%4E%47='));
    const newline = file.indexOf(0x0a);
    expect(JSON.parse(file.subarray(0, newline).toString())).toMatchObject({ format: 'xcap-store/1', length: 6, contentType: 'image/png' });
    expect([...file.subarray(newline + 1)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x00]);
    await expect(store.write(key, text('x'))).rejects.toThrow(/with its contentType/);
    await expect(store.write(key, text('x'), 'not a type')).rejects.toThrow(/media type/);
    await expect(store.write(key, text('x'), 'text/plain; charset="utf-8"')).resolves.toBeTypeOf('string');
  });

  it('refuses keys that would leave the directory, and stores odd ones inside it', async () => {
    const parent = tempDirectory();
    const store = await DocumentStore.open(join(parent, 'data'));
    for (const key of ['../escape/global/x', 'a/global/../../../escape', 'a/global/%2E%2E/%2E%2E/escape', 'a/global/.', 'a/global/x%00y', '/etc/global/passwd']) {
      await expect(store.write(key, text('pwned')), key).rejects.toSatisfy((error) => isStoreError(error, 'invalid-key'));
    }
    const odd = ['a\\..\\..\\escape/global/x', 'a/users/..%2F..%2Fescape/x', 'a/global/%2F..%2F..%2Fescape', 'C:/global/AUX', 'a/global/.hidden.'];
    for (const key of odd) {
      await store.write(key, text(key));
      expect(decode((await store.read(key))?.bytes)).toBe(key);
    }
    // Listed in canonical spelling: "\\" is not a path character of a URI.
    expect((await store.list()).map((entry) => entry.key)).toEqual(
      ['C:/global/AUX', 'a%5C..%5C..%5Cescape/global/x', 'a/global/%2F..%2F..%2Fescape', 'a/global/.hidden.', 'a/users/..%2F..%2Fescape/x'],
    );
    expect(readdirSync(parent)).toEqual(['data']);
    const names = readdirSync(join(parent, 'data'), { recursive: true, encoding: 'utf8' }).flatMap((path) => path.split(/[\\/]/));
    // Only the store's own journal starts with a dot.
    expect(names.filter((name) => (name.startsWith('.') && !/^\.journal-\d+$/.test(name)) || /[\\:*?"<>|]/.test(name))).toEqual([]);
  });

  it('lets a document and a directory of the same name coexist', async () => {
    const { store } = await openTempStore();
    await store.write('a/global/x', text('document x'));
    await store.write('a/global/x/y', text('document x/y'));
    expect(decode((await store.read('a/global/x'))?.bytes)).toBe('document x');
    expect((await store.list('a/global')).map((entry) => entry.key)).toEqual(['a/global/x', 'a/global/x/y']);
  });
});

describe('DocumentStore: recovery and damage', () => {
  it('sweeps leftover temporary files at open and never lists foreign files', async () => {
    const { store, directory } = await openTempStore();
    await store.write(ALICE, text(LIST));
    await store.close();
    const dir = join(directory, ALICE_DIR);
    writeFileSync(join(dir, '.tmp-0123456789abcdef'), 'half a docu');
    writeFileSync(join(dir, 'notes.txt'), 'a foreign file');
    writeFileSync(join(dir, 'Index='), 'not canonical');
    mkdirSync(join(directory, 'Foreign'));
    const reopened = await DocumentStore.open(directory);
    expect(existsSync(join(dir, '.tmp-0123456789abcdef'))).toBe(false);
    expect((await reopened.list()).map((entry) => entry.key)).toEqual([ALICE]);
  });

  it('reports a damaged file on read and leaves it out of listings', async () => {
    const { store, directory } = await openTempStore();
    await store.write(ALICE, text(LIST));
    await store.write('resource-lists/users/sip:alice@example.com/other', text(LIST));
    await store.close();
    truncateSync(join(directory, ALICE_DIR, 'index='), 40);
    const reopened = await DocumentStore.open(directory);
    await expect(reopened.read(ALICE)).rejects.toSatisfy((error) => isStoreError(error, 'corrupt-document'));
    expect((await reopened.list()).map((entry) => entry.key)).toEqual(['resource-lists/users/sip:alice@example.com/other']);
  });
});

describe('DocumentStore: listings', () => {
  it('lists below a prefix, and one user across AUIDs and MIME objects', async () => {
    const { store } = await openTempStore();
    await store.write(ALICE, text(LIST), 'application/resource-lists+xml');
    await store.write('pres-rules/users/sip:alice@example.com/index', text('<ruleset/>'));
    await store.write('mime/users/sip:alice@example.com/photo.png', text('png'), 'image/png');
    await store.write('resource-lists/users/sip:bob@example.com/index', text(LIST));
    await store.write('xcap-caps/global/index', text('<xcap-caps/>'));
    const alice = await store.listUser('sip:alice@example.com');
    expect(alice.map((entry) => entry.key)).toEqual([
      'mime/users/sip:alice@example.com/photo.png',
      'pres-rules/users/sip:alice@example.com/index',
      ALICE,
    ]);
    expect(alice[0]).toMatchObject({ contentType: 'image/png', size: 3 });
    expect(alice[2]?.etag).toBe((await store.read(ALICE))?.etag);
    expect((await store.list('resource-lists/users/')).map((entry) => entry.key)).toEqual([ALICE, 'resource-lists/users/sip:bob@example.com/index']);
    expect(await store.list('nothing/here')).toEqual([]);
    expect(await store.list()).toHaveLength(5);
    await expect(store.listUser('..')).rejects.toThrow(/".." segment/);
  });
});

describe('DocumentStore: update decisions', () => {
  it('hands the current document to the callback and its result back', async () => {
    const { store } = await openTempStore();
    const created = await store.update(ALICE, (current) => ({ write: text(LIST), result: current === null ? 201 : 200 }));
    expect(created.result).toBe(201);
    const kept = await store.update(ALICE, (current) => ({ keep: true, result: decode(current?.bytes) }));
    expect(kept).toEqual({ result: LIST, etag: created.etag, modified: created.modified });
    const deleted = await store.update(ALICE, () => ({ delete: true }));
    expect(deleted).toEqual({ result: undefined, etag: null, modified: null });
  });

  it('refuses malformed decisions and changes nothing', async () => {
    const { store } = await openTempStore();
    await store.write(ALICE, text(LIST));
    const bad = [null, {}, { keep: true, delete: true }, { write: 'text' }, { delete: false }, { keep: true, contentType: 'text/plain' }];
    for (const decision of bad) {
      await expect(store.update(ALICE, () => decision as never)).rejects.toSatisfy((error) => isStoreError(error, 'invalid-argument'));
    }
    await expect(store.update(ALICE, 'nope' as never)).rejects.toThrow(/needs a callback/);
    expect(decode((await store.read(ALICE))?.bytes)).toBe(LIST);
  });
});

describe('DocumentStore: cache and lifecycle', () => {
  it('serves recently used documents from memory; without a cache it reads the disk', async () => {
    const cached = await openTempStore();
    const uncached = await openTempStore({ cacheEntries: 0 });
    for (const { store, directory } of [cached, uncached]) {
      await store.write(ALICE, text('v1'));
      await store.checkpoint();
      await store.read(ALICE);
      // Behind the store's back (it is supposed to be the only writer): only a disk read notices.
      writeFileSync(join(directory, ALICE_DIR, 'index='), 'garbage');
    }
    expect(decode((await cached.store.read(ALICE))?.bytes)).toBe('v1');
    await expect(uncached.store.read(ALICE)).rejects.toSatisfy((error) => isStoreError(error, 'corrupt-document'));
    await cached.store.write(ALICE, text('v2'));
    expect(decode((await cached.store.read(ALICE))?.bytes)).toBe('v2');
  });

  it('checks its options and refuses calls once closed', async () => {
    await expect(DocumentStore.open('')).rejects.toThrow(/non-empty path/);
    await expect(DocumentStore.open(tempDirectory(), { cacheBytes: -1 })).rejects.toThrow(/cacheBytes/);
    const { store } = await openTempStore();
    const pending = store.write(ALICE, text(LIST));
    await store.close();
    await expect(pending).resolves.toBeTypeOf('string');
    await expect(store.read(ALICE)).rejects.toSatisfy((error) => isStoreError(error, 'closed'));
    await expect(store.list()).rejects.toSatisfy((error) => isStoreError(error, 'closed'));
  });
});
