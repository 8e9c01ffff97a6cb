/**
 * Disk failures for tests, injected at node:fs's system-call functions; everything else is the real
 * file system. A test file routes node:fs through here:
 *
 *   vi.mock('node:fs', async (importOriginal) => (await import('…/test-support/fs-faults')).withFaults(await importOriginal()));
 *
 * and pushes failures onto `faults`: each entry is used once, by the next call of that function.
 * (No static node:fs import here: this module builds the mocked one.)
 */
import { promisify } from 'node:util';

type Callback = (error: NodeJS.ErrnoException | null, result?: unknown) => void;
type Fs = typeof import('node:fs');

export const faults = {
  fdatasync: [] as string[],
  /** The next writev writes this many bytes of its first buffer; the call after it fails with the code (a disk filling up part-way). */
  writev: [] as { bytes: number; code: string }[],
  /** For rename (a checkpoint moving a document file into place). */
  rename: [] as string[],
};

export function clearFaults(): void {
  faults.fdatasync.length = 0;
  faults.writev.length = 0;
  faults.rename.length = 0;
}

function failure(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure, ${syscall}`), { code, syscall });
}

export function withFaults(fs: Fs): Fs {
  let failNextWritev: string | null = null;
  function writev(fd: number, buffers: NodeJS.ArrayBufferView[], callback: Callback): void {
    if (failNextWritev) {
      const code = failNextWritev;
      failNextWritev = null;
      setImmediate(() => callback(failure(code, 'writev')));
      return;
    }
    const partial = faults.writev.shift();
    if (!partial) return fs.writev(fd, buffers, callback);
    failNextWritev = partial.code;
    fs.writev(fd, [(buffers[0] as Uint8Array).subarray(0, partial.bytes)], callback);
  }
  // As node:fs's own writev promisifies: to { bytesWritten, buffers }.
  Object.assign(writev, {
    [promisify.custom]: (fd: number, buffers: NodeJS.ArrayBufferView[]) =>
      new Promise((resolve, reject) => writev(fd, buffers, (error, bytesWritten) => (error ? reject(error) : resolve({ bytesWritten, buffers })))),
  });
  function fdatasync(fd: number, callback: Callback): void {
    const code = faults.fdatasync.shift();
    if (code) setImmediate(() => callback(failure(code, 'fdatasync')));
    else fs.fdatasync(fd, callback);
  }
  function rename(from: string, to: string, callback: Callback): void {
    const code = faults.rename.shift();
    if (code) setImmediate(() => callback(failure(code, 'rename')));
    else fs.rename(from, to, callback);
  }
  return { ...fs, writev, fdatasync, rename } as Fs;
}
