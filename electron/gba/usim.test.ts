/** The software USIM against the network side (AUTN, AUTS) built from the same MILENAGE: MAC, freshness, re-synchronisation. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isGbaError } from './gba-error';
import { Milenage } from './milenage';
import { buildAutn, SoftUsim, SQN_DELTA, sqnMsFromAuts } from './usim';

// TS 35.208 test set 1.
const K = Buffer.from('465b5ce8b199b49faa5f0a2ee238a6bc', 'hex');
const OPC = Buffer.from('cd63cb71954a9f4e48a5994e37a02baf', 'hex');
const RAND = Buffer.from('23553cbe9637a89d218ae64dae47bf35', 'hex');
const AMF = Buffer.from('b9b9', 'hex');
const network = new Milenage(K, OPC);

describe('SoftUsim', () => {
  it('answers a fresh challenge with the TS 35.208 RES, CK and IK, and remembers SQN', () => {
    const usim = new SoftUsim(K, OPC);
    const sqn = 42;
    const result = usim.authenticate(RAND, buildAutn(network, RAND, sqn, AMF));
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect([result.res.toString('hex'), result.ck.toString('hex'), result.ik.toString('hex')]).toEqual(['a54211d5e3ba50bf', 'b40ba9a3c58b2a05bbf0d987b21bf8cb', 'f769bcd751044604127672711c6d3441']);
    expect(usim.sqnMs).toBe(42);
  });

  it('builds the AUTN of test set 1: SQN ⊕ AK ‖ AMF ‖ MAC-A', () => {
    // SQN ff9bb4d0b607 ⊕ AK aa689c648370 = 55f328b43577; MAC-A 4a9ffac354dfafb3 (TS 35.208 test set 1).
    expect(buildAutn(network, RAND, 0xff9bb4d0b607, AMF).toString('hex')).toBe('55f328b43577b9b94a9ffac354dfafb3');
  });

  it('refuses an AUTN whose MAC does not verify: "AUTN MAC mismatch (network not authenticated)"', () => {
    const autn = buildAutn(network, RAND, 1, AMF);
    autn[15] = (autn[15] ?? 0) ^ 0x01;
    let thrown: unknown;
    try {
      new SoftUsim(K, OPC).authenticate(RAND, autn);
    } catch (error) {
      thrown = error;
    }
    expect(isGbaError(thrown, 'autn-mac-mismatch')).toBe(true);
    expect((thrown as Error).message).toBe('AUTN MAC mismatch (network not authenticated)');
    const otherK = Buffer.from(K);
    otherK[3] = (otherK[3] ?? 0) ^ 0x80;
    expect(() => new SoftUsim(otherK, OPC).authenticate(RAND, buildAutn(network, RAND, 1, AMF))).toThrow('AUTN MAC mismatch (network not authenticated)');
  });

  it('answers a replayed or too-old SQN with AUTS, from which the network recovers SQN_MS', () => {
    const usim = new SoftUsim(K, OPC, 1000);
    for (const sqn of [1000, 999, 1]) {
      const result = usim.authenticate(RAND, buildAutn(network, RAND, sqn, AMF));
      expect(result.kind).toBe('sync-failure');
      if (result.kind === 'sync-failure') expect(sqnMsFromAuts(network, RAND, result.auts)).toBe(1000);
    }
    expect(usim.sqnMs).toBe(1000);
  });

  it('accepts SQN up to Δ = 2^28 ahead and asks for re-synchronisation beyond', () => {
    expect(new SoftUsim(K, OPC, 5).authenticate(RAND, buildAutn(network, RAND, 5 + SQN_DELTA, AMF)).kind).toBe('ok');
    const far = new SoftUsim(K, OPC, 5).authenticate(RAND, buildAutn(network, RAND, 6 + SQN_DELTA, AMF));
    expect(far.kind).toBe('sync-failure');
  });

  it('AUTS = (SQN_MS ⊕ AK*) ‖ MAC-S with AK* = f5*, MAC-S = f1* over AMF 0000', () => {
    const result = new SoftUsim(K, OPC, 0xff9bb4d0b607).authenticate(RAND, buildAutn(network, RAND, 1, AMF));
    expect(result.kind).toBe('sync-failure');
    if (result.kind !== 'sync-failure') return;
    const sqnMs = Buffer.from('ff9bb4d0b607', 'hex');
    const akStar = Buffer.from('451e8beca43b', 'hex'); // f5* of test set 1
    const concealed = Buffer.from(sqnMs.map((byte, i) => byte ^ (akStar[i] ?? 0)));
    expect(result.auts.subarray(0, 6).toString('hex')).toBe(concealed.toString('hex'));
    expect(result.auts.subarray(6).toString('hex')).toBe(network.f1(RAND, sqnMs, Buffer.alloc(2)).macS.toString('hex'));
    // A forged AUTS does not verify.
    const forged = Buffer.from(result.auts);
    forged[13] = (forged[13] ?? 0) ^ 1;
    expect(sqnMsFromAuts(network, RAND, forged)).toBeNull();
  });

  it('never prints its keys', () => {
    const usim = new SoftUsim(K, OPC);
    expect(`${String(usim)} ${JSON.stringify(usim)} ${inspect(usim)}`).not.toMatch(/465b5ce8|cd63cb71/);
  });
});
