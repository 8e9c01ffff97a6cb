/**
 * Typed errors of GBA (TS 33.220) and the software USIM. Every error carries a stable `code` and
 * a message that says what happened and what to do next. Messages may name the IMPI, the BSF and
 * the B-TID (none is a secret: they travel in clear on Ub and Ua), never K, OP, OPc, RES, CK, IK,
 * Ks or Ks_NAF.
 */
export type GbaErrorCode =
  /** A function was called with an argument outside its contract (bad hex, wrong length…). */
  | 'invalid-argument'
  /** The AUTN's MAC does not verify: the challenge does not come from a network that knows K (TS 33.102 §6.3.3). */
  | 'autn-mac-mismatch'
  /** No BSF address given and none can be derived from the IMPI (TS 23.003 §16.2). */
  | 'bsf-address'
  /** The BSF answered something bootstrapping cannot go on with (status, challenge, body). */
  | 'bootstrap-failed'
  /** The USIM parameters (K, OPc/OP) are missing or malformed. */
  | 'usim-credentials';

export class GbaError extends Error {
  override readonly name = 'GbaError';
  readonly code: GbaErrorCode;

  constructor(code: GbaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isGbaError(value: unknown, code?: GbaErrorCode): value is GbaError {
  return value instanceof GbaError && (code === undefined || value.code === code);
}

/** Bytes from hex of exactly `bytes` octets (spaces and a 0x prefix tolerated); throws GbaError otherwise. */
export function bytesFromHex(text: string, bytes: number, what: string, code: GbaErrorCode = 'invalid-argument'): Buffer {
  if (typeof text !== 'string') throw new GbaError(code, `${what} must be a hex string.`);
  const clean = text.trim().replace(/^0x/i, '').replace(/[\s:]/g, '');
  // The value itself never goes into the message: it may be a key.
  if (!/^[0-9a-fA-F]*$/.test(clean)) throw new GbaError(code, `${what} must be hexadecimal (0-9, a-f).`);
  if (clean.length !== bytes * 2) throw new GbaError(code, `${what} must be ${bytes} bytes (${bytes * 2} hex digits), got ${clean.length} hex digits.`);
  return Buffer.from(clean, 'hex');
}
