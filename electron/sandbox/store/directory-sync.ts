/**
 * fsync of directories, which makes the renames, creations and removals in them durable. Two
 * savings over open + fsync + close per call, neither weakening what a resolved sync() means:
 *
 * - a directory's descriptor stays open (a bounded number of them), so a sync is one fsync call.
 *   Each file-system call is a round trip through libuv's thread pool, and under load those round
 *   trips (thread wake-ups, context switches) cost more CPU than the calls themselves;
 * - concurrent callers for one directory share a sync (group commit): a caller joins the next sync
 *   that has not started yet. That sync starts after the call, hence after the caller's change
 *   (its rename has returned), so the caller's change is durable once it resolves.
 *
 * Directories are never removed while the store is open (see durable-fs.ts), so a kept
 * descriptor always names the directory it was opened for.
 */
import { close, fsync, open } from 'node:fs';
import { promisify } from 'node:util';

const openFd = promisify(open);
const fsyncFd = promisify(fsync);
const closeFd = promisify(close);

/** Windows cannot open a directory to fsync it; there NTFS journals the metadata change. */
export const CAN_SYNC_DIRECTORIES = process.platform !== 'win32';

interface DirectoryState {
  /** The open descriptor (a promise while it opens), or null before the first sync. */
  fd: Promise<number> | null;
  /** The sync in progress. */
  running: Promise<void> | null;
  /** The next sync, waiting for `running`: new callers join it. */
  queued: Promise<void> | null;
}

export class DirectorySyncer {
  // Map order is recency order (re-inserted on use): the first idle entries are evicted first.
  private readonly directories = new Map<string, DirectoryState>();

  constructor(private readonly maxOpen = 64) {}

  /** Resolves once every change made in `directory` before this call is durable. */
  sync(directory: string): Promise<void> {
    if (!CAN_SYNC_DIRECTORIES) return Promise.resolve();
    let state = this.directories.get(directory);
    if (state === undefined) {
      state = { fd: null, running: null, queued: null };
      this.evictIdle();
    } else {
      this.directories.delete(directory);
    }
    this.directories.set(directory, state);
    if (state.queued !== null) return state.queued;
    const entry = state;
    const start = () => {
      entry.queued = null;
      entry.running = queued;
      return this.syncOnce(directory, entry);
    };
    const queued: Promise<void> = (entry.running ?? Promise.resolve()).then(start, start).finally(() => {
      if (entry.running === queued) entry.running = null;
    });
    entry.queued = queued;
    return queued;
  }

  /** Waits for the syncs in progress and closes every descriptor. */
  async close(): Promise<void> {
    const states = [...this.directories.values()];
    this.directories.clear();
    await Promise.all(states.map((state) => Promise.allSettled([state.running, state.queued]).then(() => closeState(state))));
  }

  private async syncOnce(directory: string, state: DirectoryState): Promise<void> {
    state.fd ??= openFd(directory, 'r');
    try {
      await fsyncFd(await state.fd);
    } catch (error) {
      // Reopen next time (the directory may have been replaced from outside).
      void closeState(state);
      throw error;
    }
  }

  /** Keeps at most maxOpen - 1 descriptors before a new one opens; busy ones are never closed. */
  private evictIdle(): void {
    if (this.directories.size < this.maxOpen) return;
    for (const [directory, state] of this.directories) {
      if (this.directories.size < this.maxOpen) break;
      if (state.running !== null || state.queued !== null) continue;
      this.directories.delete(directory);
      void closeState(state);
    }
  }
}

async function closeState(state: DirectoryState): Promise<void> {
  const fd = state.fd;
  state.fd = null;
  if (fd === null) return;
  await fd.then(closeFd, () => undefined).catch(() => undefined);
}
