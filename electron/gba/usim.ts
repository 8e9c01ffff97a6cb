/**
 * A software USIM: what the UICC does with an AKA challenge (TS 33.102 §6.3.3), given K and OPc.
 *
 *   AK   = f5(RAND);  SQN = (SQN ⊕ AK) ⊕ AK
 *   XMAC = f1(SQN ‖ RAND ‖ AMF)        ≠ MAC  → the network is not authenticated: stop
 *   SQN not fresh                            → synchronisation failure: AUTS
 *   otherwise                                → RES = f2, CK = f3, IK = f4; SQN_MS = SQN
 *
 *   AUTS = (SQN_MS ⊕ AK*) ‖ MAC-S,  AK* = f5*(RAND),  MAC-S = f1*(SQN_MS ‖ RAND ‖ AMF*),
 *   AMF* = 0x0000 (the dummy value of §6.3.3).
 *
 * Freshness, simplified from TS 33.102 Annex C: one highest accepted SQN (SQN_MS, no IND array);
 * a challenge is fresh when SQN > SQN_MS and SQN − SQN_MS ≤ Δ (2^28, the limit Annex C.2.1
 * suggests), so replays and values far in the future both ask for re-synchronisation. SQN_MS lives
 * in memory: a new USIM object starts from the configured value (default 0).
 */
import { timingSafeEqual } from 'node:crypto';
import { GbaError } from './gba-error';
import { Milenage } from './milenage';

export const SQN_DELTA = 2 ** 28;
const SQN_MAX = 2 ** 48 - 1;

export type UsimResult =
  | { readonly kind: 'ok'; readonly res: Buffer; readonly ck: Buffer; readonly ik: Buffer; readonly sqn: number }
  | { readonly kind: 'sync-failure'; readonly auts: Buffer; readonly sqn: number; readonly sqnMs: number };

export const AUTN_MAC_MISMATCH = 'AUTN MAC mismatch (network not authenticated)';

export class SoftUsim {
  readonly #milenage: Milenage;
  #sqnMs: number;

  /** `sqnMs`: the highest SQN already accepted (48-bit integer). */
  constructor(k: Uint8Array, opc: Uint8Array, sqnMs = 0) {
    this.#milenage = new Milenage(k, opc);
    if (!Number.isSafeInteger(sqnMs) || sqnMs < 0 || sqnMs > SQN_MAX) throw new GbaError('invalid-argument', 'SQN_MS must be an integer 0 … 2^48 − 1.');
    this.#sqnMs = sqnMs;
  }

  /** The highest SQN accepted so far. */
  get sqnMs(): number {
    return this.#sqnMs;
  }

  /**
   * Runs AKA on RAND (16 bytes) and AUTN (16 bytes). Throws GbaError 'autn-mac-mismatch' with the
   * message "AUTN MAC mismatch (network not authenticated)" when the MAC does not verify.
   */
  authenticate(rand: Uint8Array, autn: Uint8Array): UsimResult {
    if (!(rand instanceof Uint8Array) || rand.length !== 16) throw new GbaError('invalid-argument', 'RAND must be 16 bytes.');
    if (!(autn instanceof Uint8Array) || autn.length !== 16) throw new GbaError('invalid-argument', 'AUTN must be 16 bytes.');
    const { res, ck, ik, ak } = this.#milenage.f2345(rand);
    const sqnBytes = xor(autn.subarray(0, 6), ak);
    const amf = autn.subarray(6, 8);
    const mac = autn.subarray(8, 16);
    const { macA } = this.#milenage.f1(rand, sqnBytes, amf);
    if (!timingSafeEqual(macA, mac)) throw new GbaError('autn-mac-mismatch', AUTN_MAC_MISMATCH);
    const sqn = sqnBytes.readUIntBE(0, 6);
    if (!(sqn > this.#sqnMs && sqn - this.#sqnMs <= SQN_DELTA)) {
      return { kind: 'sync-failure', auts: this.#auts(rand), sqn, sqnMs: this.#sqnMs };
    }
    this.#sqnMs = sqn;
    return { kind: 'ok', res, ck, ik, sqn };
  }

  #auts(rand: Uint8Array): Buffer {
    const sqnMs = Buffer.alloc(6);
    sqnMs.writeUIntBE(this.#sqnMs, 0, 6);
    const { macS } = this.#milenage.f1(rand, sqnMs, Buffer.alloc(2));
    return Buffer.concat([xor(sqnMs, this.#milenage.f5star(rand)), macS]);
  }

  toJSON(): string {
    return 'SoftUsim(<redacted>)';
  }

  toString(): string {
    return 'SoftUsim(<redacted>)';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'SoftUsim(<redacted>)';
  }
}

/**
 * The network side of re-synchronisation (TS 33.102 §6.3.5): SQN_MS from AUTS, or null when
 * MAC-S does not verify (then the AUTS was not made with this K for this RAND).
 */
export function sqnMsFromAuts(milenage: Milenage, rand: Uint8Array, auts: Uint8Array): number | null {
  if (!(auts instanceof Uint8Array) || auts.length !== 14) return null;
  const sqnMs = xor(auts.subarray(0, 6), milenage.f5star(rand));
  const { macS } = milenage.f1(rand, sqnMs, Buffer.alloc(2));
  return timingSafeEqual(macS, auts.subarray(6, 14)) ? sqnMs.readUIntBE(0, 6) : null;
}

/** The network side of AUTN: (SQN ⊕ AK) ‖ AMF ‖ MAC-A. */
export function buildAutn(milenage: Milenage, rand: Uint8Array, sqn: number, amf: Uint8Array): Buffer {
  const sqnBytes = Buffer.alloc(6);
  sqnBytes.writeUIntBE(sqn, 0, 6);
  const { ak } = milenage.f2345(rand);
  const { macA } = milenage.f1(rand, sqnBytes, amf);
  return Buffer.concat([xor(sqnBytes, ak), amf, macA]);
}

function xor(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  return out;
}
