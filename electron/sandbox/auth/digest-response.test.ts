import { describe, expect, it } from 'vitest';
import { isSandboxAuthError } from './auth-error';
import { digestResponse, digestUserhash, type DigestResponseParams } from './digest-response';
import { RFC_7616_EXAMPLE } from './test-support/rfc7616-example';

const { username, password, realm, nonce, cnonce, nc, uri, method } = RFC_7616_EXAMPLE;
const params: DigestResponseParams = { algorithm: 'MD5', username, password, realm, nonce, cnonce, nc, uri, method, qop: 'auth' };

describe('digestResponse', () => {
  it('reproduces the RFC 7616 §3.9.1 example with MD5', () => {
    expect(digestResponse(params)).toBe(RFC_7616_EXAMPLE.responses.MD5);
  });

  it('reproduces the RFC 7616 §3.9.1 example with SHA-256', () => {
    expect(digestResponse({ ...params, algorithm: 'SHA-256' })).toBe(RFC_7616_EXAMPLE.responses['SHA-256']);
  });

  it('depends on every input', () => {
    const base = digestResponse(params);
    for (const change of [{ username: 'mufasa' }, { password: 'x' }, { realm: 'x' }, { nonce: 'x' }, { cnonce: 'x' }, { nc: '00000002' }, { uri: '/' }, { method: 'PUT' }]) {
      expect(digestResponse({ ...params, ...change })).not.toBe(base);
    }
  });

  it('checks its arguments', () => {
    const code = (value: unknown): string | undefined => {
      try {
        digestResponse(value as DigestResponseParams);
      } catch (error) {
        return isSandboxAuthError(error) ? error.code : 'other';
      }
      return undefined;
    };
    expect(code(null)).toBe('invalid-argument');
    expect(code({ ...params, algorithm: 'SHA-512-256' })).toBe('invalid-argument');
    expect(code({ ...params, qop: 'auth-int' })).toBe('invalid-argument');
    expect(code({ ...params, nc: '1' })).toBe('invalid-argument');
    expect(code({ ...params, uri: undefined })).toBe('invalid-argument');
  });
});

describe('digestUserhash', () => {
  it('is H(username ":" realm)', () => {
    // Computed independently with md5sum and sha256sum.
    expect(digestUserhash('MD5', username, realm)).toBe('4238f3a16167373febb9bc4d43db9cc4');
    expect(digestUserhash('SHA-256', username, realm)).toBe('a947aad205e80e429958a387394944c6b496301e79f89d35a4cc23b6ee12b5b6');
    expect(digestUserhash('MD5', username, realm)).not.toBe(digestUserhash('MD5', username, 'other'));
  });
});
