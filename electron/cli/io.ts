import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';

/** Reads FILE as bytes (`-` reads standard input); undefined when FILE does not exist and `missingOk`. */
export async function readInput(file: string, missingOk = false): Promise<Uint8Array | undefined> {
  if (file === '-') return new TextEncoder().encode(await text(process.stdin));
  try {
    return await readFile(file);
  } catch (error) {
    if (missingOk && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function writeJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** Resolves at the first Ctrl-C (SIGINT) or SIGTERM: long-running commands then shut down cleanly. */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
