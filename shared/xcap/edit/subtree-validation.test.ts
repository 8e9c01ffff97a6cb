/**
 * Validating a replaced element on its own (ApplicationUsage.subtreeValidation, for a document the
 * caller knows to be valid) must give exactly the answers of validating the whole result: a
 * differential test on random resource lists and random replacement bodies, valid and not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getApplicationUsage } from '../usages/registry';
import { validateAgainstSchema } from '../usages/schema-validation';
import { applyXcapRequest } from './apply';
import { loadXcapDocument } from './document';

const usage = getApplicationUsage('resource-lists');
const EL = 'application/xcap-el+xml';
const X = 'xmlns:x="urn:example:x"';

type Item = { kind: 'entry' | 'external' | 'entry-ref'; key: string; name: string | null; id: string | null };
type List = { name: string; items: Item[]; lists: List[] };

const item = fc.record({
  kind: fc.constantFrom('entry' as const, 'external' as const, 'entry-ref' as const),
  key: fc.constantFrom('a', 'b', 'c', 'd'),
  name: fc.option(fc.constantFrom('Alice', 'B &amp; C'), { nil: null }),
  id: fc.boolean().map((has) => (has ? 'numbered' : null)),
});
const list: fc.Memo<List> = fc.memo((depth) =>
  fc.record({
    name: fc.constantFrom('friends', 'family', 'work'),
    items: fc.uniqueArray(item, { maxLength: 4, selector: (i) => `${i.kind} ${i.key}` }),
    lists: depth <= 1 ? fc.constant([]) : fc.uniqueArray(list(depth - 1), { maxLength: 2, selector: (l) => l.name }),
  }),
);

function keyAttribute(kind: Item['kind'], key: string): string {
  if (kind === 'entry') return `uri="sip:${key}@example.com"`;
  if (kind === 'external') return `anchor="http://xcap.example.com/${key}"`;
  return `ref="resource-lists/users/sip:${key}@example.com/index/~~/resource-lists/list%5b@name=%22x%22%5d"`;
}

/** xml:id values must be unique in a document (libxml2 refuses a duplicate while parsing): numbered in document order. */
let nextId = 0;

function renderItem(i: Item): string {
  const id = i.id === null ? '' : ` xml:id="i${++nextId}"`;
  const name = i.name === null ? '' : `<display-name>${i.name}</display-name>`;
  // entry's wildcard is lax (a foreign element passes); external's and entry-ref's are strict.
  const foreign = i.kind === 'entry' ? `<x:note ${X}>n</x:note>` : '';
  return `<${i.kind} ${keyAttribute(i.kind, i.key)}${id}>${name}${foreign}</${i.kind}>`;
}

function renderList(l: List, depth: number): string {
  const pad = '  '.repeat(depth);
  const children = [...l.items.map((i) => pad + '  ' + renderItem(i)), ...l.lists.map((n) => renderList(n, depth + 1))];
  return `${pad}<list name="${l.name}">\n${children.join('\n')}\n${pad}</list>`;
}

/** Replacement bodies for an element named `kind` whose key attribute is `key`: valid ones and each kind of invalid one. */
function bodies(kind: Item['kind'], key: string): string[] {
  const k = keyAttribute(kind, key);
  return [
    `<${kind} ${k}/>`,
    `<${kind} ${k}><display-name xml:lang="en">New</display-name></${kind}>`,
    `<${kind} ${k} x:extra="1" ${X}><display-name>N</display-name><x:a/><x:b>t</x:b></${kind}>`,
    `<${kind} ${k} xml:id="i1"/>`, // valid alone; a duplicate ID when the document has i1 elsewhere
    `<${kind} ${k} xml:id="i9"/>`,
    `<${kind} ${k} bogus="1"/>`, // an unqualified attribute the type does not declare
    `<${kind} ${k}><display-name>1</display-name><display-name>2</display-name></${kind}>`,
    `<${kind} ${k}><x:a ${X}/><display-name>late</display-name></${kind}>`,
    `<${kind} ${k}><entry uri="sip:nested@example.com"/></${kind}>`,
    `<${kind} ${k}>text</${kind}>`,
    `<${kind} ${k}><display-name bogus="1">N</display-name></${kind}>`,
    `<${kind} ${k}><display-name><x:a ${X}/></display-name></${kind}>`,
    ...(kind === 'external' ? [] : [`<${kind}/>`]), // the required key attribute missing (external's anchor is optional)
  ];
}

function outcome(result: ReturnType<typeof applyXcapRequest>) {
  return { status: result.status, xcapError: result.xcapError, phrase: result.error?.phrase ?? null, document: result.document };
}

describe('element replacement validated on its own', () => {
  it('answers exactly as validating the whole resulting document', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(list(3), fc.nat(), fc.nat(), (root, pick, bodyPick) => {
        nextId = 0;
        const text = `<?xml version="1.0" encoding="UTF-8"?>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">\n${renderList(root, 1)}\n</resource-lists>\n`;
        expect(validateAgainstSchema(usage, text).problems).toEqual([]); // the premise: a valid document
        const snapshot = loadXcapDocument(text);
        // Every (list path, item) pair of the document, as a node selector.
        const targets: { selector: string; item: Item }[] = [];
        const walk = (l: List, path: string) => {
          for (const i of l.items) targets.push({ selector: `${path}/${i.kind}[@${keyAttribute(i.kind, i.key).split('=')[0]}=${JSON.stringify(keyAttribute(i.kind, i.key).split('=').slice(1).join('=').slice(1, -1))}]`, item: i });
          for (const n of l.lists) walk(n, `${path}/list[@name="${n.name}"]`);
        };
        walk(root, `resource-lists/list[@name="${root.name}"]`);
        const target = targets[pick % Math.max(1, targets.length)];
        fc.pre(target !== undefined);
        if (!target) return;
        const choices = bodies(target.item.kind, target.item.key);
        const body = choices[bodyPick % choices.length] as string;
        const request = { method: 'PUT' as const, usage, nodeSelector: target.selector, body, contentType: EL };
        const whole = applyXcapRequest(snapshot, request);
        const alone = applyXcapRequest(snapshot, { ...request, documentValid: true });
        expect(outcome(alone), body).toEqual(outcome(whole));
        if (whole.documentChanged) accepted++;
        else refused++;
      }),
      { numRuns: 400 },
    );
    // Both verdicts must be well represented for the comparison to mean something.
    expect(accepted).toBeGreaterThan(60);
    expect(refused).toBeGreaterThan(60);
  });

  it('takes the shortcut only for a document the caller vouches for', () => {
    // The document is invalid elsewhere (an entry without its uri). Validated whole, any edit is
    // refused; vouched for, a valid replacement passes: proof that it was validated alone.
    const invalidElsewhere = `<?xml version="1.0"?>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">\n  <list name="l">\n    <entry/>\n    <entry uri="sip:a@example.com"/>\n  </list>\n</resource-lists>\n`;
    const request = { method: 'PUT' as const, usage, nodeSelector: 'resource-lists/list/entry[@uri="sip:a@example.com"]', body: '<entry uri="sip:a@example.com"><display-name>A</display-name></entry>', contentType: EL };
    const snapshot = loadXcapDocument(invalidElsewhere);
    expect(applyXcapRequest(snapshot, request).xcapError).toBe('schema-validation-error');
    expect(applyXcapRequest(snapshot, { ...request, documentValid: true }).status).toBe(200);
  });

  it('validates whole a document with a DOCTYPE, whose internal subset can declare ID attributes', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE resource-lists [<!ATTLIST entry uri ID #IMPLIED>]>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="a"><entry uri="sip:x@example.com"/></list><list name="b"><entry uri="sip:y@example.com"/></list></resource-lists>\n`;
    const request = { method: 'PUT' as const, usage, nodeSelector: 'resource-lists/list[@name="b"]/entry', body: '<entry uri="sip:x@example.com"/>', contentType: EL, documentValid: true };
    const result = applyXcapRequest(loadXcapDocument(text), request);
    expect(result.xcapError).toBe('schema-validation-error');
    expect(result.error?.phrase).toMatch(/ID sip:x@example.com already defined/);
  });

  it('still refuses an invalid replacement, naming the place in the whole document', () => {
    const text = `<?xml version="1.0"?>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">\n  <list name="l">\n    <entry uri="sip:a@example.com"/>\n  </list>\n</resource-lists>\n`;
    const result = applyXcapRequest(loadXcapDocument(text), { method: 'PUT', usage, nodeSelector: 'resource-lists/list/entry[@uri="sip:a@example.com"]', body: '<entry uri="sip:a@example.com">text</entry>', contentType: EL, documentValid: true });
    expect(result.xcapError).toBe('schema-validation-error');
    expect(result.error?.phrase).toMatch(/^line 4, column \d+:/);
  });
});
