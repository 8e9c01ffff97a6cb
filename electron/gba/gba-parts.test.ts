/** The small pieces of GBA: BSF address (TS 23.003), BootstrappingInfo, the AKA nonce, the key holder, USIM credentials. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../secrets/secret';
import { decodeAkaNonce, encodeAkaNonce, splitAutn } from './aka-nonce';
import { akaDigestResponse } from './aka-digest';
import { formatBootstrappingInfo, parseBootstrappingInfo } from './bootstrap-info';
import { bsfUrlFromImpi, impiRealm } from './bsf-address';
import { GbaKey } from './gba-key';
import { createUsim, usimSecretsFromEnv } from './usim-credentials';

describe('BSF address from the IMPI (TS 23.003 §16.2)', () => {
  it('bsf.mnc<MNC>.mcc<MCC>.pub.3gppnetwork.org from the realm, MNC padded to 3 digits', () => {
    expect(bsfUrlFromImpi('234150999999999@ims.mnc015.mcc234.3gppnetwork.org').href).toBe('http://bsf.mnc015.mcc234.pub.3gppnetwork.org/');
    expect(bsfUrlFromImpi('user@ims.mnc15.mcc234.3gppnetwork.org').host).toBe('bsf.mnc015.mcc234.pub.3gppnetwork.org');
    expect(impiRealm('a@b@ims.example.com')).toBe('ims.example.com');
  });

  it('asks for --bsf when the realm is not a 3gppnetwork.org home network', () => {
    expect(() => bsfUrlFromImpi('alice@ims.example.com')).toThrow(/--bsf/);
    expect(() => impiRealm('no-realm')).toThrow(/user@realm/);
  });
});

describe('BootstrappingInfo (application/vnd.3gpp.bsf+xml)', () => {
  it('round-trips B-TID and lifetime', () => {
    const info = { btid: 'I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.com', expiresAt: new Date('2026-11-27T11:00:00Z') };
    expect(parseBootstrappingInfo(formatBootstrappingInfo(info))).toEqual(info);
  });

  it('refuses other documents, missing fields and entity tricks', () => {
    expect(() => parseBootstrappingInfo('<BootstrappingInfo><btid>x@y</btid><lifetime>2026-01-01T00:00:00Z</lifetime></BootstrappingInfo>')).toThrow(/uri:3gpp-gba/);
    expect(() => parseBootstrappingInfo('<BootstrappingInfo xmlns="uri:3gpp-gba"><lifetime>2026-01-01T00:00:00Z</lifetime></BootstrappingInfo>')).toThrow(/btid/);
    expect(() => parseBootstrappingInfo('<BootstrappingInfo xmlns="uri:3gpp-gba"><btid>x@y</btid><lifetime>soon</lifetime></BootstrappingInfo>')).toThrow(/lifetime/);
    expect(() => parseBootstrappingInfo('<!DOCTYPE a [<!ENTITY e "x">]><BootstrappingInfo xmlns="uri:3gpp-gba"/>')).toThrow(/well-formed|entity/i);
  });
});

describe('the AKA nonce and AUTN', () => {
  it('base64(RAND ‖ AUTN ‖ server data), AUTN = SQN⊕AK ‖ AMF ‖ MAC', () => {
    const rand = Buffer.alloc(16, 1);
    const autn = Buffer.from('55f328b43577b9b94a9ffac354dfafb3', 'hex');
    const decoded = decodeAkaNonce(encodeAkaNonce(rand, autn, Buffer.from('srv')));
    expect(decoded?.rand.equals(rand)).toBe(true);
    expect(decoded?.serverData.toString()).toBe('srv');
    const fields = splitAutn(autn);
    expect([fields.sqnXorAk.toString('hex'), fields.amf.toString('hex'), fields.mac.toString('hex')]).toEqual(['55f328b43577', 'b9b9', '4a9ffac354dfafb3']);
    expect(decodeAkaNonce('c2hvcnQ=')).toBeNull();
    expect(decodeAkaNonce('not base64!')).toBeNull();
  });

  it('AKAv1-MD5 hashes RES as raw octets: H(A1) = MD5(user ":" realm ":" RES)', async () => {
    const { createHash } = await import('node:crypto');
    const md5 = (data: Buffer | string) => createHash('md5').update(data).digest('hex');
    const res = Buffer.from('a54211d5e3ba50bf', 'hex'); // bytes above 0x7f: UTF-8 text hashing would differ
    const input = { username: 'u@r', realm: 'r', password: res, nonce: 'n', method: 'GET', uri: '/bsf', qop: 'auth-int' as const, nc: '00000001', cnonce: 'c', body: null };
    const ha1 = md5(Buffer.concat([Buffer.from('u@r:r:'), res]));
    const ha2 = md5(`GET:/bsf:${md5('')}`);
    expect(akaDigestResponse(input)).toBe(md5(`${ha1}:n:00000001:c:auth-int:${ha2}`));
  });
});

describe('GbaKey and USIM credentials', () => {
  it('a GbaKey never prints Ks, RAND or the B-TID', () => {
    const key = new GbaKey({ impi: 'i@r', btid: 'BTID@bsf', rand: Buffer.alloc(16, 9), ck: Buffer.alloc(16, 1), ik: Buffer.alloc(16, 2), expiresAt: new Date(Date.now() + 1000) });
    expect(`${String(key)} ${JSON.stringify({ key })} ${inspect(key)}`).not.toMatch(/BTID|0101|0909/);
    expect(key.nafPassword('naf.example.com')).toBeInstanceOf(Secret);
    expect(key.isExpired(Date.now())).toBe(false);
  });

  it('reads XCAP_USIM_K with OPc or OP, refuses both or neither, and never quotes a value', () => {
    expect(usimSecretsFromEnv({})).toBeNull();
    const k = '465b5ce8b199b49faa5f0a2ee238a6bc';
    expect(createUsim(usimSecretsFromEnv({ XCAP_USIM_K: k, XCAP_USIM_OP: 'cdc202d5123e20f62b6d676ac72cb318' }) ?? { k: new Secret('') }).sqnMs).toBe(0);
    expect(() => createUsim({ k: new Secret(k) })).toThrow(/OPc \(XCAP_USIM_OPC\) or OP \(XCAP_USIM_OP\)/);
    expect(() => createUsim({ k: new Secret(k), opc: new Secret(k), op: new Secret(k) })).toThrow(/not both/);
    let message = '';
    try {
      createUsim({ k: new Secret(`${k}00`), opc: new Secret(k) });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/K \(XCAP_USIM_K\) must be 16 bytes/);
    expect(message).not.toContain(k);
  });
});
