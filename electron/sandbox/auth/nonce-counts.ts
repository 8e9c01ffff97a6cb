/**
 * Replay protection for Digest (RFC 7616 §3.4, §5.12): per nonce, the nonce-counts accepted so
 * far; a count seen before is a replay. Counts may arrive out of order (a client sends requests
 * on several connections at once with nc 1, 2, 3…, and nc 2 can overtake nc 1): any count not
 * seen before within WINDOW below the highest is accepted, like IPsec's anti-replay window.
 * A count further below cannot be told apart from a replay and is refused.
 *
 * Memory is bounded two ways. Nonces older than their lifetime are forgotten (they can no
 * longer pass: the authenticator answers stale first). Past `capacity` nonces, the oldest
 * first-seen one is evicted, and the newest issue time ever evicted is remembered: a nonce
 * issued at or before it that is not in the table may have been evicted, so it is reported
 * 'forgotten' rather than trusted. The client then gets a fresh nonce (stale=true) and
 * carries on; a replay never gets through.
 */
import { SandboxAuthError } from './auth-error';

export type NonceCountVerdict = 'fresh' | 'replay' | 'forgotten';

/** How far below the highest count an unseen count is still accepted. */
export const NONCE_COUNT_WINDOW = 64;

interface Entry {
  issuedAt: number;
  highestCount: number;
  /** Bit i set: count highestCount - i was accepted (i < NONCE_COUNT_WINDOW). A few bytes per nonce. */
  seen: bigint;
}

const WINDOW_MASK = (1n << BigInt(NONCE_COUNT_WINDOW)) - 1n;

export class NonceCounts {
  readonly #capacity: number;
  readonly #lifetimeMs: number;
  // Map iteration follows insertion order: the first entry is the one seen first.
  readonly #entries = new Map<string, Entry>();
  #evictedIssuedUpTo = Number.NEGATIVE_INFINITY;

  constructor(capacity: number, lifetimeMs: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new SandboxAuthError('invalid-argument', 'The nonce table capacity must be a positive integer.');
    if (!Number.isFinite(lifetimeMs) || lifetimeMs <= 0) throw new SandboxAuthError('invalid-argument', 'The nonce lifetime must be a positive number of milliseconds.');
    this.#capacity = capacity;
    this.#lifetimeMs = lifetimeMs;
  }

  /** Records `count` for `nonce` unless it is a replay. Call only once the response has verified. */
  record(nonce: string, issuedAt: number, count: number, now: number): NonceCountVerdict {
    this.#forgetExpired(now);
    const entry = this.#entries.get(nonce);
    if (entry) {
      if (count > entry.highestCount) {
        const shift = count - entry.highestCount;
        entry.seen = shift >= NONCE_COUNT_WINDOW ? 1n : ((entry.seen << BigInt(shift)) | 1n) & WINDOW_MASK;
        entry.highestCount = count;
        return 'fresh';
      }
      const below = entry.highestCount - count;
      if (below >= NONCE_COUNT_WINDOW) return 'replay'; // too old to tell
      const bit = 1n << BigInt(below);
      if (entry.seen & bit) return 'replay';
      entry.seen |= bit;
      return 'fresh';
    }
    if (issuedAt <= this.#evictedIssuedUpTo) return 'forgotten';
    if (count < 1) return 'replay';
    this.#entries.set(nonce, { issuedAt, highestCount: count, seen: 1n });
    if (this.#entries.size > this.#capacity) this.#evictOldest();
    return 'fresh';
  }

  get size(): number {
    return this.#entries.size;
  }

  // First-seen order is close to issue order, so sweeping from the front finds the expired
  // ones in amortised constant time; stragglers go when they reach the front or by capacity.
  #forgetExpired(now: number): void {
    for (const [nonce, entry] of this.#entries) {
      if (now - entry.issuedAt <= this.#lifetimeMs) return;
      this.#entries.delete(nonce);
    }
  }

  #evictOldest(): void {
    const first = this.#entries.entries().next();
    if (first.done) return;
    const [nonce, entry] = first.value;
    this.#entries.delete(nonce);
    this.#evictedIssuedUpTo = Math.max(this.#evictedIssuedUpTo, entry.issuedAt);
  }
}
