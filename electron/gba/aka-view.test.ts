/** The AKA view of recorded Ub exchanges: challenge decoded, answers named, nothing secret shown. */
import { describe, expect, it } from 'vitest';
import { encodeAkaNonce } from './aka-nonce';
import { decodeAkaView, formatAkaFields } from './aka-view';

const RAND = Buffer.from('23553cbe9637a89d218ae64dae47bf35', 'hex');
const AUTN = Buffer.from('55f328b43577b9b94a9ffac354dfafb3', 'hex');
const NONCE = encodeAkaNonce(RAND, AUTN, Buffer.alloc(0));

describe('decodeAkaView', () => {
  it('decodes the 401 challenge: RAND, AUTN = SQN⊕AK ‖ AMF ‖ MAC', () => {
    const view = decodeAkaView(
      { headers: [['authorization', 'Digest username="234150999999999@ims.mnc015.mcc234.3gppnetwork.org", realm="ims.mnc015.mcc234.3gppnetwork.org", nonce="", uri="/bsf", response=""']] },
      { headers: [['WWW-Authenticate', `Digest realm="ims.mnc015.mcc234.3gppnetwork.org", nonce="${NONCE}", algorithm=AKAv1-MD5, qop="auth-int"`]] },
    );
    expect(view?.answer).toEqual({ kind: 'identity', username: '234150999999999@ims.mnc015.mcc234.3gppnetwork.org', fields: null });
    expect(view?.challenge).toMatchObject({ rand: RAND.toString('hex'), sqnXorAk: '55f328b43577', amf: 'b9b9', mac: '4a9ffac354dfafb3', serverData: '' });
    expect(formatAkaFields(view?.challenge ?? ({} as never))).toBe('RAND 23553cbe9637a89d218ae64dae47bf35; AUTN 55f328b43577b9b94a9ffac354dfafb3 = SQN⊕AK 55f328b43577 ‖ AMF b9b9 ‖ MAC 4a9ffac354dfafb3');
  });

  it('names the answer (RES or AUTS) from a redacted Authorization without showing it', () => {
    const res = decodeAkaView({ headers: [['Authorization', `Digest username="i@r", realm="r", uri="/bsf", algorithm=AKAv1-MD5, nonce="${NONCE}", nc=00000001, cnonce="c", qop=auth-int, response=<redacted>`]] }, { headers: [] });
    expect(res?.answer?.kind).toBe('res');
    expect(res?.answer?.fields?.rand).toBe(RAND.toString('hex'));
    const auts = decodeAkaView({ headers: [['Authorization', `Digest username="i@r", algorithm=AKAv1-MD5, nonce="${NONCE}", response=<redacted>, auts=<redacted>`]] }, null);
    expect(auts?.answer?.kind).toBe('auts');
    expect(JSON.stringify(auts)).not.toContain('<redacted>');
  });

  it('is null for exchanges without Digest AKA (ordinary Digest, Ua with a B-TID)', () => {
    expect(decodeAkaView({ headers: [['authorization', 'Digest username="a", realm="3GPP-bootstrapping@x", nonce="n", uri="/", response="r"']] }, { headers: [['www-authenticate', 'Digest realm="x", nonce="n", algorithm=MD5']] })).toBeNull();
    expect(decodeAkaView({ headers: [] }, null)).toBeNull();
  });
});
