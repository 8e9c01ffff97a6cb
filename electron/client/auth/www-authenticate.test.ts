import { describe, expect, it } from 'vitest';
import { isAuthError } from './auth-error';
import { parseAuthParams, parseWwwAuthenticate, readChallenges } from './www-authenticate';

/** Plain objects for comparison (the parser's params have a null prototype). */
function plain(value: string): { scheme: string; params: Record<string, string>; token68?: string }[] {
  return parseWwwAuthenticate(value).map((challenge) => ({ ...challenge, params: { ...challenge.params } }));
}

function errorOf(value: string): { code: string; position: number | undefined; message: string } {
  try {
    parseWwwAuthenticate(value);
  } catch (error) {
    if (!isAuthError(error)) throw error;
    return { code: error.code, position: error.position, message: error.message };
  }
  throw new Error(`parsed: ${value}`);
}

describe('parseWwwAuthenticate', () => {
  it('reads the RFC 9110 §11.6.1 example: two challenges in one value, an escaped quote', () => {
    expect(plain('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"')).toEqual([
      { scheme: 'newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'basic', params: { realm: 'simple' } },
    ]);
  });

  it('reads the RFC 7616 §3.9.1 challenge', () => {
    const [challenge] = plain('Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
    expect(challenge).toEqual({
      scheme: 'digest',
      params: { realm: 'http-auth@example.org', qop: 'auth, auth-int', algorithm: 'SHA-256', nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v', opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS' },
    });
  });

  it('lowercases scheme and parameter names, keeps values as sent', () => {
    expect(plain('DIGEST Realm="R", ALGORITHM=Sha-256')).toEqual([{ scheme: 'digest', params: { realm: 'R', algorithm: 'Sha-256' } }]);
  });

  it('reads token68 challenges, alone and among others', () => {
    // By the grammar, "realm=" alone is a token68, not a parameter without a value.
    expect(plain('Digest realm=')).toEqual([{ scheme: 'digest', params: {}, token68: 'realm=' }]);
    expect(plain('Negotiate YII=')).toEqual([{ scheme: 'negotiate', params: {}, token68: 'YII=' }]);
    expect(plain('Negotiate a+b/c==, Basic realm="x"')).toEqual([
      { scheme: 'negotiate', params: {}, token68: 'a+b/c==' },
      { scheme: 'basic', params: { realm: 'x' } },
    ]);
  });

  it('reads schemes without parameters, and empty list elements', () => {
    expect(plain(' , Basic,, Negotiate ,Digest realm="r",,  ')).toEqual([
      { scheme: 'basic', params: {} },
      { scheme: 'negotiate', params: {} },
      { scheme: 'digest', params: { realm: 'r' } },
    ]);
    expect(parseWwwAuthenticate('')).toEqual([]);
  });

  it('accepts OWS around "=", tabs, and commas without spaces', () => {
    expect(plain('Digest\trealm = "a b" ,nonce=\t"n",Basic realm=x')).toEqual([
      { scheme: 'digest', params: { realm: 'a b', nonce: 'n' } },
      { scheme: 'basic', params: { realm: 'x' } },
    ]);
  });

  it('keeps commas, equals signs and backslash escapes inside quoted strings', () => {
    expect(plain('Digest realm="a, b=c, Basic d", nonce="x\\\\y\\z"')[0]?.params).toEqual({ realm: 'a, b=c, Basic d', nonce: 'x\\yz' });
  });

  it('is lenient with unquoted base64 values (a nonce sent without quotes)', () => {
    expect(plain('Digest nonce=ab+/cd==, qop=auth')[0]?.params).toEqual({ nonce: 'ab+/cd==', qop: 'auth' });
  });

  it('keeps obs-text (Latin-1 bytes) in quoted strings', () => {
    expect(plain('Basic realm="Z\u00c3\u00bcrich"')[0]?.params.realm).toBe('Z\u00c3\u00bcrich');
  });

  it('treats "__proto__" and "constructor" as ordinary parameter names', () => {
    const [challenge] = parseWwwAuthenticate('X __proto__="a", constructor=b');
    expect(Object.getPrototypeOf(challenge?.params)).toBeNull();
    expect(challenge?.params.__proto__).toBe('a');
    expect(challenge?.params.constructor).toBe('b');
  });

  it.each([
    ['Digest realm="unterminated', 'without its closing quote', 13],
    ['Digest realm="a", realm="b"', 'given twice', 18],
    ['Digest realm="a" nonce="b"', 'expected ","', 17],
    ['Digest nonce="n", realm=', 'expected a value', 24],
    ['Digest realm="a\r\nX: y"', 'control character', 15],
    ['Digest="x"', 'expected a space after the scheme', 6],
    ['Basic Digest realm="r"', 'expected name=value', 6],
    ['Negotiate abc=, x=y', 'token68 takes no parameters', 16],
    ['"quoted"', 'expected an authentication scheme', 0],
    ['Digest realm="a", =b', 'expected a parameter name', 18],
  ])('rejects %j (%s) with its position', (value, problem, position) => {
    const error = errorOf(value);
    expect(error.code).toBe('malformed-challenge');
    expect(error.message).toContain(problem);
    expect(error.position).toBe(position);
  });

  it('shows control characters in the message escaped, and long values cut', () => {
    expect(errorOf('Digest realm="a\u0000"').message).toContain('\\\\x00');
    expect(errorOf(`Digest realm="${'x'.repeat(500)}`).message.length).toBeLessThan(300);
  });

  it('rejects a non-string with invalid-argument', () => {
    expect(() => parseWwwAuthenticate(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});

describe('readChallenges', () => {
  it('parses each field on its own: a malformed one does not hide the others', () => {
    const { challenges, errors } = readChallenges(['Digest realm="a', 'Basic realm="b"']);
    expect(challenges.map((challenge) => challenge.scheme)).toEqual(['basic']);
    expect(errors.map((error) => error.code)).toEqual(['malformed-challenge']);
  });
});

describe('parseAuthParams (Authentication-Info)', () => {
  it('reads the parameters', () => {
    expect({ ...parseAuthParams('rspauth="abc", cnonce="x,y", nc=00000001, qop=auth, nextnonce="n"') }).toEqual({ rspauth: 'abc', cnonce: 'x,y', nc: '00000001', qop: 'auth', nextnonce: 'n' });
  });

  it('rejects what is not a parameter list', () => {
    expect(() => parseAuthParams('rspauth="a", garbage')).toThrow(expect.objectContaining({ code: 'malformed-challenge' }));
  });
});
