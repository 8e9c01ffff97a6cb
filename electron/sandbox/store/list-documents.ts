/**
 * Directory listings: the documents below a key prefix, with what an XCAP directory (RFC 4825
 * §12, the xcap-directory usage) shows of each, read from the file headers alone.
 */
import { open } from 'node:fs/promises';
import { encodePathSegment } from '../../../shared/xcap/uri';
import { decodeDocumentHeader, MAX_HEADER_LENGTH } from './document-file';
import { isStoreError } from './store-error';
import { resolveKey } from './store-key';
import { walkTree } from './store-tree';

/** One document of a listing. */
export interface StoreEntry {
  /** Canonical key. */
  readonly key: string;
  readonly etag: string;
  readonly contentType?: string;
  readonly modified: Date;
  /** Bytes of the document. */
  readonly size: number;
}

/**
 * Documents whose key starts with the decoded `prefix` segments, sorted by key. A document
 * replaced during the walk is listed as old or new; one removed during it may be missing.
 * Files that are not documents of the store, or whose header is damaged, are left out (a
 * read() of such a document reports the damage).
 */
export async function listDocuments(root: string, prefix: readonly string[]): Promise<StoreEntry[]> {
  const entries: StoreEntry[] = [];
  for await (const item of walkTree(root, prefix)) {
    if (item.kind !== 'document') continue;
    const key = keyOf(item.segments);
    if (key === null) continue;
    const header = await readHeader(item.path);
    if (header === null) continue;
    entries.push({
      key,
      etag: header.etag,
      ...(header.contentType === undefined ? {} : { contentType: header.contentType }),
      modified: header.modified,
      size: header.length,
    });
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The canonical key of decoded segments found on disk, or null when they name no document of either namespace. */
function keyOf(segments: readonly string[]): string | null {
  try {
    return resolveKey(segments.map(encodePathSegment).join('/')).key;
  } catch (error) {
    if (isStoreError(error)) return null;
    throw error;
  }
}

async function readHeader(path: string): Promise<ReturnType<typeof decodeDocumentHeader> | null> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // removed meanwhile
    throw error;
  }
  try {
    const buffer = new Uint8Array(MAX_HEADER_LENGTH);
    const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER_LENGTH, 0);
    return decodeDocumentHeader(buffer.subarray(0, bytesRead), path);
  } catch (error) {
    if (isStoreError(error, 'corrupt-document')) return null;
    throw error;
  } finally {
    await handle.close();
  }
}
