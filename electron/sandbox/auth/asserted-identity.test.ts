import { describe, expect, it } from 'vitest';
import { assertedIdentity, firstIdentity } from './asserted-identity';
import { normalizeIpAddress } from './ip-address';

const PROXIES = ['127.0.0.1', '2001:db8::1'];
const header = (value: string | string[]): Record<string, string | string[]> => ({ 'x-3gpp-asserted-identity': value });

describe('assertedIdentity', () => {
  it('reads the identity from a trusted proxy', () => {
    expect(assertedIdentity(header('"Alice" <sip:alice@example.com>'), '127.0.0.1', PROXIES)).toBe('sip:alice@example.com');
    expect(assertedIdentity(header('tel:+15551234'), '2001:db8::1', PROXIES)).toBe('tel:+15551234');
  });

  it('recognises a trusted IPv4 proxy behind a dual-stack socket and IPv6 in any spelling', () => {
    expect(assertedIdentity(header('<sip:alice@example.com>'), '::ffff:127.0.0.1', PROXIES)).toBe('sip:alice@example.com');
    expect(assertedIdentity(header('<sip:alice@example.com>'), '::FFFF:7f00:1', PROXIES)).toBe('sip:alice@example.com');
    expect(assertedIdentity(header('<sip:alice@example.com>'), '2001:0DB8:0:0::0001', PROXIES)).toBe('sip:alice@example.com');
    expect(assertedIdentity(header('<sip:alice@example.com>'), '127.0.0.1', ['::ffff:127.0.0.1'])).toBe('sip:alice@example.com');
  });

  it('ignores the header from anyone who is not a trusted proxy', () => {
    const forged = header('"Alice" <sip:alice@example.com>');
    expect(assertedIdentity(forged, '127.0.0.2', PROXIES)).toBeNull();
    expect(assertedIdentity(forged, '::ffff:10.0.0.1', PROXIES)).toBeNull();
    expect(assertedIdentity(forged, '::1', PROXIES)).toBeNull();
    expect(assertedIdentity(forged, undefined, PROXIES)).toBeNull();
    expect(assertedIdentity(forged, '127.0.0.1', [])).toBeNull();
    expect(assertedIdentity(forged, 'localhost', ['127.0.0.1'])).toBeNull();
  });

  it('takes the first identity of the first header', () => {
    expect(assertedIdentity(header('<sip:alice@example.com>, <tel:+15551234>'), '127.0.0.1', PROXIES)).toBe('sip:alice@example.com');
    expect(assertedIdentity(header('tel:+15551234, sip:alice@example.com'), '127.0.0.1', PROXIES)).toBe('tel:+15551234');
    expect(assertedIdentity(header(['sip:bob@example.com', 'sip:alice@example.com']), '127.0.0.1', PROXIES)).toBe('sip:bob@example.com');
  });

  it('returns null when a trusted proxy sends no usable identity', () => {
    for (const value of ['', '   ', '<>', '"Alice" sip:alice@example.com', '"unterminated <sip:a@b>', '<sip:alice@example.com', 'mailto:alice@example.com']) {
      expect(assertedIdentity(header(value), '127.0.0.1', PROXIES), value).toBeNull();
    }
    expect(assertedIdentity({}, '127.0.0.1', PROXIES)).toBeNull();
    expect(assertedIdentity(header([]), '127.0.0.1', PROXIES)).toBeNull();
  });

  it('refuses a trusted proxy list that is not IP addresses', () => {
    const invalid = expect.objectContaining({ code: 'invalid-argument' });
    expect(() => assertedIdentity({}, '127.0.0.1', ['proxy.example.com'])).toThrow(invalid);
    expect(() => assertedIdentity({}, '127.0.0.1', ['10.0.0.0/8'])).toThrow(invalid);
    expect(() => assertedIdentity({}, '127.0.0.1', '127.0.0.1' as unknown as string[])).toThrow(invalid);
    expect(() => assertedIdentity(null as unknown as Record<string, string>, '127.0.0.1', PROXIES)).toThrow(invalid);
  });
});

describe('firstIdentity', () => {
  it('reads name-addr and addr-spec forms', () => {
    expect(firstIdentity('"Alice \\"A\\" <x>, y" <sip:alice@example.com>;tag=1')).toBe('sip:alice@example.com');
    expect(firstIdentity('Alice Smith <sip:alice@example.com>')).toBe('sip:alice@example.com');
    expect(firstIdentity('  <sip:alice@example.com;user=phone>')).toBe('sip:alice@example.com;user=phone');
    expect(firstIdentity('sip:alice@example.com;tag=1')).toBe('sip:alice@example.com');
  });
});

describe('normalizeIpAddress', () => {
  it('canonicalises addresses and unwraps IPv4-mapped IPv6', () => {
    expect(normalizeIpAddress('10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeIpAddress('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(normalizeIpAddress('0:0:0:0:0:FFFF:0A01:0203')).toBe('10.1.2.3');
    expect(normalizeIpAddress('2001:DB8:0::1')).toBe('2001:db8::1');
    expect(normalizeIpAddress('::1')).toBe('::1');
    expect(normalizeIpAddress('fe80::1%eth0')).toBeNull();
    expect(normalizeIpAddress('example.com')).toBeNull();
    expect(normalizeIpAddress('')).toBeNull();
  });
});
