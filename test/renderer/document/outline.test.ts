import { describe, expect, it } from 'vitest';
import { applyXcapRequest, loadXcapDocument } from '../../../shared/xcap/edit';
import { getApplicationUsage } from '../../../shared/xcap/usages/registry';
import { buildOutline, nodeAtOffset } from '../../../renderer/src/lib/document/outline';

const RL = 'urn:ietf:params:xml:ns:resource-lists';
const text = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="${RL}" xmlns:x="urn:example:ext">
  <list name="friends">
    <entry uri="sip:a@example.com"/>
    <entry uri="sip:b@example.com"><display-name>B</display-name></entry>
    <entry uri="sip:a@example.com"/>
    <x:note/>
  </list>
  <list name="work"/>
</resource-lists>`;

describe('buildOutline', () => {
  const outline = buildOutline(loadXcapDocument(text), RL);

  it('lists every element in document order with depth and parent', () => {
    expect(outline.nodes.map((n) => [n.depth, n.label])).toEqual([
      [0, 'resource-lists'],
      [1, 'list name="friends"'],
      [2, 'entry uri="sip:a@example.com"'],
      [2, 'entry uri="sip:b@example.com"'],
      [3, 'display-name'],
      [2, 'entry uri="sip:a@example.com"'],
      [2, 'x:note'],
      [1, 'list name="work"'],
    ]);
    expect(outline.nodes[4]?.parent).toBe(3);
  });

  it('gives each node a selector that the edit engine resolves to exactly that node', () => {
    const usage = getApplicationUsage('resource-lists');
    const document = loadXcapDocument(text);
    for (const node of outline.nodes) {
      const result = applyXcapRequest(document, { method: 'GET', usage, nodeSelector: node.selector, namespaces: outline.namespaces });
      expect(result.status, node.selector).toBe(200);
      expect(result.selection, node.selector).toEqual([{ start: node.start, end: node.end }]);
    }
    expect(outline.nodes[2]?.selector).toBe('resource-lists/list[@name="friends"]/entry[1]'); // duplicate uri: position
    expect(outline.nodes[3]?.selector).toBe('resource-lists/list[@name="friends"]/entry[@uri="sip:b@example.com"]');
    expect(outline.namespaces).toEqual({ x: 'urn:example:ext' });
  });

  it('finds the innermost node at an offset', () => {
    const offset = text.indexOf('>B<') + 1;
    expect(outline.nodes[nodeAtOffset(outline.nodes, offset)]?.label).toBe('display-name');
  });

  it('handles 100k elements and deep nesting without recursion limits', () => {
    const many = `<resource-lists xmlns="${RL}"><list name="l">${Array.from({ length: 100_000 }, (_, i) => `<entry uri="sip:u${i}@x"/>`).join('')}</list></resource-lists>`;
    expect(buildOutline(loadXcapDocument(many, { maxBytes: 64 << 20 } as never), RL).nodes).toHaveLength(100_002);
  });
});
