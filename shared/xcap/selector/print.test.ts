import { describe, expect, it } from 'vitest';
import type { NodeSelector, Step } from './ast';
import { isXcapCoreError } from '../errors';
import { parseNodeSelector } from './parse';
import { escapeAttValue, printNodeSelector } from './print';

const step = (overrides: Partial<Step>): Step => ({
  test: { kind: 'name', prefix: null, local: 'entry' },
  position: null,
  attribute: null,
  start: 0,
  end: 0,
  ...overrides,
});

describe('printNodeSelector', () => {
  it.each([
    'watcherinfo/watcher-list/watcher[@id="8ajksjda7s"]',
    'resource-lists/list[@name="friends"]/entry[1]/@uri',
    'resource-lists/list[@name="l1"]/namespace::*',
    "foo:bar[3][@baz='x']",
    '*[2]',
    'a/*[@x:y="&lt;&#x41;&#65;\t&apos;\'"]/@xml:lang',
    "a[@b='\"&quot;&amp;']",
  ])('prints %s exactly as parsed', (selector) => {
    expect(printNodeSelector(parseNodeSelector(selector))).toBe(selector);
  });

  it('prints a selector built in code', () => {
    const value = `Bob's "list" <a&b>`;
    const selector: NodeSelector = {
      steps: [
        step({ test: { kind: 'name', prefix: null, local: 'resource-lists' } }),
        step({
          test: { kind: 'name', prefix: 'rl', local: 'list' },
          position: 2,
          attribute: { name: { prefix: null, local: 'name' }, value, rawValue: escapeAttValue(value, '"'), quote: '"' },
        }),
      ],
      terminal: { kind: 'attribute', name: { prefix: 'xml', local: 'lang' }, start: 0, end: 0 },
    };
    const printed = printNodeSelector(selector);
    expect(printed).toBe(`resource-lists/rl:list[2][@name="Bob's &quot;list&quot; &lt;a&amp;b>"]/@xml:lang`);
    expect(parseNodeSelector(printed).steps[1]?.attribute?.value).toBe(value);
  });

  it.each<[string, NodeSelector]>([
    ['no steps', { steps: [], terminal: null }],
    ['a bad element name', { steps: [step({ test: { kind: 'name', prefix: null, local: '1x' } })], terminal: null }],
    ['a bad prefix', { steps: [step({ test: { kind: 'name', prefix: 'a:b', local: 'x' } })], terminal: null }],
    ['position 0', { steps: [step({ position: 0 })], terminal: null }],
    ['position 1.5', { steps: [step({ position: 1.5 })], terminal: null }],
    ['position above 2^31', { steps: [step({ position: 2 ** 31 + 1 })], terminal: null }],
    ['a raw "<" in rawValue', { steps: [step({ attribute: { name: { prefix: null, local: 'a' }, value: '<', rawValue: '<', quote: '"' } })], terminal: null }],
    ['the quote in rawValue', { steps: [step({ attribute: { name: { prefix: null, local: 'a' }, value: '"', rawValue: '"', quote: '"' } })], terminal: null }],
    ['rawValue not matching value', { steps: [step({ attribute: { name: { prefix: null, local: 'a' }, value: 'x', rawValue: 'y', quote: '"' } })], terminal: null }],
    ['a bad terminal name', { steps: [step({})], terminal: { kind: 'attribute', name: { prefix: null, local: '' }, start: 0, end: 0 } }],
  ])('refuses to print %s (invalid-argument)', (_label, selector) => {
    expect(() => printNodeSelector(selector)).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
  });
});

describe('escapeAttValue', () => {
  it('escapes &, < and the delimiting quote only', () => {
    expect(escapeAttValue(`a&b<c>d"e'f`, '"')).toBe(`a&amp;b&lt;c>d&quot;e'f`);
    expect(escapeAttValue(`a&b<c>d"e'f`, "'")).toBe(`a&amp;b&lt;c>d"e&apos;f`);
  });

  it('writes tab, LF and CR as references so they survive attribute-value normalization', () => {
    const value = 'a\tb\nc\r\nd';
    const rawValue = escapeAttValue(value, '"');
    expect(rawValue).toBe('a&#9;b&#10;c&#13;&#10;d');
    expect(parseNodeSelector(`x[@a="${rawValue}"]`).steps[0]?.attribute?.value).toBe(value);
  });

  it('keeps non-ASCII characters as they are', () => {
    expect(escapeAttValue('名前 \u{1F600}', '"')).toBe('名前 \u{1F600}');
  });

  it.each(['\u0000', '\u0008', '\ud800', '\udc00x', '\ufffe'])('rejects %j, which no XML document can contain', (value) => {
    try {
      escapeAttValue(value, '"');
      expect.unreachable();
    } catch (error) {
      expect(isXcapCoreError(error, 'invalid-argument')).toBe(true);
    }
  });
});
