import type { CapturedBody } from './exchange';

/**
 * Accumulates body bytes up to a cap: counts everything, keeps the first `limit` bytes. Memory is
 * bounded by the cap however large the body is.
 */
export class BodyCapture {
  readonly #limit: number;
  readonly #chunks: Uint8Array[] = [];
  #kept = 0;
  #size = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get size(): number {
    return this.#size;
  }

  add(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.#size += bytes.byteLength;
    const room = this.#limit - this.#kept;
    if (room <= 0 || bytes.byteLength === 0) return;
    // Copy: the caller's buffer may be reused (undici's parser hands out slices of its own buffer).
    const kept = new Uint8Array(bytes.subarray(0, Math.min(room, bytes.byteLength)));
    this.#chunks.push(kept);
    this.#kept += kept.byteLength;
  }

  /** Forgets what was captured (undici re-sends a request on a new socket after a stale one failed). */
  reset(): void {
    this.#chunks.length = 0;
    this.#kept = 0;
    this.#size = 0;
  }

  /** The captured body, or null when no byte was seen. */
  result(): CapturedBody | null {
    if (this.#size === 0) return null;
    const bytes = new Uint8Array(this.#kept);
    let offset = 0;
    for (const chunk of this.#chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { bytes, size: this.#size, truncated: this.#kept < this.#size };
  }
}

/**
 * The bytes of a dispatched body when it is already in memory (string, Buffer, typed array,
 * ArrayBuffer); undefined for streams, iterables, Blobs and FormData, whose bytes are only known
 * as undici writes them.
 */
export function inMemoryBody(body: unknown): Uint8Array | null | undefined {
  if (body === null || body === undefined) return null;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return undefined;
}
