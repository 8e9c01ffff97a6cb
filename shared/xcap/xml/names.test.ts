import { describe, expect, it } from 'vitest';
import { isNCName, matchNCNameAt } from './names';

describe('XML NCName character classes', () => {
  it.each([
    'a', 'A', '_', 'a1', 'a-b.c_d', 'a\u00b7', '\u00c0', '\u00d6', '\u00d8', '\u00f6', '\u00f8', '\u02ff', '\u0370', '\u037d',
    '\u037f', '\u1fff', '\u200c', '\u200d', '\u2070', '\u218f', '\u2c00', '\u2fef', '\u3001', '\ud7ff', '\uf900', '\ufdcf',
    '\ufdf0', '\ufffd', '\u{10000}', '\u{effff}', 'a\u0300', 'a\u036f', 'a\u203f', 'a\u2040', '名前',
  ])('accepts %j', (name) => {
    expect(isNCName(name)).toBe(true);
  });

  it.each([
    '', ':', 'a:b', '1a', '-a', '.a', '\u00b7a', '\u0300a', '\u203fa', '\u00d7', '\u00f7', '\u037e', '\u2000', '\u200e',
    '\u2190', '\u2ff0', '\u3000', '\ue000', '\ufdd0', '\ufffe', '\u{f0000}', 'a b', 'a\ud800', '\udc00',
  ])('rejects %j', (name) => {
    expect(isNCName(name)).toBe(false);
  });

  it('matches from an offset and stops at the first non-name character', () => {
    expect(matchNCNameAt('x/abc[1]', 2)).toBe(5);
    expect(matchNCNameAt('x/abc:d', 2)).toBe(5);
    expect(matchNCNameAt('x/[', 2)).toBe(-1);
    expect(matchNCNameAt('x', 1)).toBe(-1);
  });
});
