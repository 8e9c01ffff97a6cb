/**
 * Recently used documents in memory, least recently used evicted first, bounded in entries and
 * bytes. It also remembers documents known not to exist (an XCAP client's GET of a document it
 * has not created yet is common). Valid because the store is the only writer of the data
 * directory and updates the cache after each durable write.
 */
import type { StoredDocument } from './document-file';

export interface DocumentCacheLimits {
  /** Most documents (present or known absent) held. */
  readonly maxEntries: number;
  /** Most document bytes held; a document larger than an eighth of it is not cached. */
  readonly maxBytes: number;
}

export class DocumentCache {
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  private readonly entries = new Map<string, StoredDocument | null>();
  private bytes = 0;

  constructor(private readonly limits: DocumentCacheLimits) {}

  /** The document, null when known absent, undefined when not cached. */
  get(key: string): StoredDocument | null | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Remembers `document` (null: known absent) as the current state of `key`. */
  set(key: string, document: StoredDocument | null): void {
    this.delete(key);
    const size = document?.bytes.byteLength ?? 0;
    if (this.limits.maxEntries === 0 || size > this.limits.maxBytes / 8) return;
    this.entries.set(key, document);
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry?.bytes.byteLength ?? 0;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.bytes -= entry?.bytes.byteLength ?? 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
