import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, hasConflictMarkers, splitLines, threeWayMerge } from '../../../renderer/src/lib/editor/three-way-merge';

const base = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="Presence_fellows">
    <entry uri="sip:bob@example.com">
      <display-name>bob</display-name>
    </entry>
  </list>
</resource-lists>
`;

describe('threeWayMerge', () => {
  it('takes a change made on one side only', () => {
    const yours = base.replace('<display-name>bob', '<display-name>Bob');
    expect(threeWayMerge(base, yours, base)).toEqual({ text: yours, conflicts: 0 });
    expect(threeWayMerge(base, base, yours)).toEqual({ text: yours, conflicts: 0 });
  });

  it('combines changes to different lines', () => {
    const yours = base.replace('<display-name>bob', '<display-name>Bob');
    const server = base.replace('  <list name="Presence_fellows">\n', '  <list name="Presence_fellows">\n    <entry uri="sip:carol@example.com"/>\n');
    const merged = threeWayMerge(base, yours, server);
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe(server.replace('<display-name>bob', '<display-name>Bob'));
  });

  it('takes the same change made on both sides once', () => {
    const both = base.replace('bob</display-name>', 'Bobby</display-name>');
    expect(threeWayMerge(base, both, both)).toEqual({ text: both, conflicts: 0 });
    const yours = both.replace('<list name="Presence_fellows">', '<list name="fellows">');
    expect(threeWayMerge(base, yours, both)).toEqual({ text: yours, conflicts: 0 });
  });

  it('marks different changes to the same lines as a conflict', () => {
    const yours = base.replace('<display-name>bob', '<display-name>Bob (yours)');
    const server = base.replace('<display-name>bob', '<display-name>Bob (server)');
    const merged = threeWayMerge(base, yours, server);
    expect(merged.conflicts).toBe(1);
    expect(merged.text).toBe(base.replace(
      '      <display-name>bob</display-name>\n',
      '<<<<<<< yours\n      <display-name>Bob (yours)</display-name>\n=======\n      <display-name>Bob (server)</display-name>\n>>>>>>> server\n',
    ));
    expect(hasConflictMarkers(merged.text)).toBe(true);
    expect(hasConflictMarkers(yours)).toBe(false);
  });

  it('a deletion on one side against an edit on the other is a conflict', () => {
    const yours = base.replace('    <entry uri="sip:bob@example.com">\n      <display-name>bob</display-name>\n    </entry>\n', '');
    const server = base.replace('<display-name>bob', '<display-name>Robert');
    const merged = threeWayMerge(base, yours, server);
    expect(merged.conflicts).toBe(1);
    expect(merged.text).toContain('<<<<<<< yours\n=======\n    <entry uri="sip:bob@example.com">\n      <display-name>Robert</display-name>\n    </entry>\n>>>>>>> server\n');
  });

  it('terminates a last line without a newline inside a conflict block', () => {
    const merged = threeWayMerge('a\nb', 'a\nB', 'a\nc');
    expect(merged.text).toBe('a\n<<<<<<< yours\nB\n=======\nc\n>>>>>>> server\n');
  });

  it('insertions at the same place on both sides conflict unless equal', () => {
    expect(threeWayMerge('a\nz\n', 'a\nx\nz\n', 'a\ny\nz\n').text).toBe('a\n<<<<<<< yours\nx\n=======\ny\n>>>>>>> server\nz\n');
    expect(threeWayMerge('a\nz\n', 'a\nx\nz\n', 'a\nx\nz\n').text).toBe('a\nx\nz\n');
  });

  it('property: without concurrent changes the merge is exact; one-sided edits are kept', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n', 'e\n');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (baseLines, otherLines) => {
        const b = baseLines.join('');
        const o = otherLines.join('');
        expect(threeWayMerge(b, o, b).text).toBe(o);
        expect(threeWayMerge(b, b, o).text).toBe(o);
        expect(threeWayMerge(b, o, o).text).toBe(o);
      }),
    );
  });

  it('property: edits to disjoint halves merge without conflicts', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n');
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 10 }), fc.array(line, { maxLength: 8 }), fc.array(line, { maxLength: 8 }), (head, newHead, newTail) => {
        const separator = ['--- unique separator ---\n', '--- second unique line ---\n'];
        const tail = head.slice().reverse();
        const b = [...head, ...separator, ...tail].join('');
        const yours = [...newHead, ...separator, ...tail].join('');
        const server = [...head, ...separator, ...newTail].join('');
        const merged = threeWayMerge(b, yours, server);
        expect(merged.conflicts).toBe(0);
        expect(merged.text).toBe([...newHead, ...separator, ...newTail].join(''));
      }),
    );
  });
});

describe('diffLines', () => {
  it('property: applying the hunks to base gives the other text', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.array(line, { maxLength: 40 }), (x, y) => {
        const hunks = diffLines(x, y);
        const out: string[] = [];
        let at = 0;
        for (const h of hunks) {
          out.push(...x.slice(at, h.baseStart), ...y.slice(h.otherStart, h.otherEnd));
          at = h.baseEnd;
        }
        out.push(...x.slice(at));
        expect(out).toEqual(y);
      }),
    );
  });

  it('finds a minimal script on a large document with one change', () => {
    const lines = splitLines(Array.from({ length: 20_000 }, (_, i) => `<entry uri="sip:u${i}@example.com"/>\n`).join(''));
    const changed = lines.slice();
    changed[10_000] = '<entry uri="sip:changed@example.com"/>\n';
    expect(diffLines(lines, changed)).toEqual([{ baseStart: 10_000, baseEnd: 10_001, otherStart: 10_000, otherEnd: 10_001 }]);
  });

  it('falls back to one hunk past the edit limit', () => {
    const x = Array.from({ length: 50 }, (_, i) => `x${i}\n`);
    const y = Array.from({ length: 50 }, (_, i) => `y${i}\n`);
    expect(diffLines(x, y, 10)).toEqual([{ baseStart: 0, baseEnd: 50, otherStart: 0, otherEnd: 50 }]);
  });
});
