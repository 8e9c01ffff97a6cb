/** A fresh store in a new temporary directory, for tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { DocumentStore, type DocumentStoreOptions } from '../index';

/** A new empty directory, removed when the current test finishes. */
export function tempDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'xcap-store-'));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}

export async function openTempStore(options?: DocumentStoreOptions): Promise<{ store: DocumentStore; directory: string }> {
  const directory = tempDirectory();
  return { store: await DocumentStore.open(directory, options), directory };
}

export const text = (value: string): Uint8Array => new TextEncoder().encode(value);
export const decode = (bytes: Uint8Array | undefined): string | undefined => (bytes === undefined ? undefined : new TextDecoder().decode(bytes));
