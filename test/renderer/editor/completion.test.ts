import { describe, expect, it } from 'vitest';
import { attributeSuggestions, completionContext, elementSuggestions, qnameFor } from '../../../renderer/src/lib/editor/completion-context';
import { buildSchemaModel } from '../../../renderer/src/lib/editor/schema-model';
import { elementRangeAt } from '../../../renderer/src/lib/editor/xml-ranges';
import { applicationUsages } from '../../../shared/xcap/usages/registry';

const RL = 'urn:ietf:params:xml:ns:resource-lists';
const resourceLists = buildSchemaModel('resource-lists.xsd', { namespace: RL, local: 'resource-lists' });
const presRules = buildSchemaModel('pres-rules.xsd', { namespace: 'urn:ietf:params:xml:ns:common-policy', local: 'ruleset' });

function at(textWithCursor: string) {
  const offset = textWithCursor.indexOf('|');
  return { text: textWithCursor.replace('|', ''), offset };
}

function elementsAt(model: typeof resourceLists, textWithCursor: string): string[] {
  const { text, offset } = at(textWithCursor);
  const context = completionContext(text, offset);
  if (context.kind !== 'element') throw new Error(`expected an element context, got ${context.kind}`);
  return elementSuggestions(model, context.stack).map((s) => s.label);
}

describe('schema model from the XSD', () => {
  it('builds for every usage schema', () => {
    for (const usage of applicationUsages) expect(() => buildSchemaModel(usage.schemaFile, usage.rootElement), usage.auid).not.toThrow();
  });

  it('resource-lists: children and attributes per element type, required attributes', () => {
    expect(elementsAt(resourceLists, `<resource-lists xmlns="${RL}">\n  <|`)).toEqual(['list']);
    expect(elementsAt(resourceLists, `<resource-lists xmlns="${RL}"><list name="a"><|`)).toEqual(['display-name', 'list', 'external', 'entry', 'entry-ref']);
    expect(elementsAt(resourceLists, `<resource-lists xmlns="${RL}"><list name="a"><list><|`)).toEqual(['display-name', 'list', 'external', 'entry', 'entry-ref']);
    expect(elementsAt(resourceLists, `<resource-lists xmlns="${RL}"><list name="a"><entry uri="x"><|`)).toEqual(['display-name']);
    const { text, offset } = at(`<resource-lists xmlns="${RL}"><list><|`);
    const context = completionContext(text, offset);
    const entry = context.kind === 'element' ? elementSuggestions(resourceLists, context.stack).find((s) => s.label === 'entry') : undefined;
    expect(entry?.required).toEqual(['uri']);
  });

  it('an empty document: the usage root element', () => {
    expect(elementsAt(resourceLists, '<|')).toEqual(['resource-lists']);
  });

  it('attributes of the tag being written, without those it has', () => {
    const { text, offset } = at(`<resource-lists xmlns="${RL}"><list name="a"><entry uri="x" |/>`);
    const context = completionContext(text, offset);
    expect(context.kind).toBe('attribute');
    if (context.kind !== 'attribute') return;
    expect(attributeSuggestions(resourceLists, context.stack, context.element, context.existing)).toEqual([]);
    const typing = at(`<resource-lists xmlns="${RL}"><list na|`);
    const list = completionContext(typing.text, typing.offset);
    expect(list).toMatchObject({ kind: 'attribute', partial: 'na', start: typing.offset - 2 });
    if (list.kind === 'attribute') expect(attributeSuggestions(resourceLists, list.stack, list.element, list.existing).map((a) => a.name)).toEqual(['name']);
  });

  it('prefixes: children in a namespace bound to a prefix are offered with it; wildcards offer imported globals', () => {
    const rules = `<cp:ruleset xmlns:cp="urn:ietf:params:xml:ns:common-policy" xmlns:pr="urn:ietf:params:xml:ns:pres-rules">`;
    expect(elementsAt(presRules, `${rules}<|`)).toEqual(['cp:rule']);
    expect(elementsAt(presRules, `${rules}<cp:rule id="a"><|`)).toEqual(['cp:conditions', 'cp:actions', 'cp:transformations']);
    const actions = elementsAt(presRules, `${rules}<cp:rule id="a"><cp:actions><|`);
    expect(actions).toContain('pr:sub-handling');
    expect(actions).not.toContain('cp:rule');
    expect(elementsAt(presRules, `${rules}<cp:rule id="a"><cp:actions><pr:sub-handling>allow</pr:sub-handling><|`)).toContain('pr:sub-handling');
  });

  it('no suggestions in comments, attribute values, or unknown places', () => {
    expect(completionContext('<r><!-- <', 9).kind).toBe('none');
    expect(completionContext('<r a="<', 7).kind).toBe('none');
    expect(elementsAt(resourceLists, `<resource-lists xmlns="${RL}"><bogus><|`)).toEqual([]);
  });

  it('closed elements leave the stack; comments, CDATA and PIs are skipped', () => {
    expect(elementsAt(resourceLists, `<?xml version="1.0"?><!-- <list> --><resource-lists xmlns="${RL}"><list name="a"><![CDATA[<entry>]]></list><|`)).toEqual(['list']);
  });

  it('qnameFor: the default namespace, a bound prefix, or nothing', () => {
    const stack = [{ qname: 'a', declarations: new Map([['', 'urn:a'], ['b', 'urn:b']]) }];
    expect(qnameFor(stack, { namespace: 'urn:a', local: 'x' })).toBe('x');
    expect(qnameFor(stack, { namespace: 'urn:b', local: 'x' })).toBe('b:x');
    expect(qnameFor(stack, { namespace: 'urn:c', local: 'x' })).toBeNull();
  });
});

describe('elementRangeAt', () => {
  const text = '<r><a x=">"><!-- </a> --><b/><a></a></a><c/></r>';
  it('spans the element whose start tag is at the offset', () => {
    expect(text.slice(elementRangeAt(text, 3).start, elementRangeAt(text, 3).end)).toBe('<a x=">"><!-- </a> --><b/><a></a></a>');
    expect(text.slice(...Object.values(elementRangeAt(text, 40)) as [number, number])).toBe('<c/>');
  });
  it('falls back to the start tag when the element is not closed', () => {
    expect(elementRangeAt('<r><a>text', 3)).toEqual({ start: 3, end: 6 });
  });
});
