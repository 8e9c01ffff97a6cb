/**
 * Durable writes through the journal, document files brought up to date behind them.
 *
 * A committed change is appended to the journal (durable when commit() resolves) and kept in
 * memory as the key's pending state until a checkpoint has written it to its document file.
 * Reads of a key with a pending state must use it (the file is older): see `pending()`.
 *
 * A checkpoint (after `checkpointDelayMs`, or at once when the journal passes `checkpointBytes`;
 * also before a directory listing and on close): starts a new journal file, writes the pending
 * states of the old one to their files durably (the same temporary file, fsync, rename,
 * directory fsync as before the journal existed), then removes the old journal durably. Changes
 * committed meanwhile go to the new journal and wait for the next checkpoint. A key written many
 * times between checkpoints costs one file write.
 *
 * Opening replays what a crash left: the journals in order, the last state of each key written
 * to its file, then the journals removed. Journal files are `.journal-<n>` in the data directory
 * (a leading "." is never a key segment's file name, see file-names.ts).
 */
import { readdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { DirectorySyncer } from './directory-sync';
import { decodeDocumentFile, type StoredDocument } from './document-file';
import { type DirectoryMaker, removeFileDurably, replaceFileDurably, syncDirectory } from './durable-fs';
import { JournalFile, readJournal } from './journal';
import { resolveKey, type ResolvedKey } from './store-key';
import { documentPathOf } from './store-tree';

const JOURNAL_PREFIX = '.journal-';

export interface WriteBehindOptions {
  /** A checkpoint starts this long after the first change it would write (default 1,000 ms). */
  readonly checkpointDelayMs?: number;
  /** A checkpoint starts at once when the journal grows past this (default 16 MiB). */
  readonly checkpointBytes?: number;
}

/** A key's state committed to the journal and not yet to its file: the file bytes and the document they hold, or null (removed). */
interface PendingState {
  readonly file: Uint8Array | null;
  readonly document: StoredDocument | null;
}

function journalNumber(name: string): number | null {
  if (!name.startsWith(JOURNAL_PREFIX)) return null;
  const digits = name.slice(JOURNAL_PREFIX.length);
  return /^[1-9][0-9]{0,14}$/.test(digits) ? Number(digits) : null; // 15 digits: a safe integer
}

export class WriteBehind {
  /** Pending states of the current journal, by canonical key. */
  #pending = new Map<string, PendingState>();
  /** Pending states a running checkpoint is writing (still newer than the files). */
  #writing = new Map<string, PendingState>();
  #journal: JournalFile;
  #nextNumber: number;
  #checkpoint: Promise<void> = Promise.resolve();
  /** Journals taken by checkpoints whose files are not all written yet (a checkpoint failed). */
  #unfinished: string[] = [];
  #timer: NodeJS.Timeout | null = null;
  /** Directories of recently committed keys (see #directoryOf). */
  #directories = new Map<string, string>();
  #closed = false;
  readonly #delayMs: number;
  readonly #maxBytes: number;

  private constructor(
    private readonly root: string,
    private readonly syncer: DirectorySyncer,
    private readonly directories: DirectoryMaker,
    journal: JournalFile,
    nextNumber: number,
    options: WriteBehindOptions,
  ) {
    this.#journal = journal;
    this.#nextNumber = nextNumber;
    this.#delayMs = options.checkpointDelayMs ?? 1_000;
    this.#maxBytes = options.checkpointBytes ?? 16 * 1024 * 1024;
  }

  /** Replays the journals a previous run left, then starts a new one. */
  static async open(root: string, syncer: DirectorySyncer, directories: DirectoryMaker, options: WriteBehindOptions = {}): Promise<WriteBehind> {
    const numbers = (await readdir(root)).flatMap((name) => journalNumber(name) ?? []).sort((a, b) => a - b);
    const last = new Map<string, Uint8Array | null>();
    for (const number of numbers) {
      for (const record of await readJournal(join(root, `${JOURNAL_PREFIX}${number}`))) last.set(record.key, record.file);
    }
    for (const [key, file] of last) await writeToFile(root, key, file, syncer, directories);
    await removeJournals(root, numbers.map((number) => join(root, `${JOURNAL_PREFIX}${number}`)));
    const next = (numbers.at(-1) ?? 0) + 1;
    const journal = await createJournal(root, next);
    return new WriteBehind(root, syncer, directories, journal, next + 1, options);
  }

  /** The state committed for `key` that its file does not have yet; undefined when the file is current. */
  pending(key: string): StoredDocument | null | undefined {
    return (this.#pending.get(key) ?? this.#writing.get(key))?.document;
  }

  /** Commits a change durably: `file` is the document file's new bytes (null: removed). */
  async commit(resolved: ResolvedKey, file: Uint8Array | null, document: StoredDocument | null): Promise<void> {
    if (this.#closed) throw new Error('the store is closed');
    const { key } = resolved;
    // A document whose directory cannot exist (a file in the way, no permission) fails now, as
    // its caller's error, not later in every checkpoint. Known directories cost two lookups.
    if (file !== null) {
      const directory = this.#directoryOf(resolved);
      if (!this.directories.exists(directory)) await this.directories.ensure(directory);
    }
    // The state goes with the journal its record is in: if a checkpoint takes that journal
    // meanwhile, the map is the one it writes (it waits for the journal's appends before it
    // starts, and the set below runs as soon as the append resolves). The store runs one
    // operation per key at a time, so this never overwrites a newer state of the key.
    const states = this.#pending;
    try {
      await this.#journal.append({ key, file });
    } catch (error) {
      // That journal takes no more records (see JournalFile): the checkpoint starts a new one.
      this.#checkpointInBackground();
      throw error;
    }
    states.set(key, { file, document });
    if (this.#journal.size >= this.#maxBytes) this.#checkpointInBackground();
    else this.#timer ??= setTimeout(() => this.#checkpointInBackground(), this.#delayMs).unref();
  }

  /** The directory of a key's document file (remembered: keys come back, and the path takes some string work). */
  #directoryOf(resolved: ResolvedKey): string {
    let directory = this.#directories.get(resolved.key);
    if (directory === undefined) {
      directory = dirname(documentPathOf(this.root, resolved.segments));
      if (this.#directories.size >= 1024) this.#directories.clear();
      this.#directories.set(resolved.key, directory);
    }
    return directory;
  }

  /** Writes every change committed so far to the document files; resolves when they are durable. */
  checkpoint(): Promise<void> {
    const run = this.#checkpoint.then(() => this.#runCheckpoint());
    this.#checkpoint = run.catch(() => undefined); // a failed checkpoint leaves its journal for the next one or a replay
    return run;
  }

  /** A failure leaves the states pending and the journal on disk; the next checkpoint (at the latest on close) tries again. */
  #checkpointInBackground(): void {
    this.checkpoint().catch(() => undefined);
  }

  /** Runs a last checkpoint and closes the journal (an empty journal is removed). */
  async close(): Promise<void> {
    if (this.#closed) return;
    await this.checkpoint();
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.#journal.close();
    await unlink(this.#journal.path);
    await syncDirectory(this.root);
  }

  async #runCheckpoint(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#pending.size === 0 && this.#journal.size === 0) return;
    // Records committed from here on go to the next journal with the next map (one step, no
    // await between); then wait for the appends in flight to the old one.
    const fresh = await createJournal(this.root, this.#nextNumber++);
    const old = this.#journal;
    this.#journal = fresh;
    this.#writing = this.#pending;
    this.#pending = new Map();
    this.#unfinished.push(old.path);
    try {
      await old.close();
      for (const [key, state] of this.#writing) await writeToFile(this.root, key, state.file, this.syncer, this.directories);
    } catch (error) {
      // The states stay pending (behind newer ones) and every journal not yet removed stays on
      // disk (#unfinished), for the next checkpoint or a replay. A disk that keeps failing keeps
      // them all; nothing acknowledged is dropped.
      for (const [key, state] of this.#writing) if (!this.#pending.has(key)) this.#pending.set(key, state);
      this.#writing = new Map();
      throw error;
    }
    this.#writing = new Map();
    // Every journal up to this one is in the files now.
    await removeJournals(this.root, this.#unfinished);
  }
}

/**
 * Removes journals oldest first, each durably before the next: were a newer one gone and an
 * older one left (a crash, or a file system that reorders removals), a replay of the older one
 * alone would bring back older documents. `paths` loses each entry once it is gone for good.
 */
async function removeJournals(root: string, paths: string[]): Promise<void> {
  while (paths.length > 0) {
    await unlink(paths[0] as string).catch(ignoreMissing);
    await syncDirectory(root);
    paths.shift();
  }
}

function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException | null)?.code !== 'ENOENT') throw error;
}

/** A new journal file whose directory entry is durable (records in it must survive a crash). */
async function createJournal(root: string, number: number): Promise<JournalFile> {
  const journal = await JournalFile.create(join(root, `${JOURNAL_PREFIX}${number}`));
  try {
    await syncDirectory(root);
  } catch (error) {
    await journal.close().catch(() => undefined);
    await unlink(journal.path).catch(() => undefined);
    throw error;
  }
  return journal;
}

async function writeToFile(root: string, key: string, file: Uint8Array | null, syncer: DirectorySyncer, directories: DirectoryMaker): Promise<void> {
  const path = documentPathOf(root, resolveKey(key).segments);
  if (file === null) {
    await removeFileDurably(path, syncer);
    return;
  }
  decodeDocumentFile(file, path); // a record whose CRC matched is whole; this checks the header anyway
  await directories.ensure(dirname(path));
  await replaceFileDurably(path, file, syncer);
}
