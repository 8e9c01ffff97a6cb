/**
 * The data directory as a tree of keys: where a key's file lives, and a walk that finds the
 * documents and leftover temporary files below a directory. Names that are not in canonical
 * encoding (see file-names.ts) belong to someone else and are skipped.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, sep, isAbsolute } from 'node:path';
import { documentFileName, documentFileNameToSegment, fileNameToSegment, isTempFileName, segmentToFileName } from './file-names';
import { StoreError } from './store-error';

/** Absolute path of the directory for decoded `segments` ([] is the root). */
export function directoryPathOf(root: string, segments: readonly string[]): string {
  return checkInside(root, join(root, ...segments.map(segmentToFileName)));
}

/** Absolute path of the file of the document with decoded key `segments`. */
export function documentPathOf(root: string, segments: readonly string[]): string {
  const last = segments.at(-1);
  if (last === undefined) throw new StoreError('invalid-key', 'A document key has at least one segment.');
  return checkInside(root, join(directoryPathOf(root, segments.slice(0, -1)), documentFileName(last)));
}

/** Defence in depth: the encoding already makes escaping impossible (no "/", "\\" or leading "." survive it). */
function checkInside(root: string, path: string): string {
  const relation = relative(root, path);
  if (isAbsolute(relation) || relation.split(sep).includes('..')) {
    throw new StoreError('invalid-key', `A key resolved to ${path}, outside the store directory.`);
  }
  return path;
}

export type TreeItem =
  | { readonly kind: 'document'; readonly segments: readonly string[]; readonly path: string }
  | { readonly kind: 'temp'; readonly path: string };

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Documents and temporary files below the directory of `segments`, depth first, in name order. */
export async function* walkTree(root: string, segments: readonly string[]): AsyncGenerator<TreeItem> {
  const directory = directoryPathOf(root, segments);
  let entries;
  try {
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isFile() && isTempFileName(entry.name)) {
      yield { kind: 'temp', path };
    } else if (entry.isFile()) {
      const last = documentFileNameToSegment(entry.name);
      if (last !== null) yield { kind: 'document', segments: [...segments, last], path };
    } else if (entry.isDirectory()) {
      const child = fileNameToSegment(entry.name);
      if (child !== null) yield* walkTree(root, [...segments, child]);
    }
  }
}
