import { describe, expect, it } from 'vitest';
import { prettyXml } from '../../../renderer/src/views/inspector/pretty-xml';
import { tokenizeXml } from '../../../renderer/src/views/inspector/xml-tokens';

describe('prettyXml', () => {
  it('indents element-only content, one child per line', () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?><resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="friends"><entry uri="sip:bob@example.com"/><entry uri="sip:carol@example.com"><display-name>Carol</display-name></entry></list></resource-lists>';
    expect(prettyXml(text)).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">',
        '  <list name="friends">',
        '    <entry uri="sip:bob@example.com"/>',
        '    <entry uri="sip:carol@example.com">',
        '      <display-name>Carol</display-name>',
        '    </entry>',
        '  </list>',
        '</resource-lists>',
      ].join('\n'),
    );
  });

  it('re-indents an already indented document the same way', () => {
    const once = prettyXml('<a>\n\t<b x="1">\n<c/></b>\n</a>');
    expect(once).toBe('<a>\n  <b x="1">\n    <c/>\n  </b>\n</a>');
    expect(prettyXml(once ?? '')).toBe(once);
  });

  it('keeps text content exactly as sent (whitespace inside values, mixed content, entities, CDATA)', () => {
    expect(prettyXml('<a><n>  two  spaces </n></a>')).toBe('<a>\n  <n>  two  spaces </n>\n</a>');
    expect(prettyXml('<p>Hello <b>bold</b> &amp; <![CDATA[<raw>]]></p>')).toBe('<p>Hello <b>bold</b> &amp; <![CDATA[<raw>]]></p>');
  });

  it('keeps comments and attributes with > or quotes verbatim', () => {
    expect(prettyXml(`<a><!-- note --><b t='x>y' u="it's"/></a>`)).toBe(`<a>\n  <!-- note -->\n  <b t='x>y' u="it's"/>\n</a>`);
  });

  it('refuses what is not XML or is cut short, so the raw text is shown', () => {
    expect(prettyXml('{"json": true}')).toBeNull();
    expect(prettyXml('<a><b></a>')).toBeNull();
    expect(prettyXml('<a><b>cut')).toBeNull();
    expect(prettyXml('<a x="1')).toBeNull();
    expect(prettyXml('')).toBeNull();
  });

  it('handles a DOCTYPE with an internal subset', () => {
    expect(prettyXml('<!DOCTYPE a [<!ENTITY e "v">]><a><b/></a>')).toBe('<!DOCTYPE a [<!ENTITY e "v">]>\n<a>\n  <b/>\n</a>');
  });
});

describe('tokenizeXml', () => {
  it('decodes attribute values', () => {
    const tokens = tokenizeXml('<e a="&lt;&#x41;&#66;&amp;&unknown;"/>');
    expect(tokens?.[0]).toMatchObject({ kind: 'open', name: 'e', selfClosing: true, attributes: [{ name: 'a', value: '<AB&&unknown;' }] });
  });
});
