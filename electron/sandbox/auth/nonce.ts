/**
 * Stateless Digest nonces: the server can check a nonce it issued, and tell its age, without
 * remembering it.
 *
 *   nonce = base64url( issued-at ‖ random ‖ HMAC-SHA256(secret, issued-at ‖ random) )
 *
 * issued-at is milliseconds since the epoch as an 8-byte big-endian integer; random is 16
 * bytes. The HMAC makes the nonce unforgeable without the secret, so issued-at can be trusted.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SandboxAuthError } from './auth-error';

/** Where nonces come from. The default is HmacNonceSource; tests may replay recorded exchanges with another. */
export interface NonceSource {
  issue(): string;
  /** When this server issued `nonce` (ms since the epoch); null when it did not issue it. */
  issuedAt(nonce: string): number | null;
}

const TIME_BYTES = 8;
const RANDOM_BYTES = 16;
const MAC_BYTES = 32;
const NONCE_BYTES = TIME_BYTES + RANDOM_BYTES + MAC_BYTES;
// 56 bytes are 75 base64url characters without padding.
const NONCE_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((NONCE_BYTES * 4) / 3)}}$`);

export const MIN_SECRET_BYTES = 16;

export class HmacNonceSource implements NonceSource {
  readonly #secret: Buffer;
  readonly #now: () => number;

  constructor(secret: Uint8Array, now: () => number) {
    if (!(secret instanceof Uint8Array) || secret.length < MIN_SECRET_BYTES) {
      throw new SandboxAuthError('invalid-argument', `The nonce secret must be a Uint8Array of at least ${MIN_SECRET_BYTES} bytes.`);
    }
    if (typeof now !== 'function') throw new SandboxAuthError('invalid-argument', 'now must be a function.');
    // A copy: later changes to the caller's array must not change which nonces verify.
    this.#secret = Buffer.from(secret);
    this.#now = now;
  }

  issue(): string {
    const time = Math.trunc(this.#now());
    if (!Number.isSafeInteger(time) || time < 0) throw new SandboxAuthError('invalid-argument', 'now() must return a non-negative time in milliseconds.');
    const body = Buffer.alloc(TIME_BYTES + RANDOM_BYTES);
    body.writeBigUInt64BE(BigInt(time), 0);
    randomBytes(RANDOM_BYTES).copy(body, TIME_BYTES);
    return Buffer.concat([body, this.#mac(body)]).toString('base64url');
  }

  issuedAt(nonce: string): number | null {
    // Buffer's base64url decoder skips characters outside the alphabet: check the shape first.
    if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce)) return null;
    const bytes = Buffer.from(nonce, 'base64url');
    // One spelling per nonce: the last character has unused bits that must be zero.
    if (bytes.length !== NONCE_BYTES || bytes.toString('base64url') !== nonce) return null;
    const body = bytes.subarray(0, TIME_BYTES + RANDOM_BYTES);
    if (!timingSafeEqual(bytes.subarray(TIME_BYTES + RANDOM_BYTES), this.#mac(body))) return null;
    const time = bytes.readBigUInt64BE(0);
    return time > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(time);
  }

  #mac(body: Uint8Array): Buffer {
    return createHmac('sha256', this.#secret).update(body).digest();
  }
}
