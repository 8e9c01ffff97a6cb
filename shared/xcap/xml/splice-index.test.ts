/**
 * spliceIndex (the index of an edited document, built from the previous index) must equal a full
 * scan of the edited text, on random documents and random node-level edits; and it must decline
 * (null) edits it cannot express, rather than answer wrongly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceElement } from './source-index';
import { indexSource } from './source-index';
import type { IndexedTextEdit } from './splice-index';
import { spliceIndex } from './splice-index';

type Tree = { name: string; attributes: [string, string][]; declares: boolean; children: Tree[]; comment: boolean; selfClose: boolean };

function treeOfDepth(depth: number): fc.Arbitrary<Tree> {
  return fc.record({
    name: fc.constantFrom('a', 'b', 'p:c', 'q:d'),
    attributes: fc.uniqueArray(fc.tuple(fc.constantFrom('k', 'p:k', 'id'), fc.constantFrom('1', 'x &amp; y', "it's", '\t<>'.replace('<', '&lt;'))), { maxLength: 2, selector: ([name]) => name }),
    declares: fc.boolean(),
    children: depth === 0 ? fc.constant([]) : fc.array(treeOfDepth(depth - 1), { maxLength: 4 }),
    comment: fc.boolean(),
    selfClose: fc.boolean(),
  });
}

function render(node: Tree, depth: number): string {
  const pad = '  '.repeat(depth);
  const declarations = node.declares ? ' xmlns:q="urn:q"' : '';
  const attributes = node.attributes.map(([name, value]) => (value.includes("'") ? ` ${name}="${value}"` : ` ${name}='${value}'`)).join('');
  const tag = `${node.name}${declarations}${attributes}`;
  if (node.children.length === 0) return node.selfClose ? `${pad}<${tag}/>` : `${pad}<${tag}>${node.comment ? '<!-- <x/> -->' : 'text'}</${node.name}>`;
  const comment = node.comment ? `\n${pad}  <!-- a <b> -->\n${pad}  <![CDATA[<a>]]>` : '';
  return `${pad}<${tag}>${comment}\n${node.children.map((c) => render(c, depth + 1)).join('\n')}\n${pad}</${node.name}>`;
}

/** Every prefix bound at the root (q again on some elements), so any element may use any prefix. */
const documentText = treeOfDepth(3).map((root) => {
  const text = render({ ...root, name: 'r', selfClose: false }, 0);
  return `<?xml version="1.0"?>\n<!-- prolog -->\n${text.replace(/^<r/, '<r xmlns="urn:default" xmlns:p="urn:p" xmlns:q="urn:q0"')}\n`;
});

/** The index as plain data: every field but `parent`, which is checked to point at the element holding the child. */
function plain(element: SourceElement): unknown {
  for (const child of element.children) expect(child.parent).toBe(element);
  const { parent: _parent, children, ...fields } = element;
  return { ...fields, attributes: [...fields.attributes], namespaceDeclarations: [...fields.namespaceDeclarations], children: children.map(plain) };
}

function allElements(element: SourceElement): SourceElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

const FRAGMENTS = ['<a/>', '<p:c k="2">new</p:c>', '<b xmlns:q="urn:other"><q:d id="1"/><!-- c --></b>', '<a>\n  <b/>\n</a>'];

/** A node-level edit like the engine's: replace an element, insert before or after one, delete one with its indentation, fill an empty element. */
function edits(text: string): fc.Arbitrary<IndexedTextEdit> {
  const elements = allElements(indexSource(text).root).slice(1);
  const root = indexSource(text).root;
  const containers = allElements(root).filter((e) => !e.selfClosing);
  const choices: fc.Arbitrary<IndexedTextEdit>[] = [
    fc.tuple(fc.constantFrom(...containers), fc.constantFrom(...FRAGMENTS)).map(([e, insert]) => ({ start: e.contentEnd, end: e.contentEnd, insert: `\n  ${insert}` })),
    fc.tuple(fc.constantFrom(...containers), fc.constantFrom(...FRAGMENTS)).map(([e, insert]) => ({ start: e.startTagEnd, end: e.startTagEnd, insert })),
  ];
  if (elements.length > 0) {
    choices.push(
      fc.tuple(fc.constantFrom(...elements), fc.constantFrom(...FRAGMENTS)).map(([e, insert]) => ({ start: e.start, end: e.end, insert })),
      fc.tuple(fc.constantFrom(...elements), fc.constantFrom(...FRAGMENTS)).map(([e, insert]) => ({ start: e.end, end: e.end, insert: `\n    ${insert}` })),
      fc.tuple(fc.constantFrom(...elements), fc.constantFrom(...FRAGMENTS)).map(([e, insert]) => ({ start: e.start, end: e.start, insert: `${insert}\n  ` })),
      fc.constantFrom(...elements).map((e) => ({ start: text.lastIndexOf('\n', e.start), end: e.end, insert: '' })),
    );
  }
  return fc.oneof(...choices);
}

function apply(text: string, edit: IndexedTextEdit): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end);
}

describe('spliceIndex', () => {
  it('equals a full scan of the edited text for node-level edits', () => {
    fc.assert(
      fc.property(
        documentText.chain((text) => fc.tuple(fc.constant(text), edits(text))),
        ([text, edit]) => {
          const previous = indexSource(text);
          const before = plain(previous.root);
          const edited = apply(text, edit);
          const spliced = spliceIndex(previous, edited, edit);
          expect(spliced).not.toBeNull();
          expect(spliced?.text).toBe(edited);
          expect(plain((spliced ?? previous).root)).toEqual(plain(indexSource(edited).root));
          expect(plain(previous.root)).toEqual(before); // the previous index is left as it was
        },
      ),
      { numRuns: 800 },
    );
  });

  it('declines edits that touch a start tag or replace the root element', () => {
    const text = '<r xmlns="urn:r"><a k="1"/><b>x</b></r>';
    const index = indexSource(text);
    const inStartTag = { start: text.indexOf('k="1"'), end: text.indexOf('k="1"') + 5, insert: 'k="2"' };
    expect(spliceIndex(index, apply(text, inStartTag), inStartTag)).toBeNull();
    const selfClosingFilled = { start: text.indexOf('/>'), end: text.indexOf('/>') + 2, insert: '><c/></a>' };
    expect(spliceIndex(index, apply(text, selfClosingFilled), selfClosingFilled)).toBeNull();
    const root = { start: 0, end: text.length, insert: '<r/>' };
    expect(spliceIndex(index, apply(text, root), root)).toBeNull();
    const halfAnElement = { start: text.indexOf('<b>'), end: text.indexOf('</b>'), insert: '' };
    expect(spliceIndex(index, apply(text, halfAnElement), halfAnElement)).toBeNull();
  });

  it('declines text that is not the previous text with the edit applied', () => {
    const text = '<r><a/></r>';
    const edit = { start: 7, end: 7, insert: '<b/>' };
    expect(spliceIndex(indexSource(text), '<r><a/><b/></r>  ', edit)).toBeNull();
  });

  it('declines an insertion that is not whole elements, and reports malformed markup as indexSource does', () => {
    const text = '<r><a/></r>';
    const unbalanced = { start: 7, end: 7, insert: '<b>' };
    expect(spliceIndex(indexSource(text), apply(text, unbalanced), unbalanced)).toBeNull();
    const closesParent = { start: 7, end: 7, insert: '</r><r>' };
    expect(spliceIndex(indexSource(text), apply(text, closesParent), closesParent)).toBeNull();
    const unboundPrefix = { start: 7, end: 7, insert: '<x:b/>' };
    expect(() => spliceIndex(indexSource(text), apply(text, unboundPrefix), unboundPrefix)).toThrow(/prefix "x" is not bound/);
  });
});
