/**
 * The GBA key derivation function (TS 33.220 Annex B) and Ks_NAF (Annex B.3, GBA_ME):
 *
 *   derived key = HMAC-SHA-256(Key, S)
 *   S           = FC ‖ P0 ‖ L0 ‖ P1 ‖ L1 ‖ … ‖ Pn ‖ Ln      Li = length of Pi in octets, 2 octets big-endian
 *   Ks_NAF      = KDF(Ks, FC = 0x01, P0 = "gba-me", P1 = RAND, P2 = IMPI, P3 = NAF_Id)
 *   Ks          = CK ‖ IK
 *   NAF_Id      = NAF FQDN ‖ Ua security protocol identifier (Annex H, 5 octets)
 *
 * Character strings (P0, IMPI, the FQDN) are UTF-8 (Annex B.2.1).
 *
 * The Ua protocol identifier is (0x01,0x00,0x00,0x00,0x02): "Ua security protocol HTTP digest
 * authentication according to TS 24.109" (TS 33.220 Annex H.3), which is what XCAP on Ut does
 * (TS 24.109 §5.2, TS 24.623 §5.2.3). TS 33.222 §5.3 HTTPS with shared-key UE authentication and a
 * certificate-authenticated NAF has its own identifier (0x01,0x00,0x01,yy,zz), with the negotiated
 * TLS cipher suite in yy,zz; servers that derive with it can be met with the `uaProtocolId` option.
 */
import { createHmac } from 'node:crypto';
import { GbaError } from './gba-error';

export const GBA_ME_FC = 0x01;
/** TS 33.220 Annex H.3: HTTP Digest authentication according to TS 24.109. */
export const UA_HTTP_DIGEST = Uint8Array.of(0x01, 0x00, 0x00, 0x00, 0x02);

/** KDF(key, FC, P0, P1, …) of Annex B.2. Strings are UTF-8; each parameter at most 65535 octets. */
export function gbaKdf(key: Uint8Array, fc: number, ...params: readonly (string | Uint8Array)[]): Buffer {
  if (!(key instanceof Uint8Array) || key.length === 0) throw new GbaError('invalid-argument', 'the KDF key must be non-empty bytes.');
  if (!Number.isInteger(fc) || fc < 0 || fc > 0xff) throw new GbaError('invalid-argument', 'FC must be one octet.');
  const parts: Buffer[] = [Buffer.of(fc)];
  for (const param of params) {
    const bytes = typeof param === 'string' ? Buffer.from(param, 'utf8') : Buffer.from(param);
    if (bytes.length > 0xffff) throw new GbaError('invalid-argument', 'a KDF parameter must be at most 65535 octets.');
    const length = Buffer.alloc(2);
    length.writeUInt16BE(bytes.length);
    parts.push(bytes, length);
  }
  return createHmac('sha256', key).update(Buffer.concat(parts)).digest();
}

/** NAF_Id = FQDN ‖ Ua security protocol identifier. The FQDN is lowercased (DNS names compare without case). */
export function nafId(nafFqdn: string, uaProtocolId: Uint8Array = UA_HTTP_DIGEST): Buffer {
  if (typeof nafFqdn !== 'string' || nafFqdn === '') throw new GbaError('invalid-argument', 'the NAF FQDN must be a non-empty string.');
  if (!(uaProtocolId instanceof Uint8Array) || uaProtocolId.length !== 5) throw new GbaError('invalid-argument', 'the Ua security protocol identifier is 5 octets (TS 33.220 Annex H).');
  return Buffer.concat([Buffer.from(nafFqdn.toLowerCase(), 'utf8'), uaProtocolId]);
}

/** Ks_NAF (32 octets) for GBA_ME. */
export function deriveKsNaf(ks: Uint8Array, rand: Uint8Array, impi: string, nafFqdn: string, uaProtocolId: Uint8Array = UA_HTTP_DIGEST): Buffer {
  if (!(ks instanceof Uint8Array) || ks.length !== 32) throw new GbaError('invalid-argument', 'Ks (CK ‖ IK) must be 32 bytes.');
  if (!(rand instanceof Uint8Array) || rand.length !== 16) throw new GbaError('invalid-argument', 'RAND must be 16 bytes.');
  return gbaKdf(ks, GBA_ME_FC, 'gba-me', rand, impi, nafId(nafFqdn, uaProtocolId));
}
