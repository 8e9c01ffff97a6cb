/** GbaAuthenticator without a BSF: which challenges it takes, refuses, and how it checks its arguments. */
import { describe, expect, it } from 'vitest';
import { Agent } from 'undici';
import { SoftUsim } from '../../gba/usim';
import type { AuthRequest } from './authenticator';
import { GbaAuthenticator, isBootstrappingRealm } from './gba';

const IMPI = '234150999999999@ims.mnc015.mcc234.3gppnetwork.org';
const request = (): AuthRequest => ({ method: 'GET', url: new URL('http://xcap.example.com/xcap-root/x'), target: '/xcap-root/x', body: null, secure: false });
const gba = () => new GbaAuthenticator({ impi: IMPI, usim: new SoftUsim(Buffer.alloc(16), Buffer.alloc(16)), dispatcher: new Agent() });

describe('GbaAuthenticator', () => {
  it('sends nothing before a challenge', async () => {
    expect(await gba().authorize(request())).toBeNull();
  });

  it('recognises the NAF realms of TS 24.109', () => {
    expect(['3GPP-bootstrapping@xcap.example.com', '3gpp-bootstrapping@x', '3GPP-bootstrapping-uicc@x', '3GPP-bootstrapping'].map(isBootstrappingRealm)).toEqual([true, true, true, true]);
    expect(['xcap', '3GPP-bootstrappingX@x', undefined].map(isBootstrappingRealm)).toEqual([false, false, false]);
  });

  it('gives up on ordinary Digest with advice, and on GBA_U (a UICC is needed)', async () => {
    const plain = await gba().challenge(request(), ['Digest realm="xcap", nonce="n", qop="auth"']);
    expect(plain.action === 'give-up' && [plain.error.code, plain.error.message]).toEqual(['unsupported-challenge', expect.stringContaining('--auth digest')]);
    const uicc = await gba().challenge(request(), ['Digest realm="3GPP-bootstrapping-uicc@xcap.example.com", nonce="n", qop="auth"']);
    expect(uicc.action === 'give-up' && uicc.error.message).toMatch(/GBA_ME/);
    const basic = await gba().challenge(request(), ['Basic realm="x"']);
    expect(basic.action).toBe('give-up');
  });

  it('reports an unreachable BSF address as a bootstrapping failure, naming --bsf', async () => {
    const auth = new GbaAuthenticator({ impi: 'alice@ims.example.com', usim: new SoftUsim(Buffer.alloc(16), Buffer.alloc(16)), dispatcher: new Agent() });
    const verdict = await auth.challenge(request(), ['Digest realm="3GPP-bootstrapping@xcap.example.com", nonce="n", qop="auth", algorithm=MD5']);
    expect(verdict.action === 'give-up' && [verdict.error.code, verdict.error.message]).toEqual(['bootstrap-failed', expect.stringContaining('--bsf')]);
  });

  it('refuses an IMPI that is not user@realm', () => {
    expect(() => new GbaAuthenticator({ impi: 'nobody', usim: new SoftUsim(Buffer.alloc(16), Buffer.alloc(16)), dispatcher: new Agent() })).toThrow(/user@realm/);
  });
});
