/**
 * File operations that are durable when they resolve, so a write the store acknowledged
 * survives a crash or power cut right after:
 *
 * - replace a file: write a temporary file in the same directory, fsync it, rename it over the
 *   target (atomic: readers see the old or the new file, never a mix), fsync the directory (makes
 *   the rename itself durable);
 * - remove a file: unlink, fsync the directory;
 * - create a directory: mkdir, fsync its parent (otherwise a file renamed into a new directory
 *   could vanish with the directory entry).
 *
 * Windows cannot open a directory to fsync it; there NTFS journals the metadata change and the
 * directory sync is skipped.
 *
 * The hot path (replaceFileDurably) uses the callback API on plain descriptors rather than
 * FileHandle: every call is a thread-pool round trip either way, but FileHandle adds its own
 * objects and a writeFile loop, and under load this path's main-thread time roughly halved.
 */
import { randomBytes } from 'node:crypto';
import { close, fsync, open, rename, write } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { CAN_SYNC_DIRECTORIES, type DirectorySyncer } from './directory-sync';
import { TEMP_PREFIX } from './file-names';

const openFd = promisify(open);
const writeFd = promisify(write);
const fsyncFd = promisify(fsync);
const closeFd = promisify(close);
const renameFile = promisify(rename);

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Makes the entries of `directory` (creations, renames, removals) durable. */
export async function syncDirectory(directory: string): Promise<void> {
  if (!CAN_SYNC_DIRECTORIES) return;
  const fd = await openFd(directory, 'r');
  try {
    await fsyncFd(fd);
  } finally {
    await closeFd(fd);
  }
}

// Temporary names: unique within the process by the counter, across processes by the random tag
// ('wx' refuses a clash anyway). A random name per write cost a crypto call per PUT.
const PROCESS_TAG = randomBytes(6).toString('hex');
let tempCounter = 0;

function tempNameIn(directory: string): string {
  return join(directory, `${TEMP_PREFIX}${PROCESS_TAG}-${(tempCounter++).toString(36)}`);
}

async function writeAll(fd: number, data: Uint8Array): Promise<void> {
  for (let done = 0; done < data.byteLength; ) {
    const { bytesWritten } = await writeFd(fd, data, done, data.byteLength - done, null);
    done += bytesWritten;
  }
}

/**
 * Replaces (or creates) `path` with `data` atomically and durably. The directory must exist.
 * `directories` syncs the directory after the rename (and may share that sync with concurrent
 * writers in the same directory).
 */
export async function replaceFileDurably(path: string, data: Uint8Array, directories: DirectorySyncer): Promise<void> {
  const directory = dirname(path);
  const temp = tempNameIn(directory);
  try {
    const fd = await openFd(temp, 'wx');
    try {
      await writeAll(fd, data);
      await fsyncFd(fd);
    } finally {
      await closeFd(fd);
    }
    await renameFile(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined); // best effort: open() sweeps leftovers anyway
    throw error;
  }
  await directories.sync(directory);
}

/** Removes `path` durably; false when there was no such file. */
export async function removeFileDurably(path: string, directories: DirectorySyncer): Promise<boolean> {
  try {
    await unlink(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  await directories.sync(dirname(path));
  return true;
}

/**
 * Creates directories below `root` durably, remembering which exist. Directories are never
 * removed while the store is open (an rmdir could race a write into the same directory), so
 * the memory stays true.
 */
export class DirectoryMaker {
  private readonly known = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly directories: DirectorySyncer,
  ) {
    this.known.add(root);
  }

  /** Whether ensure() has made sure of `directory` already. */
  exists(directory: string): boolean {
    return this.known.has(directory);
  }

  async ensure(directory: string): Promise<void> {
    if (this.known.has(directory)) return;
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`${directory} is not inside the store root ${this.root}.`);
    await this.ensure(parent);
    try {
      await mkdir(directory);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    // Also after EEXIST: another operation may have made it and not synced the parent yet.
    await this.directories.sync(parent);
    this.known.add(directory);
  }
}
