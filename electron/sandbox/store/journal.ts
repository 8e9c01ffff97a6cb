/**
 * The store's write-ahead journal: an append-only file of committed changes, made durable in
 * groups. Every change a caller waits for is appended; one fdatasync covers every record
 * appended while the previous one ran (group commit), so 32 concurrent PUTs cost a few syncs
 * instead of 64 (a file fsync and a directory fsync each). The document files are brought up to
 * date later, by a checkpoint (see write-behind.ts), and on open by a replay.
 *
 * A record: magic "XJR1", payload length (u32 BE), CRC-32 of the payload (u32 BE), payload.
 * Payload: key length (u32 BE), key (UTF-8), kind (1 = write, 2 = delete), then for a write the
 * document file's bytes exactly as document-file.ts encodes them. A crash can leave the last
 * record torn: reading stops at the first record that is short, has a wrong magic or a wrong
 * CRC. Nothing after it was ever acknowledged, because a record is acknowledged only once it and
 * everything before it is synced.
 */
import { close, fdatasync, ftruncate, open, writev } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';

const openFd = promisify(open);
const closeFd = promisify(close);
const datasyncFd = promisify(fdatasync);
const writevFd = promisify(writev);
const truncateFd = promisify(ftruncate);

const MAGIC = 0x584a5231; // "XJR1"
const HEADER_BYTES = 12;
const WRITE = 1;
const DELETE = 2;

/** One committed change: the document file's new bytes, or null for a removal. */
export interface JournalRecord {
  readonly key: string;
  readonly file: Uint8Array | null;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeRecord(record: JournalRecord): Uint8Array {
  const [head, file] = encodeRecordParts(record);
  if (file === undefined) return head;
  const out = new Uint8Array(head.byteLength + file.byteLength);
  out.set(head);
  out.set(file, head.byteLength);
  return out;
}

/**
 * A record as the bytes before the document file's and the file itself (when it is a write):
 * written one after the other they are encodeRecord's bytes, without copying the file.
 */
export function encodeRecordParts(record: JournalRecord): [Uint8Array] | [Uint8Array, Uint8Array] {
  const key = utf8.encode(record.key);
  const fileLength = record.file?.byteLength ?? 0;
  const head = new Uint8Array(HEADER_BYTES + 4 + key.byteLength + 1);
  const view = new DataView(head.buffer);
  view.setUint32(0, MAGIC);
  view.setUint32(4, 4 + key.byteLength + 1 + fileLength);
  view.setUint32(HEADER_BYTES, key.byteLength);
  head.set(key, HEADER_BYTES + 4);
  head[HEADER_BYTES + 4 + key.byteLength] = record.file === null ? DELETE : WRITE;
  const headCrc = crc32(head.subarray(HEADER_BYTES));
  view.setUint32(8, record.file === null ? headCrc : crc32(record.file, headCrc));
  return record.file === null ? [head] : [head, record.file];
}

/** The whole records at the start of `bytes`, in order; a torn or damaged tail ends the list. */
export function decodeRecords(bytes: Uint8Array): JournalRecord[] {
  const records: JournalRecord[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at + HEADER_BYTES <= bytes.byteLength; ) {
    const length = view.getUint32(at + 4);
    const end = at + HEADER_BYTES + length;
    if (view.getUint32(at) !== MAGIC || length < 5 || end > bytes.byteLength) break;
    const payload = bytes.subarray(at + HEADER_BYTES, end);
    if (crc32(payload) !== view.getUint32(at + 8)) break;
    const keyLength = view.getUint32(at + HEADER_BYTES);
    if (4 + keyLength + 1 > length) break;
    let key: string;
    try {
      key = utf8Decoder.decode(payload.subarray(4, 4 + keyLength));
    } catch {
      break;
    }
    const kind = payload[4 + keyLength];
    if (kind === WRITE) records.push({ key, file: new Uint8Array(payload.subarray(5 + keyLength)) }); // a copy, never a Buffer view
    else if (kind === DELETE) records.push({ key, file: null });
    else break;
    at = end;
  }
  return records;
}

export async function readJournal(path: string): Promise<JournalRecord[]> {
  return decodeRecords(await readFile(path));
}

interface Waiting {
  readonly parts: Uint8Array[];
  readonly byteLength: number;
  resolve(): void;
  reject(error: unknown): void;
}

/** An open journal file that records are appended to. */
export class JournalFile {
  #queue: Waiting[] = [];
  #flushing = false;
  #failure: unknown = null;
  #closed = false;
  /** Bytes appended (acknowledged or not). */
  size = 0;
  /** Bytes on disk and acknowledged: where the file is cut back to when a group fails. */
  #durable = 0;

  private constructor(
    readonly path: string,
    private readonly fd: number,
  ) {}

  /** Creates a new, empty journal file ('wx': never an existing one). The caller makes its directory entry durable. */
  static async create(path: string): Promise<JournalFile> {
    return new JournalFile(path, await openFd(path, 'wx'));
  }

  /** Resolves once `record` and every record before it are on disk. */
  append(record: JournalRecord): Promise<void> {
    if (this.#closed) return Promise.reject(new Error(`the journal ${this.path} is closed`));
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const parts = encodeRecordParts(record);
    const byteLength = parts.reduce((sum, part) => sum + part.byteLength, 0);
    this.size += byteLength;
    return new Promise((resolve, reject) => {
      this.#queue.push({ parts, byteLength, resolve, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  /** Waits for the appends already made, then closes the file. */
  async close(): Promise<void> {
    this.#closed = true;
    // Turns of the event loop, not a promise: every continuation of the appends resolved (where
    // write-behind.ts files each state under this journal) has run before close() returns.
    while (this.#flushing) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    await closeFd(this.fd);
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#queue.length > 0) {
        const group = this.#queue;
        this.#queue = [];
        const bytes = group.reduce((sum, waiting) => sum + waiting.byteLength, 0);
        try {
          await this.#writeAll(group.flatMap((waiting) => waiting.parts));
          await datasyncFd(this.fd);
        } catch (error) {
          // Records may be half on disk: nothing may follow them (a replay stops at the damage,
          // and would drop later acknowledged records), so the journal refuses every later
          // append. Whole ones must not come back either (their callers were told they failed):
          // cut the file back to what was acknowledged, as far as the disk lets us.
          this.#failure = error;
          await truncateFd(this.fd, this.#durable)
            .then(() => datasyncFd(this.fd))
            .catch(() => undefined);
          for (const waiting of [...group, ...this.#queue]) waiting.reject(error);
          this.#queue = [];
          return;
        }
        this.#durable += bytes;
        for (const waiting of group) waiting.resolve();
      }
    } finally {
      this.#flushing = false;
    }
  }

  async #writeAll(buffers: Uint8Array[]): Promise<void> {
    let pending = buffers;
    while (pending.length > 0) {
      let written = (await writevFd(this.fd, pending)).bytesWritten;
      const rest: Uint8Array[] = [];
      for (const buffer of pending) {
        if (written >= buffer.byteLength) written -= buffer.byteLength;
        else {
          rest.push(buffer.subarray(written));
          written = 0;
        }
      }
      pending = rest;
    }
  }
}
