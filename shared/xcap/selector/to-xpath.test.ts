import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XmlAttribute, XmlDocument, XmlElement, type XmlNode } from 'libxml2-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSelectorNames } from './namespaces';
import { parseNodeSelector } from './parse';
import { selectorToPortableXPath, selectorToXPath } from './to-xpath';
import { xpathLiteral } from './xpath-literal';

const RL = 'urn:ietf:params:xml:ns:resource-lists';
const EXT = 'urn:example:ext';

function resolve(selector: string, bindings: Record<string, string> = {}, defaultNamespace = RL) {
  return resolveSelectorNames(parseNodeSelector(selector), bindings, defaultNamespace);
}

describe('xpathLiteral', () => {
  it('uses the preferred quote, the other one, or concat() when the value has both', () => {
    expect(xpathLiteral('x')).toBe('"x"');
    expect(xpathLiteral('x', "'")).toBe("'x'");
    expect(xpathLiteral('a"b')).toBe(`'a"b'`);
    expect(xpathLiteral("a'b", "'")).toBe(`"a'b"`);
    expect(xpathLiteral(`a"b'c`)).toBe(`concat("a", '"', "b'c")`);
    expect(xpathLiteral(`"'"`)).toBe(`concat("", '"', "'", '"', "")`);
  });
});

describe('selectorToXPath', () => {
  it('prefixes every namespace with generated prefixes and keeps name[pos][@a=v] order', () => {
    expect(selectorToXPath(resolve(`resource-lists/list[@name="friends"]/entry[2][@uri='x']`))).toEqual({
      xpath: `/p1:resource-lists/p1:list[@name="friends"]/p1:entry[2][@uri='x']`,
      namespaces: { p1: RL },
    });
  });

  it('gives attributes in a namespace their own prefix, and unprefixed attributes none', () => {
    expect(selectorToXPath(resolve('resource-lists/e:ext[@e:id="1"]/@e:attr', { e: EXT }))).toEqual({
      xpath: '/p1:resource-lists/p2:ext[@p2:id="1"]/@p2:attr',
      namespaces: { p1: RL, p2: EXT },
    });
  });

  it('handles wildcards, namespace::*, no-namespace documents and values with both quotes', () => {
    expect(selectorToXPath(resolve('*[2]/namespace::*'))).toEqual({ xpath: '/*[2]/namespace::*', namespaces: {} });
    expect(selectorToXPath(resolve('a/b[@c="x"]', {}, ''))).toEqual({ xpath: '/a/b[@c="x"]', namespaces: {} });
    expect(selectorToXPath(resolve(`a[@v="&quot;'"]`)).xpath).toBe(`/p1:a[@v=concat("", '"', "'")]`);
  });

  it('writes the decoded value, not the raw one', () => {
    expect(selectorToXPath(resolve('a[@v="&lt;&#x41;&amp;"]')).xpath).toBe('/p1:a[@v="<A&"]');
  });
});

describe('selectorToPortableXPath', () => {
  it('tests local-name() and namespace-uri() instead of using prefixes', () => {
    expect(selectorToPortableXPath(resolve(`resource-lists/list[@name="friends"]/entry[2][@uri='x']`))).toBe(
      `/*[local-name()='resource-lists' and namespace-uri()='${RL}']` +
        `/*[local-name()='list' and namespace-uri()='${RL}'][@name="friends"]` +
        `/*[local-name()='entry' and namespace-uri()='${RL}'][2][@uri='x']`,
    );
  });

  it('does the same for namespaced attributes and for elements in no namespace', () => {
    expect(selectorToPortableXPath(resolve('a[@e:id="1"]/@e:x', { e: EXT }, ''))).toBe(
      `/*[local-name()='a' and namespace-uri()=''][@*[local-name()='id' and namespace-uri()='${EXT}']="1"]` +
        `/@*[local-name()='x' and namespace-uri()='${EXT}']`,
    );
  });
});

/** A resource-lists document with a second namespace, same-name siblings and tricky values. */
const DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="${RL}" xmlns:e="${EXT}">
  <list name="friends">
    <entry uri="sip:alice@example.com"><display-name>Alice</display-name></entry>
    <entry uri="sip:bob@example.com" e:tag="x"/>
    <e:note>not an entry</e:note>
    <entry uri="sip:carol@example.com" e:tag="y"/>
  </list>
  <list name="say &quot;hi&quot; it's &lt;me&gt;">
    <entry uri="sip:dave@example.com"/>
  </list>
</resource-lists>
`;

/** [selector, bindings, what the selected nodes look like] */
const CASES: readonly (readonly [string, Record<string, string>, readonly string[]])[] = [
  ['resource-lists/list[@name="friends"]/entry[2]/@uri', {}, ['@uri=sip:bob@example.com']],
  ['resource-lists/list[@name="friends"]/entry[2][@uri="sip:bob@example.com"]', {}, ['entry:sip:bob@example.com']],
  // Position first, then the attribute: the 1st entry is Alice, so nothing matches (XPath's e[@a][1] would find Bob).
  ['resource-lists/list[@name="friends"]/entry[1][@uri="sip:bob@example.com"]', {}, []],
  ['resource-lists/list[1]/*[3]', {}, ['note:']],
  ['resource-lists/list[1]/e:note', { e: EXT }, ['note:']],
  ['resource-lists/list[1]/entry[@e:tag="y"]', { e: EXT }, ['entry:sip:carol@example.com']],
  ['resource-lists/list[1]/entry[3]/@e:tag', { e: EXT }, ['@tag=y']],
  [`resource-lists/list[@name='say "hi" it&apos;s &lt;me>']/entry`, {}, ['entry:sip:dave@example.com']],
  ['resource-lists/list[@name="friends"]/entry[@uri="sip:alice@example.com"]/display-name', {}, ['display-name:']],
  ['resource-lists/list[@name="nobody"]', {}, []],
];

function describeNode(node: XmlNode): string {
  if (node instanceof XmlAttribute) return `@${node.name}=${node.value}`;
  if (node instanceof XmlElement) return `${node.name}:${node.attrs.find((attr) => attr.name === 'uri')?.value ?? ''}`;
  return node.constructor.name;
}

describe('XPath evaluated by libxml2 (libxml2-wasm)', () => {
  let document: XmlDocument;
  beforeAll(() => {
    document = XmlDocument.fromString(DOCUMENT);
  });
  afterAll(() => document.dispose());

  it.each(CASES)('%s selects the expected nodes', (selector, bindings, expected) => {
    const resolved = resolve(selector, bindings);
    const { xpath, namespaces } = selectorToXPath(resolved);
    expect(document.find(xpath, namespaces).map(describeNode)).toEqual(expected);
    expect(document.find(selectorToPortableXPath(resolved)).map(describeNode)).toEqual(expected);
  });

  it('selects the in-scope namespace bindings with namespace::*', () => {
    const { xpath, namespaces } = selectorToXPath(resolve('resource-lists/list[1]/namespace::*'));
    expect(document.find(xpath, namespaces)).toHaveLength(3); // default, e and the implicit xml
  });
});

const xmllint = findXmllint();

describe('portable XPath evaluated by xmllint --xpath', () => {
  it('has xmllint (Debian libxml2-utils; .ci/run installs it)', () => {
    expect(xmllint, 'xmllint is missing: apt-get install libxml2-utils').not.toBeNull();
  });
  let directory: string;
  let file: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'selector-xpath-'));
    file = join(directory, 'index.xml');
    writeFileSync(file, DOCUMENT);
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  function run(xpath: string): string {
    try {
      return execFileSync(xmllint ?? 'xmllint', ['--xpath', xpath, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // xmllint exits with 10 when the expression selects nothing.
      if ((error as { status?: number }).status === 10) return '';
      throw error;
    }
  }

  it('finds an entry by position and attribute', () => {
    const xpath = selectorToPortableXPath(resolve('resource-lists/list[@name="friends"]/entry[3][@e:tag="y"]', { e: EXT }));
    expect(run(xpath)).toContain('uri="sip:carol@example.com"');
  });

  it('finds an attribute whose containing value needs concat()', () => {
    const xpath = selectorToPortableXPath(resolve(`resource-lists/list[@name='say "hi" it&apos;s &lt;me>']/entry/@uri`));
    expect(xpath).toContain('concat(');
    expect(run(xpath).trim()).toBe('uri="sip:dave@example.com"');
  });

  it('selects nothing when the position does not have the attribute', () => {
    expect(run(selectorToPortableXPath(resolve('resource-lists/list[1]/entry[1][@uri="sip:bob@example.com"]')))).toBe('');
  });
});

function findXmllint(): string | null {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return 'xmllint';
  } catch {
    return null;
  }
}
