/**
 * The Digest AKA nonce (RFC 3310 §3.2) and the AUTN inside it (TS 33.102 §6.3.2):
 *
 *   nonce = base64( RAND (16) ‖ AUTN (16) ‖ server data (any length) )
 *   AUTN  = SQN ⊕ AK (6) ‖ AMF (2) ‖ MAC (8)
 *
 * Nothing here is secret: RAND and AUTN travel in clear, and SQN stays concealed by AK.
 */
export interface AkaNonce {
  readonly rand: Buffer;
  readonly autn: Buffer;
  readonly serverData: Buffer;
}

export interface AutnFields {
  readonly sqnXorAk: Buffer;
  readonly amf: Buffer;
  readonly mac: Buffer;
}

/** The parts of an AKA nonce, or null when it is not base64 of at least 32 octets. */
export function decodeAkaNonce(nonce: string): AkaNonce | null {
  if (typeof nonce !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(nonce.trim())) return null;
  const bytes = Buffer.from(nonce.trim(), 'base64');
  if (bytes.length < 32) return null;
  return { rand: bytes.subarray(0, 16), autn: bytes.subarray(16, 32), serverData: bytes.subarray(32) };
}

export function encodeAkaNonce(rand: Uint8Array, autn: Uint8Array, serverData: Uint8Array): string {
  return Buffer.concat([rand, autn, serverData]).toString('base64');
}

export function splitAutn(autn: Uint8Array): AutnFields {
  const bytes = Buffer.from(autn);
  return { sqnXorAk: bytes.subarray(0, 6), amf: bytes.subarray(6, 8), mac: bytes.subarray(8, 16) };
}
