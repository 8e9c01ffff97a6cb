import { describe, expect, it } from 'vitest';
import { isToken68, parseAuthParams, quoteString, splitCredentials } from './http-credentials';

describe('splitCredentials', () => {
  it('splits the scheme from the rest', () => {
    expect(splitCredentials('Digest a=1')).toEqual({ scheme: 'Digest', rest: 'a=1' });
    expect(splitCredentials('  Basic   QQ==  ')).toEqual({ scheme: 'Basic', rest: 'QQ==' });
    expect(splitCredentials('Negotiate')).toEqual({ scheme: 'Negotiate', rest: '' });
  });

  it('refuses text that does not start with a scheme token', () => {
    expect(splitCredentials('')).toBeNull();
    expect(splitCredentials('"Digest" a=1')).toBeNull();
    expect(splitCredentials('Digest,a=1')).toBeNull();
  });
});

describe('parseAuthParams', () => {
  it('reads tokens and quoted-strings, lowercasing names', () => {
    expect(Object.fromEntries(parseAuthParams('Realm="a b", NC=00000001 ,algorithm=SHA-256') ?? [])).toEqual({
      realm: 'a b',
      nc: '00000001',
      algorithm: 'SHA-256',
    });
  });

  it('unescapes quoted-pairs and keeps commas and "=" inside quotes', () => {
    expect(parseAuthParams(String.raw`u="a\"b\\c", v="x,y=z"`)?.get('u')).toBe('a"b\\c');
    expect(parseAuthParams(String.raw`u="a\"b\\c", v="x,y=z"`)?.get('v')).toBe('x,y=z');
  });

  it('allows spaces around "=" and empty list elements', () => {
    expect(Object.fromEntries(parseAuthParams(', a = "1" ,, b\t=\t2 ,') ?? [])).toEqual({ a: '1', b: '2' });
    expect(parseAuthParams('')?.size).toBe(0);
  });

  it('refuses duplicated parameters, in any case', () => {
    expect(parseAuthParams('a=1, a=2')).toBeNull();
    expect(parseAuthParams('nonce="x", Nonce="x"')).toBeNull();
  });

  it('refuses broken syntax', () => {
    for (const text of ['a', 'a=', '=1', 'a="1', 'a="1" b=2', 'a=1 2', 'a="\\', 'a="x\u0001"', 'a="x\\\u0000"', 'a=b"c"', 'a="x" junk', 'a="\u0100"']) {
      expect(parseAuthParams(text), text).toBeNull();
    }
  });
});

describe('quoteString and isToken68', () => {
  it('quotes and escapes', () => {
    expect(quoteString('a"b\\c')).toBe(String.raw`"a\"b\\c"`);
    expect(parseAuthParams(`x=${quoteString('a"b\\c')}`)?.get('x')).toBe('a"b\\c');
    expect(() => quoteString('a\nb')).toThrow(RangeError);
  });

  it('recognises token68', () => {
    expect(isToken68('QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toBe(true);
    expect(isToken68('a=b')).toBe(false);
  });
});
