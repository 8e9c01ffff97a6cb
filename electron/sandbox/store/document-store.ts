/**
 * The document store of the sandbox XCAP server: documents and MIME objects in a data
 * directory, every acknowledged write durable, every read whole. See index.ts for the layout.
 *
 * Operations on one key run one at a time, in call order (KeyMutex), so an update's callback
 * sees the document as the previous update left it and concurrent read-modify-write cycles
 * lose nothing. A promise resolves only after the change is durable (in the journal, see
 * write-behind.ts), and the cache learns a change only then, so no reader is shown a write that
 * a crash could still undo.
 */
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DocumentCache } from './document-cache';
import { decodeDocumentFile, encodeDocumentFile, type StoredDocument } from './document-file';
import { DirectorySyncer } from './directory-sync';
import { DirectoryMaker, syncDirectory } from './durable-fs';
import { computeEtag } from './etag';
import { fileNameToSegment } from './file-names';
import { listDocuments, type StoreEntry } from './list-documents';
import { StoreError } from './store-error';
import { KeyMutex } from './key-mutex';
import { formatStoreKey, resolveKey, resolvePrefix, type ResolvedKey } from './store-key';
import { directoryPathOf, documentPathOf, walkTree } from './store-tree';
import { checkDecision, type CheckedAction, type UpdateDecision } from './update-decision';
import { WriteBehind, type WriteBehindOptions } from './write-behind';

export interface DocumentStoreOptions extends WriteBehindOptions {
  /** Most documents kept in memory, present or known absent (default 1000; 0 turns the cache off). */
  readonly cacheEntries?: number;
  /** Most document bytes kept in memory (default 32 MiB). */
  readonly cacheBytes?: number;
}

/** What update() hands back: the callback's result and the document's state after the update. */
export interface UpdateResult<T> {
  readonly result: T;
  /** ETag of the document after the update; null when there is none. */
  readonly etag: string | null;
  /** When the document after the update was written; null when there is none. */
  readonly modified: Date | null;
}

/** Decides the fate of a document given its current state (a copy: safe to keep or modify). */
export type UpdateCallback<T> = (current: StoredDocument | null) => UpdateDecision<T> | Promise<UpdateDecision<T>>;

const DEFAULT_CACHE_ENTRIES = 1000;
const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

function checkLimit(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new StoreError('invalid-argument', `options.${name} must be a non-negative integer, not ${String(value)}.`);
  }
  return value as number;
}

/** A copy the caller may keep or modify without touching the cached document. */
function copyOf(document: StoredDocument | null): StoredDocument | null {
  return document === null ? null : { ...document, bytes: new Uint8Array(document.bytes), modified: new Date(document.modified) };
}

/** mkdir -p, then fsync the parent of every directory it created. */
async function createDurably(root: string): Promise<void> {
  const topmost = await mkdir(root, { recursive: true });
  if (topmost === undefined) return;
  for (let directory = root; directory !== topmost; directory = dirname(directory)) await syncDirectory(dirname(directory));
  await syncDirectory(dirname(topmost));
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class DocumentStore {
  private readonly mutex = new KeyMutex();
  private closed = false;
  /** close() completed. */
  private finished = false;

  private constructor(
    /** Absolute path of the data directory. */
    readonly directory: string,
    private readonly cache: DocumentCache,
    private readonly syncer: DirectorySyncer,
    private readonly writes: WriteBehind,
  ) {}

  /**
   * Opens the store in `directory` (created if missing), removes the temporary files a crash
   * may have left and replays its journal. Only one store may have a directory open at a time,
   * in any process.
   */
  static async open(directory: string, options: DocumentStoreOptions = {}): Promise<DocumentStore> {
    if (typeof directory !== 'string' || directory === '') {
      throw new StoreError('invalid-argument', 'The store directory must be a non-empty path.');
    }
    if (options === null || typeof options !== 'object') throw new StoreError('invalid-argument', 'options must be an object.');
    const limits = {
      maxEntries: checkLimit('cacheEntries', options.cacheEntries, DEFAULT_CACHE_ENTRIES),
      maxBytes: checkLimit('cacheBytes', options.cacheBytes, DEFAULT_CACHE_BYTES),
    };
    const root = resolve(directory);
    await createDurably(root);
    for await (const item of walkTree(root, [])) {
      if (item.kind === 'temp') await unlink(item.path); // a file write a crash interrupted: its change is in the journal
    }
    const syncer = new DirectorySyncer();
    const writes = await WriteBehind.open(root, syncer, new DirectoryMaker(root, syncer), options);
    return new DocumentStore(root, new DocumentCache(limits), syncer, writes);
  }

  /** The document under `key`, or null when there is none. Throws StoreError 'invalid-key', 'corrupt-document', 'closed'. */
  async read(key: string): Promise<StoredDocument | null> {
    const resolved = this.resolve(key);
    const cached = this.cache.get(resolved.key);
    if (cached !== undefined) return copyOf(cached);
    return this.mutex.run(resolved.key, async () => copyOf(await this.current(resolved)));
  }

  /**
   * Runs `decide` on the current document and applies its decision, with no other operation on
   * `key` in between; resolves once the change is durable. `decide` must not wait for another
   * operation on the same key (it would wait forever). When `decide` throws, nothing changes and
   * update() rejects with that error. Throws StoreError 'invalid-key', 'invalid-argument' (a
   * malformed decision; a MIME object written without contentType), 'corrupt-document', 'closed'.
   */
  async update<T = undefined>(key: string, decide: UpdateCallback<T>): Promise<UpdateResult<T>> {
    const resolved = this.resolve(key);
    if (typeof decide !== 'function') throw new StoreError('invalid-argument', 'update() needs a callback.');
    return this.mutex.run(resolved.key, async () => {
      const current = await this.current(resolved);
      const decision: unknown = await decide(copyOf(current));
      const action = checkDecision(decision, resolved.location.namespace === 'mime');
      const result = (decision as { result?: T }).result as T;
      const after = await this.apply(resolved, current, action);
      return { result, etag: after?.etag ?? null, modified: after === null ? null : new Date(after.modified) };
    });
  }

  /** Stores `bytes` under `key` (contentType is required for MIME objects); resolves to the new ETag once durable. */
  async write(key: string, bytes: Uint8Array, contentType?: string): Promise<string> {
    const { etag } = await this.update(key, () => (contentType === undefined ? { write: bytes } : { write: bytes, contentType }));
    return etag as string;
  }

  /** Removes the document under `key`; resolves to whether there was one, once durable. */
  async delete(key: string): Promise<boolean> {
    return (await this.update(key, (current) => ({ delete: true, result: current !== null }))).result;
  }

  /**
   * The documents whose key starts with the segments of `prefix` ('' for all), sorted by key:
   * `resource-lists/users/sip:alice@example.com` lists that user's resource-lists documents.
   */
  async list(prefix = ''): Promise<StoreEntry[]> {
    this.checkOpen();
    await this.writes.checkpoint(); // listings read the files
    return listDocuments(this.directory, resolvePrefix(prefix).segments);
  }

  /** Every document and MIME object of user `xui` (decoded, e.g. sip:alice@example.com), across all AUIDs, sorted by key. */
  async listUser(xui: string): Promise<StoreEntry[]> {
    this.checkOpen();
    if (typeof xui !== 'string') throw new StoreError('invalid-argument', 'The XUI must be a string.');
    formatStoreKey({ namespace: 'mime', xui, path: ['x'] }); // the same checks as in a key
    await this.writes.checkpoint(); // listings read the files
    const entries: StoreEntry[] = [];
    for (const auid of await this.topLevelSegments()) entries.push(...(await listDocuments(this.directory, [auid, 'users', xui])));
    return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** Writes every change acknowledged so far to the document files (normally done within a second, behind the journal). */
  async checkpoint(): Promise<void> {
    this.checkOpen();
    await this.writes.checkpoint();
  }

  /** Waits for the operations already started; any later call rejects with StoreError 'closed'. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.finished) return;
    await this.mutex.idle();
    await this.writes.close(); // when this fails (a last checkpoint could not write), a second close() tries again
    await this.syncer.close();
    this.finished = true;
  }

  private checkOpen(): void {
    if (this.closed) throw new StoreError('closed', `The document store in ${this.directory} is closed.`);
  }

  private resolve(key: string): ResolvedKey {
    this.checkOpen();
    return resolveKey(key);
  }

  /** The AUIDs (and "mime") that have a directory. */
  private async topLevelSegments(): Promise<string[]> {
    const names = await readdir(directoryPathOf(this.directory, []), { withFileTypes: true });
    return names.filter((entry) => entry.isDirectory()).flatMap((entry) => fileNameToSegment(entry.name) ?? []);
  }

  /** The current document of a key, from the cache or the disk. Call under the key's mutex. */
  private async current(resolved: ResolvedKey): Promise<StoredDocument | null> {
    const cached = this.cache.get(resolved.key);
    if (cached !== undefined) return cached;
    const pending = this.writes.pending(resolved.key);
    if (pending !== undefined) return pending;
    const path = documentPathOf(this.directory, resolved.segments);
    let document: StoredDocument | null;
    try {
      document = decodeDocumentFile(await readFile(path), path);
    } catch (error) {
      if (!isMissing(error)) throw error;
      document = null;
    }
    this.cache.set(resolved.key, document);
    return document;
  }

  /** Carries out a checked decision; the document after it. Call under the key's mutex. */
  private async apply(resolved: ResolvedKey, current: StoredDocument | null, action: CheckedAction): Promise<StoredDocument | null> {
    if (action.kind === 'keep') return current;
    try {
      if (action.kind === 'delete') {
        if (current !== null) await this.writes.commit(resolved, null, null);
        this.cache.set(resolved.key, null);
        return null;
      }
      const { bytes, contentType } = action;
      const etag = computeEtag(bytes, contentType);
      const document: StoredDocument = { bytes, etag, ...(contentType === undefined ? {} : { contentType }), modified: new Date() };
      const file = encodeDocumentFile(document);
      // Keep the copy inside `file`, not the caller's array, which the caller may reuse.
      const written = { ...document, bytes: file.subarray(file.byteLength - bytes.byteLength) };
      await this.writes.commit(resolved, file, written);
      this.cache.set(resolved.key, written);
      return written;
    } catch (error) {
      // The journal may or may not hold the change: let the next operation look again.
      this.cache.delete(resolved.key);
      throw error;
    }
  }
}
