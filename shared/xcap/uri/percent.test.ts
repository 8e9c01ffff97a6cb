import { describe, expect, it } from 'vitest';
import { isXcapCoreError } from '../errors';
import { encodeNodeSelector, encodePathSegment, encodeQueryText, percentDecode, rawIndexOfDecodedOffset } from './percent';

function decodeError(text: string, options: Parameters<typeof percentDecode>[1] = {}): { code: string; column: number | undefined; message: string } {
  try {
    percentDecode(text, options);
  } catch (error) {
    if (isXcapCoreError(error)) return { code: error.code, column: error.column, message: error.message };
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

describe('encodePathSegment', () => {
  it('keeps RFC 3986 pchar readable, so XUIs stay legible', () => {
    expect(encodePathSegment('sip:alice@example.com')).toBe('sip:alice@example.com');
    expect(encodePathSegment("tel:+1-555;phone-context=x!$&'()*,~_.")).toBe("tel:+1-555;phone-context=x!$&'()*,~_.");
  });

  it('encodes delimiters, "%", space and the characters RFC 3986 does not allow', () => {
    expect(encodePathSegment('a/b?c#d%e f')).toBe('a%2Fb%3Fc%23d%25e%20f');
    expect(encodePathSegment('[]"<>^`{|}\\')).toBe('%5B%5D%22%3C%3E%5E%60%7B%7C%7D%5C');
  });

  it('encodes non-ASCII as uppercase UTF-8 bytes', () => {
    expect(encodePathSegment('jörg')).toBe('j%C3%B6rg');
    expect(encodePathSegment('€')).toBe('%E2%82%AC');
    expect(encodePathSegment('😀')).toBe('%F0%9F%98%80');
  });

  it('refuses unpaired surrogates, which have no UTF-8 form', () => {
    expect(() => encodePathSegment('a\uD800b')).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});

describe('encodeNodeSelector', () => {
  it('writes the selector the way RFC 4825 servers expect it', () => {
    expect(encodeNodeSelector('list[@name="friends"]')).toBe('list%5B@name=%22friends%22%5D');
    expect(encodeNodeSelector('resource-lists/list[@name="friends"]/entry[1]')).toBe('resource-lists/list%5B@name=%22friends%22%5D/entry%5B1%5D');
  });

  it("keeps ' @ = : * and the step separators readable", () => {
    expect(encodeNodeSelector("rl:list[@name='a']/*/@uri")).toBe("rl:list%5B@name='a'%5D/*/@uri");
  });

  it('encodes "/" inside a quoted value, where it is data rather than a step separator', () => {
    expect(encodeNodeSelector('entry[@uri="http://x/y"]/display-name')).toBe('entry%5B@uri=%22http:%2F%2Fx%2Fy%22%5D/display-name');
    expect(encodeNodeSelector("e[@a='../b']")).toBe("e%5B@a='..%2Fb'%5D");
  });

  it('encodes space, "%", "?", "#" and non-ASCII', () => {
    expect(encodeNodeSelector('l[@n="a b%?#é"]')).toBe('l%5B@n=%22a%20b%25%3F%23%C3%A9%22%5D');
  });
});

describe('encodeQueryText', () => {
  it('keeps xmlns() readable', () => {
    expect(encodeQueryText('xmlns(p=urn:ietf:params:xml:ns:resource-lists)')).toBe('xmlns(p=urn:ietf:params:xml:ns:resource-lists)');
    expect(encodeQueryText('xmlns(q=http://example.com/a?b)')).toBe('xmlns(q=http://example.com/a?b)');
  });

  it('encodes quotes, "#", "%", "^", space and non-ASCII', () => {
    expect(encodeQueryText(`'"#%^ é`)).toBe('%27%22%23%25%5E%20%C3%A9');
  });
});

describe('percentDecode', () => {
  it('decodes uppercase and lowercase hex alike', () => {
    expect(percentDecode('list%5b@name=%22l1%22%5D')).toBe('list[@name="l1"]');
    expect(percentDecode('j%c3%b6rg%F0%9F%98%80')).toBe('jörg😀');
  });

  it('leaves text without escapes untouched', () => {
    expect(percentDecode('sip:alice@example.com')).toBe('sip:alice@example.com');
    expect(percentDecode('')).toBe('');
  });

  it.each([
    ['%', 1],
    ['ab%4', 3],
    ['ab%G1', 3],
    ['%%41', 1],
    ['a%2', 2],
  ])('rejects the malformed escape in %j at column %i', (text, column) => {
    expect(decodeError(text)).toMatchObject({ code: 'invalid-percent-encoding', column });
  });

  it('reports columns relative to the whole URI', () => {
    expect(decodeError('abc%zz', { column: 40 })).toMatchObject({ code: 'invalid-percent-encoding', column: 43 });
    expect(decodeError('abc%zz', { column: 40 }).message).toContain('column 43');
  });

  it.each([
    ['%C3', 'truncated sequence'],
    ['%C3%28', 'bad continuation byte'],
    ['%80', 'lone continuation byte'],
    ['%C0%AF', 'overlong "/"'],
    ['%E0%80%AF', 'overlong 3-byte form'],
    ['%ED%A0%80', 'UTF-16 surrogate'],
    ['%F4%90%80%80', 'above U+10FFFF'],
    ['%FF', 'byte never used in UTF-8'],
    ['%E2%82', 'truncated 3-byte sequence'],
    ['%E2%82x', 'continuation missing'],
  ])('rejects %s (%s) as invalid UTF-8, at the first "%"', (text) => {
    expect(decodeError(`ab${text}`)).toMatchObject({ code: 'invalid-percent-encoding', column: 3 });
  });

  it('rejects control characters, raw or encoded', () => {
    expect(decodeError('a%0Ab')).toMatchObject({ code: 'invalid-uri', column: 2 });
    expect(decodeError('a%C2%85b')).toMatchObject({ code: 'invalid-uri', column: 2 });
    expect(decodeError('a%7F')).toMatchObject({ code: 'invalid-uri', column: 2 });
    expect(decodeError('ab\tc')).toMatchObject({ code: 'invalid-uri', column: 3 });
  });

  it('rejects unpaired surrogates in raw text', () => {
    expect(decodeError('ab\uDC00')).toMatchObject({ code: 'invalid-uri', column: 3 });
    expect(decodeError('\uD800x')).toMatchObject({ code: 'invalid-uri', column: 1 });
    expect(percentDecode('a😀b', { mode: 'lenient' })).toBe('a😀b');
  });

  it('keeps a "%" that starts no escape as a literal in lenient mode', () => {
    expect(percentDecode('entry[@uri="50%"]', { mode: 'lenient' })).toBe('entry[@uri="50%"]');
    expect(percentDecode('100%25 %41', { mode: 'lenient' })).toBe('100% A');
  });

  it('still rejects bytes that are not UTF-8 in lenient mode', () => {
    expect(decodeError('%E9t%E9', { mode: 'lenient' })).toMatchObject({ code: 'invalid-percent-encoding', column: 1 });
  });
});

describe('rawIndexOfDecodedOffset', () => {
  it('maps offsets in decoded text back to the escaped text', () => {
    const raw = 'a%C3%A9b%F0%9F%98%80c%41';
    const decoded = percentDecode(raw);
    expect(decoded).toBe('aéb😀cA');
    expect(rawIndexOfDecodedOffset(raw, decoded.indexOf('b'))).toBe(raw.indexOf('b'));
    expect(rawIndexOfDecodedOffset(raw, decoded.indexOf('c'))).toBe(raw.indexOf('c'));
    expect(rawIndexOfDecodedOffset(raw, decoded.indexOf('A'))).toBe(raw.indexOf('%41'));
  });
});
