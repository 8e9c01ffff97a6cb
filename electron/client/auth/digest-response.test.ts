/** The published Digest examples, computed by the client's own functions. */
import { describe, expect, it } from 'vitest';
import { Secret } from '../../secrets/secret';
import { digestHash } from './digest-algorithm';
import { digestResponse, digestRspauth, digestUserhash, type DigestResponseInput } from './digest-response';

// RFC 7616 §3.9.1: the same request with MD5 and with SHA-256.
const RFC7616 = {
  username: 'Mufasa',
  password: new Secret('Circle of Life'),
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  nc: '00000001',
  qop: 'auth',
  method: 'GET',
  uri: '/dir/index.html',
  body: null,
} as const;

describe('digestResponse', () => {
  it('gives the RFC 7616 §3.9.1 MD5 and SHA-256 responses', () => {
    expect(digestResponse({ ...RFC7616, algorithm: 'MD5' })).toBe('8ca523f5e9506fed4657c9700eebdbec');
    expect(digestResponse({ ...RFC7616, algorithm: 'SHA-256' })).toBe('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
  });

  it('gives the RFC 7616 §3.9.2 userhash and response (SHA-512-256, as corrected by erratum 4897)', () => {
    // The RFC printed 488869…54ec, which is SHA-512 cut to 256 bits, not SHA-512/256: the erratum corrects both values.
    expect(digestUserhash('SHA-512-256', 'J\u00e4s\u00f8n Doe', 'api@example.org')).toBe('793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b');
    const input: DigestResponseInput = {
      algorithm: 'SHA-512-256',
      username: 'J\u00e4s\u00f8n Doe',
      password: new Secret('Secret, or not?'),
      realm: 'api@example.org',
      nonce: '5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK',
      cnonce: 'NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v',
      nc: '00000001',
      qop: 'auth',
      method: 'GET',
      uri: '/doe.json',
      body: null,
    };
    expect(digestResponse(input)).toBe('3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5');
  });

  it('gives the RFC 2617 §3.5 response', () => {
    const input: DigestResponseInput = {
      algorithm: 'MD5',
      username: 'Mufasa',
      password: new Secret('Circle Of Life'),
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      cnonce: '0a4f113b',
      nc: '00000001',
      qop: 'auth',
      method: 'GET',
      uri: '/dir/index.html',
      body: null,
    };
    expect(digestResponse(input)).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('gives the RFC 2069 §2.4 response (no qop), as corrected by its erratum', () => {
    const input: DigestResponseInput = {
      algorithm: 'MD5',
      username: 'Mufasa',
      password: new Secret('CircleOfLife'),
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      cnonce: null,
      nc: null,
      qop: null,
      method: 'GET',
      uri: '/dir/index.html',
      body: null,
    };
    expect(digestResponse(input)).toBe('1949323746fe6a43ef61f9606e7febea');
  });

  it('auth-int hashes the body, and an absent body as the empty string', () => {
    const base = { ...RFC7616, algorithm: 'SHA-256', qop: 'auth-int' } as const;
    const empty = digestResponse({ ...base, body: null });
    expect(digestResponse({ ...base, body: new Uint8Array(0) })).toBe(empty);
    expect(digestResponse({ ...base, body: new TextEncoder().encode('<x/>') })).not.toBe(empty);
    expect(digestHash('SHA-256', new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('rspauth is the response with an empty method', () => {
    const input: DigestResponseInput = { ...RFC7616, algorithm: 'SHA-256' };
    expect(digestRspauth(input, null)).toBe(digestResponse({ ...input, method: '' }));
  });
});
