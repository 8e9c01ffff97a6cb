/**
 * Public API of the sandbox document store. Everything else in this folder is internal.
 *
 * On-disk layout of the data directory (one store per directory, the only writer of it):
 *
 *   <data>/
 *     resource-lists/users/sip%3Aalice%40example.com/index=        XCAP document  resource-lists/users/sip:alice@example.com/index
 *     xcap-caps/global/index=                                       XCAP document  xcap-caps/global/index
 *     mime/users/sip%3Aalice%40example.com/avatar/photo.jpg=        MIME object    mime/users/sip:alice@example.com/avatar/photo.jpg
 *     …/.tmp-<tag>-<n>                                              an atomic write in progress (swept at open)
 *     .journal-<n>                                                  write-ahead journal (see journal.ts, write-behind.ts)
 *
 * - Every key segment is a directory or file name: bytes other than `a-z 0-9 . _ -` are %XX
 *   (uppercase letters too, so case-insensitive file systems keep `Bob` and `bob` apart), a
 *   leading or trailing "." is %2E, Windows device names get their first letter encoded (see
 *   file-names.ts). No key can name a path outside the directory.
 * - A document is a file ending in "=", so `a` (a document) and `a/` (a directory) can coexist.
 * - A file is one JSON header line, then the bytes as written (see document-file.ts):
 *     {"format":"xcap-store/1","etag":"<22 base64url>","length":N,"modified":"<ISO 8601>","contentType":"…"}\n<N bytes>
 *   so the content type and the bytes change together, in one rename.
 * - ETag: the first 22 base64url characters of SHA-256(contentType "\n" bytes) (see etag.ts).
 * - A change is acknowledged once it is in the journal: appended and fdatasynced together with
 *   the changes appended meanwhile (group commit). Within a second (or at 16 MiB of journal,
 *   before a listing, on close) a checkpoint writes the changed documents to their files: to
 *   `.tmp-*` in the target's directory, fsynced, renamed over the target, then the directory is
 *   fsynced (see durable-fs.ts); then the journal is removed. Opening the store replays the
 *   journals a crash left. Directories are never removed.
 */
export { DocumentStore, type DocumentStoreOptions, type UpdateCallback, type UpdateResult } from './document-store';
export type { StoredDocument } from './document-file';
export type { StoreEntry } from './list-documents';
export type { UpdateAction, UpdateDecision } from './update-decision';
export { formatStoreKey, parseStoreKey, type StoreLocation } from './store-key';
export { isStoreError, StoreError, type StoreErrorCode } from './store-error';
