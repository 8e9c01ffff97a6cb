/**
 * One server nonce the client may use, with its nonce-count (RFC 7616 §3.4: the count of requests
 * sent with this nonce, 8 hex digits, starting at 00000001). Each nonce counts on its own, so a new
 * nonce (a new challenge, or Authentication-Info's nextnonce) starts again at 1.
 *
 * For the -sess algorithms the cnonce is chosen once per nonce and kept: A1 covers "the first
 * cnonce" (RFC 2617 §3.2.2.2), and some servers compute it from the first request's cnonce while
 * others use each request's; with one cnonce, both agree. nc still makes every response unique.
 */
import { isSessionAlgorithm } from './digest-algorithm';
import type { DigestChallenge } from './digest-challenge';

const MAX_COUNT = 0xffff_ffff;

export class DigestNonce {
  readonly challenge: DigestChallenge;
  /** The cnonce every request with this nonce uses (-sess algorithms), or null: a fresh one each time. */
  readonly sessionCnonce: string | null;
  #count = 0;

  constructor(challenge: DigestChallenge, makeCnonce: () => string) {
    this.challenge = challenge;
    this.sessionCnonce = isSessionAlgorithm(challenge.algorithm) && challenge.qop !== null ? makeCnonce() : null;
  }

  /** The next nonce-count as sent ("00000001", …), or null once all 2^32 - 1 are used. */
  nextCount(): string | null {
    if (this.#count >= MAX_COUNT) return null;
    this.#count++;
    return this.#count.toString(16).padStart(8, '0');
  }

  /** The same protection space with the server's `nextnonce`: counting restarts. */
  withNonce(nonce: string, makeCnonce: () => string): DigestNonce {
    return new DigestNonce({ ...this.challenge, nonce, stale: false }, makeCnonce);
  }
}
