import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../../renderer/src/lib/validation/validate-document';
import { LineMap, markerAtLineColumn } from '../../../renderer/src/lib/validation/markers';

const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
${body}
</resource-lists>
`;

describe('validateDocument', () => {
  it('a valid document has no markers', () => {
    expect(validateDocument(doc('  <list name="a">\n    <entry uri="sip:b@example.com"/>\n  </list>'), 'resource-lists')).toEqual([]);
  });

  it('not well-formed: one xml marker on the offending tag', () => {
    const markers = validateDocument(doc('  <list name="a">\n    <entry uri="sip:b@example.com">\n  </list>'), 'resource-lists');
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ source: 'xml', severity: 'error', startLine: 5, startColumn: 3, endLine: 5, endColumn: 10 });
    expect(markers[0]?.message).toMatch(/Opening and ending tag mismatch/);
    expect(markers[0]?.message).not.toMatch(/^line \d/);
  });

  it('schema: a missing required attribute is marked on the element', () => {
    const markers = validateDocument(doc('  <list name="a">\n    <entry/>\n  </list>'), 'resource-lists');
    expect(markers).toEqual([
      expect.objectContaining({ source: 'schema', startLine: 4, startColumn: 5, endColumn: 11, message: expect.stringMatching(/attribute 'uri' is required/) }),
    ]);
  });

  it('schema: an attribute that is not allowed is marked on the attribute', () => {
    const markers = validateDocument(doc('  <list name="a">\n    <entry uri="sip:b@example.com" bogus="1"/>\n  </list>'), 'resource-lists');
    expect(markers).toEqual([expect.objectContaining({ source: 'schema', startLine: 4, startColumn: 36, endColumn: 45 })]);
  });

  it('the wrong root element', () => {
    const markers = validateDocument('<ruleset xmlns="urn:ietf:params:xml:ns:common-policy"/>', 'resource-lists');
    expect(markers).toEqual([expect.objectContaining({ source: 'schema', startLine: 1, startColumn: 1, endColumn: 9, message: expect.stringMatching(/root element must be/) })]);
  });

  it('uniqueness: a duplicate list name is marked on the copy, with alternatives', () => {
    const markers = validateDocument(doc('  <list name="Presence_fellows"/>\n  <list name="Presence_fellows"/>'), 'resource-lists');
    expect(markers).toEqual([
      expect.objectContaining({ source: 'constraint', startLine: 4, startColumn: 9, endColumn: 32, message: expect.stringMatching(/uniqueness-failure: resource-lists\/list\/@name "Presence_fellows" is not unique among its siblings.*"Presence_fellows-2"/) }),
    ]);
  });

  it('uniqueness in sibling scope: the same name under different parents is fine', () => {
    expect(validateDocument(doc('  <list name="a">\n    <list name="x"/>\n  </list>\n  <list name="b">\n    <list name="x"/>\n  </list>'), 'resource-lists')).toEqual([]);
  });

  it('data constraints: every violating element is marked', () => {
    const markers = validateDocument(doc('  <list name="a">\n    <entry-ref ref="http://elsewhere/x"/>\n    <entry-ref ref="https://elsewhere/y"/>\n  </list>'), 'resource-lists');
    expect(markers.map((m) => [m.source, m.startLine])).toEqual([['constraint', 4], ['constraint', 5]]);
    expect(markers[0]?.message).toMatch(/constraint-failure: entry-ref ref=.* must be a relative URI/);
  });

  it('an entity bomb is refused with a clear marker and never expanded', () => {
    const lol = '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n' + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n') + '\n]>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">&lol9;</resource-lists>';
    const started = performance.now();
    const markers = validateDocument(lol, 'resource-lists');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(markers).toEqual([expect.objectContaining({ source: 'xml', startLine: 2, startColumn: 1, message: expect.stringMatching(/^refused: .*entity declarations are refused/) })]);
  });

  it('an external DTD / entity is refused, nothing is fetched', () => {
    const markers = validateDocument('<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "file:///etc/passwd">\n<r/>', 'resource-lists');
    expect(markers).toEqual([expect.objectContaining({ source: 'xml', startLine: 2, message: expect.stringMatching(/^refused: .*external DTDs/) })]);
    const undefinedEntity = validateDocument('<r>&xxe;</r>', null);
    expect(undefinedEntity).toEqual([expect.objectContaining({ source: 'xml', message: expect.stringMatching(/Entity 'xxe' not defined/) })]);
  });

  it('too large: refused with the limit', () => {
    const markers = validateDocument(doc(''), 'resource-lists', { limits: { maxBytes: 50 } });
    expect(markers).toEqual([expect.objectContaining({ source: 'xml', message: expect.stringMatching(/^too large: .*limit is 50 bytes/) })]);
  });

  it('without an AUID only well-formedness is checked; an unknown AUID says so', () => {
    expect(validateDocument('<anything/>', null)).toEqual([]);
    expect(validateDocument('<anything/>', 'no-such-auid')).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/unknown application usage/) })]);
  });
});

describe('markers', () => {
  it('libxml2 columns point after the problem: the marker covers the token', () => {
    const lines = new LineMap('<r>\n  </list>\n</r>');
    expect(markerAtLineColumn(lines, 2, 10, { severity: 'error', source: 'xml', message: 'm' })).toMatchObject({ startLine: 2, startColumn: 3, endColumn: 10 });
    expect(markerAtLineColumn(lines, 2, 0, { severity: 'error', source: 'xml', message: 'm' })).toMatchObject({ startLine: 2, startColumn: 3, endColumn: 10 });
  });

  it('line map round trip', () => {
    const lines = new LineMap('ab\r\ncd\n\nef');
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(4)).toEqual({ line: 2, column: 1 });
    expect(lines.position(8)).toEqual({ line: 4, column: 1 });
    expect(lines.offset(2, 2)).toBe(5);
    expect(lines.lineText(1)).toBe('ab');
    expect(lines.lineText(4)).toBe('ef');
  });
});

describe('markers at the start of a line', () => {
  it('an error reported at column 1 of an indented line marks the first token', () => {
    const lines = new LineMap('<r>\n    </entry>\n</r>');
    expect(markerAtLineColumn(lines, 2, 1, { severity: 'error', source: 'xml', message: 'm' })).toMatchObject({ startLine: 2, startColumn: 5, endColumn: 13 });
  });
});
