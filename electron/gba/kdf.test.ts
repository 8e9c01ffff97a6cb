/**
 * The GBA KDF and Ks_NAF against an independent computation: S is assembled byte by byte here,
 * exactly as TS 33.220 Annex B lays it out, and fed to node:crypto's HMAC-SHA-256.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKsNaf, gbaKdf, nafId, UA_HTTP_DIGEST } from './kdf';

const CK = Buffer.from('b40ba9a3c58b2a05bbf0d987b21bf8cb', 'hex'); // TS 35.208 test set 1
const IK = Buffer.from('f769bcd751044604127672711c6d3441', 'hex');
const RAND = Buffer.from('23553cbe9637a89d218ae64dae47bf35', 'hex');
const IMPI = '234150999999999@ims.mnc015.mcc234.3gppnetwork.org';
const NAF = 'xcap.ims.mnc015.mcc234.3gppnetwork.org';

describe('TS 33.220 Annex B KDF', () => {
  it('Ks_NAF = HMAC-SHA-256(CK ‖ IK, 0x01 ‖ "gba-me" ‖ 0x0006 ‖ RAND ‖ 0x0010 ‖ IMPI ‖ L2 ‖ NAF_Id ‖ L3)', () => {
    const impi = Buffer.from(IMPI, 'utf8');
    const nafIdBytes = Buffer.concat([Buffer.from(NAF, 'utf8'), Buffer.from([0x01, 0x00, 0x00, 0x00, 0x02])]);
    const s = Buffer.concat([
      Buffer.from([0x01]), // FC
      Buffer.from([0x67, 0x62, 0x61, 0x2d, 0x6d, 0x65]), // P0 = "gba-me"
      Buffer.from([0x00, 0x06]), // L0
      RAND, // P1
      Buffer.from([0x00, 0x10]), // L1 = 16
      impi, // P2
      Buffer.from([impi.length >> 8, impi.length & 0xff]), // L2
      nafIdBytes, // P3 = NAF FQDN ‖ Ua security protocol identifier
      Buffer.from([nafIdBytes.length >> 8, nafIdBytes.length & 0xff]), // L3
    ]);
    const expected = createHmac('sha256', Buffer.concat([CK, IK])).update(s).digest();
    expect(impi.length).toBe(49); // so L2 = 0x00 0x31
    expect(deriveKsNaf(Buffer.concat([CK, IK]), RAND, IMPI, NAF).toString('hex')).toBe(expected.toString('hex'));
  });

  it('NAF_Id is the lowercased FQDN and the 5-octet identifier (0x01,0x00,0x00,0x00,0x02)', () => {
    expect(nafId('XCAP.Example.COM').toString('hex')).toBe(Buffer.concat([Buffer.from('xcap.example.com'), Buffer.from('0100000002', 'hex')]).toString('hex'));
    expect([...UA_HTTP_DIGEST]).toEqual([1, 0, 0, 0, 2]);
    const other = deriveKsNaf(Buffer.concat([CK, IK]), RAND, IMPI, NAF, Uint8Array.of(1, 0, 1, 0, 0x2f));
    expect(other.equals(deriveKsNaf(Buffer.concat([CK, IK]), RAND, IMPI, NAF))).toBe(false);
  });

  it('encodes string parameters as UTF-8 with byte lengths, and any number of parameters', () => {
    const key = Buffer.alloc(32, 7);
    const s = Buffer.concat([Buffer.from([0x42]), Buffer.from('ü', 'utf8'), Buffer.from([0, 2]), Buffer.alloc(0), Buffer.from([0, 0])]);
    expect(gbaKdf(key, 0x42, 'ü', new Uint8Array(0)).toString('hex')).toBe(createHmac('sha256', key).update(s).digest('hex'));
  });

  it('checks its inputs', () => {
    expect(() => deriveKsNaf(Buffer.alloc(16), RAND, IMPI, NAF)).toThrow(/Ks/);
    expect(() => deriveKsNaf(Buffer.alloc(32), Buffer.alloc(8), IMPI, NAF)).toThrow(/RAND/);
    expect(() => nafId(NAF, Uint8Array.of(1, 2))).toThrow(/5 octets/);
    expect(() => gbaKdf(Buffer.alloc(32), 256)).toThrow(/FC/);
  });
});
