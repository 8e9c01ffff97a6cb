import type { XcapDocumentSnapshot } from '../../shared/xcap/edit';
import { loadXcapDocument } from '../../shared/xcap/edit';

/**
 * Parsed documents by store key and ETag, so a burst of requests on one document parses it once.
 * A new ETag replaces the entry; the oldest entries go first when the cache is full.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, { etag: string; snapshot: XcapDocumentSnapshot }>();
  /** Snapshots of documents this server validated when it wrote them (see XcapEditRequest.documentValid). */
  private readonly validated = new WeakSet<XcapDocumentSnapshot>();

  constructor(private readonly capacity = 200) {}

  get(key: string, etag: string, bytes: Uint8Array, maxBytes: number): XcapDocumentSnapshot {
    const cached = this.entries.get(key);
    if (cached?.etag === etag) {
      // Refresh recency.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.snapshot;
    }
    const snapshot = loadXcapDocument(bytes, { maxBytes });
    this.remember(key, etag, snapshot);
    return snapshot;
  }

  /**
   * A snapshot of the document `key` now holds under `etag` (a write just stored it: see
   * snapshotOfWrittenDocument). `validated`: the write validated the document against its schema.
   */
  remember(key: string, etag: string, snapshot: XcapDocumentSnapshot, validated = false): void {
    if (validated) this.validated.add(snapshot);
    this.entries.delete(key);
    this.entries.set(key, { etag, snapshot });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Whether this server validated `snapshot`'s document when it wrote it (a document read from disk is not vouched for). */
  isValidated(snapshot: XcapDocumentSnapshot): boolean {
    return this.validated.has(snapshot);
  }
}
