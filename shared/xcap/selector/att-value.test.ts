import { describe, expect, it } from 'vitest';
import { isXcapCoreError } from '../errors';
import { parseNodeSelector } from './parse';

/** Parses `a[@v=<quoted>]` and returns the attribute test. */
function attributeOf(quoted: string) {
  const attribute = parseNodeSelector(`a[@v=${quoted}]`).steps[0]?.attribute;
  if (!attribute) throw new Error('no attribute test');
  return attribute;
}

function columnOfError(quoted: string): number | undefined {
  try {
    parseNodeSelector(`a[@v=${quoted}]`);
  } catch (error) {
    if (isXcapCoreError(error, 'invalid-selector')) return error.column;
    throw error;
  }
  throw new Error(`expected ${quoted} to be rejected`);
}

describe('att-value', () => {
  it('resolves the five predefined entities', () => {
    expect(attributeOf('"&lt;&gt;&amp;&quot;&apos;"')).toEqual({
      name: { prefix: null, local: 'v' },
      value: `<>&"'`,
      rawValue: '&lt;&gt;&amp;&quot;&apos;',
      quote: '"',
    });
  });

  it('resolves decimal and hex character references, including astral ones and leading zeros', () => {
    expect(attributeOf('"&#65;&#x42;&#x0043;&#x1F600;&#0000068;&#xaB;"').value).toBe('ABC\u{1F600}D\u00ab');
  });

  it('keeps the other quote kind raw', () => {
    expect(attributeOf(`"it's"`)).toMatchObject({ value: "it's", rawValue: "it's", quote: '"' });
    expect(attributeOf(`'say "hi"'`)).toMatchObject({ value: 'say "hi"', rawValue: 'say "hi"', quote: "'" });
  });

  it('allows an empty value', () => {
    expect(attributeOf('""')).toMatchObject({ value: '', rawValue: '' });
  });

  it('normalizes literal whitespace like an XML parser, but not referenced whitespace', () => {
    expect(attributeOf('"a\tb\nc\rd\r\ne"').value).toBe('a b c d e');
    expect(attributeOf('"a&#9;b&#10;c&#13;d"').value).toBe('a\tb\nc\rd');
    expect(attributeOf('"a\tb"').rawValue).toBe('a\tb');
  });

  it.each([
    ['"&#0;"', 2, 'NUL is not an XML Char'],
    ['"&#xD800;"', 2, 'surrogates are not XML Chars'],
    ['"&#xFFFE;"', 2, 'U+FFFE is not an XML Char'],
    ['"&#x110000;"', 2, 'beyond Unicode'],
    [`"&#${'9'.repeat(50)};"`, 2, 'huge number'],
    ['"&#X41;"', 2, 'uppercase X'],
    ['"&#;"', 2, 'no digits'],
    ['"&#x;"', 2, 'no hex digits'],
    ['"&#65"', 2, 'missing ";"'],
    ['"&#6a;"', 2, 'non-digit'],
    ['"x&lt"', 3, 'entity missing ";"'],
    ['"&foo;"', 2, 'unknown entity'],
    ['"&constructor;"', 2, 'not an Object.prototype member'],
    ['"& "', 2, 'lone &'],
    ['"<"', 2, 'raw <'],
    ['"\u0000"', 2, 'raw NUL'],
    ['"a\ud800"', 3, 'lone high surrogate'],
    ['"\udc00"', 2, 'lone low surrogate'],
    ['"\uffff"', 2, 'U+FFFF'],
  ])('rejects %j at value column %i (%s)', (quoted, valueColumn) => {
    // The value starts after `a[@v=`, i.e. at column 6.
    expect(columnOfError(quoted)).toBe(5 + valueColumn);
  });

  it('explains the problem', () => {
    expect(() => attributeOf('"&#X41;"')).toThrow('lowercase "x"');
    expect(() => attributeOf('"&#65"')).toThrow('missing its closing ";"');
    expect(() => attributeOf('"&constructor;"')).toThrow('unknown entity reference "&constructor;"');
    expect(() => attributeOf('"\u0000"')).toThrow('character U+0000 at column 7 is not allowed');
  });
});
