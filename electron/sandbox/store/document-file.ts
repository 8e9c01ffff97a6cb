/**
 * The format of a document file: one JSON header line, then the document's bytes, unchanged.
 *
 *   {"format":"xcap-store/1","etag":"…","length":1234,"modified":"2025-01-31T12:00:00.000Z","contentType":"image/png"}\n
 *   <length bytes>
 *
 * Content type and bytes live in one file so a single rename replaces both at once. `length` and
 * `etag` let a read detect a file damaged from outside (a truncated copy, a disk that lied about
 * fsync); the store itself never exposes a half-written file. The header alone (first line) is
 * enough for directory listings.
 */
import { StoreError } from './store-error';
import { computeEtag } from './etag';

export const FILE_FORMAT = 'xcap-store/1';

/** A header never needs more: the content type is limited to 256 characters. */
export const MAX_HEADER_LENGTH = 1024;

/** A document as stored: its bytes and what describes them. */
export interface StoredDocument {
  readonly bytes: Uint8Array;
  /** Strong ETag, unquoted: 22 base64url characters. */
  readonly etag: string;
  /** The media type written with the bytes (always set for MIME objects; XCAP documents may omit it). */
  readonly contentType?: string;
  /** When these bytes were written. */
  readonly modified: Date;
}

/** The first line of a document file, decoded. */
export interface DocumentHeader {
  readonly etag: string;
  readonly length: number;
  readonly modified: Date;
  readonly contentType?: string;
  /** Bytes up to and including the newline: where the document's bytes start. */
  readonly headerLength: number;
}

const utf8 = new TextEncoder();
const NEWLINE = 0x0a;

/** The whole file for `document`: header line and bytes. */
export function encodeDocumentFile(document: StoredDocument): Uint8Array {
  const header = {
    format: FILE_FORMAT,
    etag: document.etag,
    length: document.bytes.byteLength,
    modified: document.modified.toISOString(),
    ...(document.contentType === undefined ? {} : { contentType: document.contentType }),
  };
  const headerBytes = utf8.encode(JSON.stringify(header) + '\n');
  const file = new Uint8Array(headerBytes.byteLength + document.bytes.byteLength);
  file.set(headerBytes, 0);
  file.set(document.bytes, headerBytes.byteLength);
  return file;
}

function corrupt(where: string, why: string): StoreError {
  return new StoreError('corrupt-document', `The stored file ${where} is damaged: ${why}.`);
}

/** Decodes the header line at the start of `file` (the whole file or just its first bytes). */
export function decodeDocumentHeader(file: Uint8Array, where: string): DocumentHeader {
  const end = file.subarray(0, MAX_HEADER_LENGTH).indexOf(NEWLINE);
  if (end < 0) throw corrupt(where, 'no header line');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(0, end)));
  } catch {
    throw corrupt(where, 'the header line is not JSON');
  }
  if (header === null || typeof header !== 'object') throw corrupt(where, 'the header line is not an object');
  const { format, etag, length, modified, contentType } = header as Record<string, unknown>;
  if (format !== FILE_FORMAT) throw corrupt(where, `unknown format ${JSON.stringify(format)}`);
  const modifiedDate = new Date(typeof modified === 'string' ? modified : NaN);
  const valid =
    typeof etag === 'string' &&
    Number.isSafeInteger(length) &&
    (length as number) >= 0 &&
    !Number.isNaN(modifiedDate.getTime()) &&
    (contentType === undefined || typeof contentType === 'string');
  if (!valid) throw corrupt(where, 'malformed header fields');
  return {
    etag,
    length: length as number,
    modified: modifiedDate,
    ...(contentType === undefined ? {} : { contentType }),
    headerLength: end + 1,
  };
}

/** Decodes a whole file, checking its length and ETag. Throws StoreError 'corrupt-document'. */
export function decodeDocumentFile(file: Uint8Array, where: string): StoredDocument {
  const header = decodeDocumentHeader(file, where);
  // A plain Uint8Array view, not a Buffer (whose slice() would not copy).
  const bytes = new Uint8Array(file.buffer, file.byteOffset + header.headerLength, file.byteLength - header.headerLength);
  if (bytes.byteLength !== header.length) throw corrupt(where, `${bytes.byteLength} bytes after the header, ${header.length} expected`);
  if (computeEtag(bytes, header.contentType) !== header.etag) throw corrupt(where, 'the bytes do not match the ETag');
  return {
    bytes,
    etag: header.etag,
    modified: header.modified,
    ...(header.contentType === undefined ? {} : { contentType: header.contentType }),
  };
}
