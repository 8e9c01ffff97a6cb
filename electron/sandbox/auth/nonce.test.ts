import { describe, expect, it } from 'vitest';
import { HmacNonceSource } from './nonce';

const SECRET = new Uint8Array(32).fill(7);

describe('HmacNonceSource', () => {
  it('issues base64url nonces that carry their issue time', () => {
    const source = new HmacNonceSource(SECRET, () => 1_700_000_000_123);
    const nonce = source.issue();
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{75}$/);
    expect(source.issuedAt(nonce)).toBe(1_700_000_000_123);
  });

  it('issues a different nonce every time', () => {
    const source = new HmacNonceSource(SECRET, () => 1000);
    expect(new Set(Array.from({ length: 100 }, () => source.issue())).size).toBe(100);
  });

  it('refuses nonces made with another secret, altered, or of another shape', () => {
    const source = new HmacNonceSource(SECRET, () => 1000);
    const other = new HmacNonceSource(new Uint8Array(32).fill(8), () => 1000);
    const nonce = source.issue();
    expect(source.issuedAt(other.issue())).toBeNull();
    const flipped = nonce.slice(0, 5) + (nonce[5] === 'A' ? 'B' : 'A') + nonce.slice(6);
    expect(source.issuedAt(flipped)).toBeNull();
    for (const bad of ['', 'abc', nonce + 'A', nonce.slice(1), `${nonce.slice(0, 74)}!`, '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v']) {
      expect(source.issuedAt(bad)).toBeNull();
    }
  });

  it('has one spelling per nonce (the unused low bits of the last character must be zero)', () => {
    const source = new HmacNonceSource(SECRET, () => 1000);
    const nonce = source.issue();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(nonce.charAt(74));
    const sibling = nonce.slice(0, 74) + alphabet.charAt(last ^ 1);
    expect(source.issuedAt(sibling)).toBeNull();
  });

  it('keeps its own copy of the secret', () => {
    const secret = new Uint8Array(SECRET);
    const source = new HmacNonceSource(secret, () => 1000);
    const nonce = source.issue();
    secret.fill(0);
    expect(source.issuedAt(nonce)).toBe(1000);
  });

  it('checks its arguments', () => {
    expect(() => new HmacNonceSource(new Uint8Array(15), () => 0)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => new HmacNonceSource('secret-secret-secret' as unknown as Uint8Array, () => 0)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    expect(() => new HmacNonceSource(SECRET, () => Number.NaN).issue()).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});
