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
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TEMP_PREFIX } from './file-names';

const CAN_SYNC_DIRECTORIES = process.platform !== 'win32';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Makes the entries of `directory` (creations, renames, removals) durable. */
export async function syncDirectory(directory: string): Promise<void> {
  if (!CAN_SYNC_DIRECTORIES) return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replaces (or creates) `path` with `data` atomically and durably. The directory must exist. */
export async function replaceFileDurably(path: string, data: Uint8Array): Promise<void> {
  const directory = dirname(path);
  const temp = join(directory, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined); // best effort: open() sweeps leftovers anyway
    throw error;
  }
  await syncDirectory(directory);
}

/** Removes `path` durably; false when there was no such file. */
export async function removeFileDurably(path: string): Promise<boolean> {
  try {
    await unlink(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  await syncDirectory(dirname(path));
  return true;
}

/**
 * Creates directories below `root` durably, remembering which exist. Directories are never
 * removed while the store is open (an rmdir could race a write into the same directory), so
 * the memory stays true.
 */
export class DirectoryMaker {
  private readonly known = new Set<string>();

  constructor(private readonly root: string) {
    this.known.add(root);
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
    await syncDirectory(parent);
    this.known.add(directory);
  }
}
