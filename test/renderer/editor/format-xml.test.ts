import { describe, expect, it } from 'vitest';
import { formatXml, formatXmlDocument } from '../../../renderer/src/lib/editor/format-xml';
import { parseXml } from '../../../shared/xcap/xml/parse';

describe('formatXml', () => {
  it('indents element-only content by two spaces and keeps tags, text, comments and CDATA', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?><!-- lists --><resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name=\'a\'   ><!-- friends --><entry uri="sip:b@example.com"><display-name>Bob  &amp; <![CDATA[<co>]]></display-name></entry><?pi x?><entry uri="sip:c@example.com"/></list></resource-lists>';
    expect(formatXml(text)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<!-- lists -->
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name='a'   >
    <!-- friends -->
    <entry uri="sip:b@example.com">
      <display-name>Bob  &amp; <![CDATA[<co>]]></display-name>
    </entry>
    <?pi x?>
    <entry uri="sip:c@example.com"/>
  </list>
</resource-lists>
`);
  });

  it('re-indents badly indented documents and is idempotent', () => {
    const text = '<r>\n<a>\n        <b/>\n</a>\n      <c>text</c></r>';
    const once = formatXml(text);
    expect(once).toBe('<r>\n  <a>\n    <b/>\n  </a>\n  <c>text</c>\n</r>\n');
    expect(formatXml(once)).toBe(once);
  });

  it('keeps mixed content and xml:space="preserve" verbatim', () => {
    const mixed = '<r><note>Hello <b>bold</b>  world</note><pre xml:space="preserve"><x/>   <y/></pre></r>';
    expect(formatXml(mixed)).toBe('<r>\n  <note>Hello <b>bold</b>  world</note>\n  <pre xml:space="preserve"><x/>   <y/></pre>\n</r>\n');
  });

  it('changes only whitespace between tags (the element tree and its text are the same)', () => {
    const text = '<a xmlns:p="urn:p"><p:b  x="1"\n     y="2"><c>t</c></p:b><!--c--></a>';
    const formatted = formatXml(text);
    expect(formatted.replace(/>\s+</g, '><').trim()).toBe(text);
    expect(() => parseXml(formatted)).not.toThrow();
  });

  it('refuses text that is not well-formed, with the reason', () => {
    const text = '<r><a></r>';
    const result = formatXmlDocument(text);
    expect(result.text).toBe(text);
    expect(result.reason).toMatch(/not formatted: .*mismatch/);
  });

  it('refuses entity declarations without expanding them', () => {
    const bomb = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><r>&b;</r>';
    const result = formatXmlDocument(bomb);
    expect(result.text).toBe(bomb);
    expect(result.reason).toMatch(/entity declarations are refused/);
  });

  it('keeps a BOM and CRLF line ends', () => {
    expect(formatXml('\uFEFF<r>\r\n<a/></r>')).toBe('\uFEFF<r>\r\n  <a/>\r\n</r>\r\n');
  });
});
