import { describe, expect, it } from 'vitest';
import { isStoreError } from './store-error';
import { formatStoreKey, parseStoreKey, resolveKey, resolvePrefix } from './store-key';

function keyError(key: string): string | undefined {
  try {
    resolveKey(key);
    return undefined;
  } catch (error) {
    if (isStoreError(error, 'invalid-key')) return error.message;
    throw error;
  }
}

describe('store keys', () => {
  it('names XCAP documents of users and global ones, and MIME objects', () => {
    expect(parseStoreKey('resource-lists/users/sip:alice@example.com/index')).toEqual({
      namespace: 'xcap',
      auid: 'resource-lists',
      scope: { kind: 'users', xui: 'sip:alice@example.com' },
      documentPath: ['index'],
    });
    expect(parseStoreKey('xcap-caps/global/index')).toEqual({ namespace: 'xcap', auid: 'xcap-caps', scope: { kind: 'global' }, documentPath: ['index'] });
    expect(parseStoreKey('mime/users/tel:+1555/avatars/me.png')).toEqual({ namespace: 'mime', xui: 'tel:+1555', path: ['avatars', 'me.png'] });
  });

  it('accepts any percent-encoding and answers with the canonical one', () => {
    expect(resolveKey('resource-lists/users/sip:alice%40example.com/ind%65x').key).toBe('resource-lists/users/sip:alice@example.com/index');
    const slashInXui = resolveKey('rls-services/users/sip:a%2fb@example.com/index');
    expect(slashInXui.key).toBe('rls-services/users/sip:a%2Fb@example.com/index');
    expect(slashInXui.segments).toEqual(['rls-services', 'users', 'sip:a/b@example.com', 'index']);
    expect(resolveKey('a/global/caf%C3%A9 doc').key).toBe('a/global/caf%C3%A9%20doc');
  });

  it('refuses hostile and malformed keys', () => {
    for (const key of [
      '../../etc/passwd',
      'resource-lists/users/../../../etc/passwd',
      'resource-lists/users/sip:alice@example.com/..',
      'resource-lists/users/%2E%2E/index',
      'resource-lists/global/%2e',
      'resource-lists/users/sip:alice@example.com/',
      '/resource-lists/global/index',
      'resource-lists//global/index',
      'resource-lists/users/sip:alice@example.com/a%00b',
      'resource-lists/global/a\u0001b',
      'resource-lists/global/%ZZ',
      'resource-lists/global/%C3',
      'resource-lists/global/\uD800',
      'resource-lists/users/sip:alice@example.com',
      'resource-lists/global',
      'resource-lists/other/x/index',
      'mime/global/x',
      'mime/users/sip:alice@example.com',
      '',
      `a/global/${'x'.repeat(3000)}`,
    ]) {
      expect(keyError(key), key).toBeDefined();
    }
    expect(() => resolveKey(42 as unknown as string)).toThrow(/must be a string/);
  });

  it('formats locations, the inverse of parsing, and keeps "mime" for MIME objects', () => {
    for (const key of ['resource-lists/users/sip:a%2Fb@example.com/dir/index', 'xcap-caps/global/index', 'mime/users/sip:bob@example.com/x%20y.png']) {
      expect(formatStoreKey(parseStoreKey(key))).toBe(key);
    }
    expect(formatStoreKey({ namespace: 'xcap', auid: 'pres-rules', scope: { kind: 'users', xui: 'sip:bob@example.com' }, documentPath: ['index'] })).toBe(
      'pres-rules/users/sip:bob@example.com/index',
    );
    expect(() => formatStoreKey({ namespace: 'xcap', auid: 'mime', scope: { kind: 'users', xui: 'x' }, documentPath: ['y'] })).toThrow(/reserved/);
    expect(() => formatStoreKey({ namespace: 'xcap', auid: 'a', scope: { kind: 'global' }, documentPath: [] })).toThrow(/non-empty/);
    expect(() => formatStoreKey({ namespace: 'mime', xui: '..', path: ['x'] })).toThrow(/".." segment/);
  });

  it('reads list prefixes: empty, partial, with a trailing slash', () => {
    expect(resolvePrefix('').segments).toEqual([]);
    expect(resolvePrefix('resource-lists/users/').segments).toEqual(['resource-lists', 'users']);
    expect(() => resolvePrefix('resource-lists/..')).toThrow(/".." segment/);
    expect(resolvePrefix('/').segments).toEqual([]);
    expect(() => resolvePrefix('a//b')).toThrow(/empty segment/);
  });
});
