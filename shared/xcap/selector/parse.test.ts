import { describe, expect, it } from 'vitest';
import type { XcapCoreErrorCode } from '../errors';
import { isXcapCoreError } from '../errors';
import { nodeKindOf } from './ast';
import { parseNodeSelector } from './parse';

/** Selectors from RFC 4825 (§6.3, §6.4, §8) plus the forms the grammar names. */
const RFC_EXAMPLES = [
  'watcherinfo/watcher-list/watcher[@id="8ajksjda7s"]',
  'watcherinfo/watcher-list/watcher[@id="hh8juja87s997-ass7"]/@display-name',
  'resource-lists/list[@name="friends"]',
  'resource-lists/list[@name="friends"]/entry[1]/@uri',
  'resource-lists/list[@name="friends"]/entry[@uri="sip:bill@example.com"]',
  'resource-lists/list[@name="friends"]/entry[@uri="sip:bill@example.com"]/display-name',
  'resource-lists/list[@name="l1"]/namespace::*',
  'ruleset/rule[@id="a7"]',
  'foo/a:bar/b:baz',
  'foo:bar[3][@baz=\'x\']',
  '*[2]',
];

describe('parseNodeSelector: RFC 4825 examples', () => {
  it.each(RFC_EXAMPLES)('parses %s', (selector) => {
    expect(() => parseNodeSelector(selector)).not.toThrow();
  });

  it('parses a by-attr step with offsets', () => {
    expect(parseNodeSelector('watcherinfo/watcher-list/watcher[@id="8ajksjda7s"]')).toEqual({
      steps: [
        { test: { kind: 'name', prefix: null, local: 'watcherinfo' }, position: null, attribute: null, start: 0, end: 11 },
        { test: { kind: 'name', prefix: null, local: 'watcher-list' }, position: null, attribute: null, start: 12, end: 24 },
        {
          test: { kind: 'name', prefix: null, local: 'watcher' },
          position: null,
          attribute: { name: { prefix: null, local: 'id' }, value: '8ajksjda7s', rawValue: '8ajksjda7s', quote: '"' },
          start: 25,
          end: 50,
        },
      ],
      terminal: null,
    });
  });

  it('parses a by-pos step and an attribute terminal', () => {
    const selector = parseNodeSelector('resource-lists/list[@name="friends"]/entry[1]/@uri');
    expect(selector.steps[2]).toEqual({ test: { kind: 'name', prefix: null, local: 'entry' }, position: 1, attribute: null, start: 37, end: 45 });
    expect(selector.terminal).toEqual({ kind: 'attribute', name: { prefix: null, local: 'uri' }, start: 46, end: 50 });
    expect(nodeKindOf(selector)).toBe('attribute');
  });

  it('parses the namespace terminal', () => {
    const selector = parseNodeSelector('resource-lists/list[@name="l1"]/namespace::*');
    expect(selector.terminal).toEqual({ kind: 'namespace', start: 32, end: 44 });
    expect(nodeKindOf(selector)).toBe('namespace');
  });

  it('parses a prefixed by-pos-attr step with single quotes', () => {
    expect(parseNodeSelector("foo:bar[3][@baz='x']").steps).toEqual([
      {
        test: { kind: 'name', prefix: 'foo', local: 'bar' },
        position: 3,
        attribute: { name: { prefix: null, local: 'baz' }, value: 'x', rawValue: 'x', quote: "'" },
        start: 0,
        end: 20,
      },
    ]);
  });

  it('parses the wildcard with a position', () => {
    const selector = parseNodeSelector('*[2]');
    expect(selector.steps).toEqual([{ test: { kind: 'any' }, position: 2, attribute: null, start: 0, end: 4 }]);
    expect(nodeKindOf(selector)).toBe('element');
  });

  it('keeps "/" and "]" inside attribute values as part of the value', () => {
    const selector = parseNodeSelector('a/b[@uri="sip:x@y/z]"]/c');
    expect(selector.steps.map((step) => step.attribute?.value ?? null)).toEqual([null, 'sip:x@y/z]', null]);
  });

  it('accepts the largest position, 2^31', () => {
    expect(parseNodeSelector('a[2147483648]').steps[0]?.position).toBe(2 ** 31);
  });

  it('treats an element named "namespace" as an ordinary step', () => {
    expect(parseNodeSelector('namespace/namespace[1]').steps).toHaveLength(2);
  });
});

describe('parseNodeSelector: names', () => {
  it('accepts non-ASCII NCNames (Unicode NameStartChar/NameChar ranges)', () => {
    const selector = parseNodeSelector('résumé/名前:項目[@ключ="v"]/\u{10000}x\u0300·/@_a.b-c');
    expect(selector.steps.map((step) => step.test)).toEqual([
      { kind: 'name', prefix: null, local: 'résumé' },
      { kind: 'name', prefix: '名前', local: '項目' },
      { kind: 'name', prefix: null, local: '\u{10000}x\u0300·' },
    ]);
    expect(selector.steps[1]?.attribute?.name).toEqual({ prefix: null, local: 'ключ' });
    expect(selector.terminal).toMatchObject({ kind: 'attribute', name: { prefix: null, local: '_a.b-c' } });
  });

  it('reports offsets in UTF-16 code units', () => {
    const selector = parseNodeSelector('\u{10000}/b');
    expect(selector.steps.map(({ start, end }) => [start, end])).toEqual([[0, 2], [3, 4]]);
  });

  it.each([
    ['1abc', 'a name cannot start with a digit'],
    ['-a', 'nor with "-"'],
    ['·a', 'nor with U+00B7 (a NameChar, not a NameStartChar)'],
    ['\u0300a', 'nor with a combining mark'],
  ])('classifies %s as an (unsupported) extension selector: %s', (selector) => {
    expect(codeOf(selector)).toBe('unsupported-extension-selector');
  });
});

/** [selector, code, column, message fragment] */
const ERRORS: readonly (readonly [string, XcapCoreErrorCode, number, string])[] = [
  ['', 'invalid-selector', 1, 'empty node selector'],
  ['/resource-lists', 'invalid-selector', 1, 'must not start with "/"'],
  ['abc//d', 'invalid-selector', 5, 'empty step at column 5 ("//" is not allowed)'],
  ['a/', 'invalid-selector', 3, 'must not end with "/"'],
  ['resource-lists/l[1x]', 'invalid-selector', 19, 'expected "]" after position at column 19, found "x"'],
  ['resource-lists/li[1', 'invalid-selector', 20, 'expected "]" after position at column 20, found the end of the selector'],
  ['a[0]', 'invalid-selector', 3, 'position must be ≥ 1'],
  ['a[000]', 'invalid-selector', 3, 'position must be ≥ 1'],
  ['a[-1]', 'invalid-selector', 3, 'position must be ≥ 1, found "-1"'],
  ['a[+1]', 'invalid-selector', 3, 'without "+"'],
  ['a[01]', 'invalid-selector', 3, 'without leading zeros'],
  ['a[2147483649]', 'invalid-selector', 3, 'too large'],
  ['a[99999999999999999999999]', 'invalid-selector', 3, 'too large'],
  ['a[]', 'invalid-selector', 3, 'expected a position or an attribute test'],
  ['a[ 1]', 'invalid-selector', 3, 'found a space'],
  ['a[-]', 'invalid-selector', 3, 'expected a position or an attribute test'],
  ['a[1][2]', 'invalid-selector', 5, 'only one position predicate'],
  ['a[@b="1"][2]', 'invalid-selector', 10, 'must come before the attribute test'],
  ['a[@b="1"][@c="2"]', 'invalid-selector', 10, 'only one attribute test'],
  ['a[1]x', 'invalid-selector', 5, 'expected "/", "[" or the end of the selector at column 5, found "x"'],
  ['a[@]', 'invalid-selector', 4, 'expected an attribute name after "@"'],
  ['a[@b]', 'invalid-selector', 5, 'expected "=" after the attribute name "b"'],
  ['a[@b=c]', 'invalid-selector', 6, 'expected a quoted attribute value'],
  ['a[@b="c"', 'invalid-selector', 9, 'expected "]" after the attribute value'],
  ['a[@b="c', 'invalid-selector', 6, 'unterminated attribute value: the " opened at column 6 is never closed'],
  ["a[@b='c\"]", 'invalid-selector', 6, "unterminated attribute value: the ' opened at column 6"],
  ['a[@b="x<y"]', 'invalid-selector', 8, 'raw "<" in attribute value at column 8'],
  ['a[@b="x&y"]', 'invalid-selector', 8, 'raw "&" in attribute value at column 8'],
  ['a[@b="&nbsp;"]', 'invalid-selector', 7, 'unknown entity reference "&nbsp;"'],
  ['a[@b="&#0;"]', 'invalid-selector', 7, 'does not denote a character allowed in XML'],
  ['a[@b="\u0001"]', 'invalid-selector', 7, 'U+0001'],
  ['a[@p:="x"]', 'invalid-selector', 6, 'expected a local name after the prefix "p:"'],
  ['[1]', 'invalid-selector', 1, 'expected an element name or "*" before "["'],
  ['a/p:', 'invalid-selector', 5, 'expected a local name after the prefix "p:"'],
  ['a/p:*', 'invalid-selector', 5, 'found "*"'],
  ['a:b:c', 'invalid-selector', 4, 'only one ":"'],
  ['@uri', 'invalid-selector', 1, 'must follow an element step'],
  ['namespace::*', 'invalid-selector', 1, 'must follow an element step'],
  ['a/@uri/b', 'invalid-selector', 3, '"@uri" at column 3 must be the last step'],
  ['a/namespace::*/b', 'invalid-selector', 3, '"namespace::*" at column 3 must be the last step'],
  ['a/@uri[1]', 'invalid-selector', 7, 'expected the end of the selector after "@uri"'],
  ['a/@', 'invalid-selector', 4, 'expected an attribute name after "@"'],
  ['a/@1', 'invalid-selector', 4, 'expected an attribute name after "@"'],
  ['a/text()', 'unsupported-extension-selector', 3, 'unsupported extension selector "text()" at column 3'],
  ['a/../b', 'unsupported-extension-selector', 3, 'unsupported extension selector ".."'],
  ['a/namespace::x', 'unsupported-extension-selector', 3, '"namespace::x"'],
  ['a/child::b', 'unsupported-extension-selector', 3, '"child::b"'],
  ['a/b c', 'unsupported-extension-selector', 3, '"b c"'],
  ['a/*:b', 'unsupported-extension-selector', 3, '"*:b"'],
  ['a/@uri/text()', 'invalid-selector', 3, 'must be the last step'],
  ['resource-lists/list%5b@name=%22x%22%5d', 'unsupported-extension-selector', 16, 'it looks percent-encoded: decode it first'],
];

describe('parseNodeSelector: errors', () => {
  it.each(ERRORS)('%j → %s at column %i', (selector, code, column, fragment) => {
    const error = errorOf(selector);
    expect({ code: error.code, column: error.column }).toEqual({ code, column });
    expect(error.message).toContain(fragment);
  });

  it('points unterminated values at the opening quote even after "/" inside them', () => {
    expect(errorOf('resource-lists/list[@name="a/b').column).toBe(27);
  });

  it('shortens long excerpts in messages', () => {
    const message = errorOf(`a/${'x'.repeat(100)}()`).message;
    expect(message).toContain('…');
    expect(message.length).toBeLessThan(250);
  });
});

function errorOf(selector: string) {
  try {
    parseNodeSelector(selector);
  } catch (error) {
    if (isXcapCoreError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(selector)} to be rejected`);
}

function codeOf(selector: string): XcapCoreErrorCode {
  return errorOf(selector).code;
}
