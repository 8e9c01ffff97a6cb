import { describe, expect, it } from 'vitest';
import type { HeaderPair } from './exchange';
import { body } from './test-support/exchange-fixture';
import { decodeXcapView } from './xcap-view';
import { xcapErrorTag } from './xcap-error-tag';

const ROOT = 'https://xcap.example.com/xcap-root';
const XML_ERROR: HeaderPair[] = [['Content-Type', 'application/xcap-error+xml; charset=utf-8']];

describe('decodeXcapView', () => {
  it('decodes document, element, attribute and namespace URIs', () => {
    const doc = decodeXcapView({ url: `${ROOT}/resource-lists/users/sip:alice@example.com/index` }, null);
    expect(doc).toEqual({ root: ROOT, auid: 'resource-lists', scope: 'users', xui: 'sip:alice@example.com', documentPath: 'index', nodeSelector: null, resource: 'document', namespaces: {}, xcapError: null });
    const element = decodeXcapView({ url: `${ROOT}/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22friends%22%5D` }, null);
    expect(element).toMatchObject({ nodeSelector: 'resource-lists/list[@name="friends"]', resource: 'element' });
    expect(decodeXcapView({ url: `${ROOT}/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list/@name` }, null)?.resource).toBe('attribute');
    expect(decodeXcapView({ url: `${ROOT}/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/namespace::*` }, null)?.resource).toBe('namespace');
    expect(decodeXcapView({ url: `${ROOT}/pres-rules/users/sip:alice@example.com/a/b/c/~~/p:ruleset?xmlns(p=urn:ietf:params:xml:ns:common-policy)` }, null)).toMatchObject({
      documentPath: 'a/b/c',
      namespaces: { p: 'urn:ietf:params:xml:ns:common-policy' },
    });
  });

  it('decodes global documents and directories', () => {
    expect(decodeXcapView({ url: `${ROOT}/xcap-caps/global/index` }, null)).toMatchObject({ auid: 'xcap-caps', scope: 'global', xui: null, resource: 'document' });
    expect(decodeXcapView({ url: `${ROOT}/resource-lists/users/sip:alice@example.com/` }, null)).toMatchObject({ resource: 'directory', documentPath: '' });
  });

  it('uses the profile root when given', () => {
    const url = 'https://h/services/users/resource-lists/users/sip:a@b/index';
    expect(decodeXcapView({ url }, null, { root: 'https://h/services/users' })).toMatchObject({ root: 'https://h/services/users', auid: 'resource-lists' });
  });

  it('is null for URLs that are not XCAP URIs, and never throws', () => {
    for (const url of ['http://127.0.0.1:1/plain?a=1', 'http://h/', 'not a url', '', 'http://h/xcap-root/resource-lists/users/sip:a@b/index/~~/%ZZ']) {
      expect(decodeXcapView({ url }, null)).toBeNull();
    }
    expect(decodeXcapView({ url: `${ROOT}/resource-lists/users/sip:a@b/index` }, null, { root: 'nonsense' })).toBeNull();
  });

  it('leaves the kind null when the selector does not parse', () => {
    expect(decodeXcapView({ url: `${ROOT}/resource-lists/users/sip:a@b/index/~~/list%5B` }, null)).toMatchObject({ nodeSelector: 'list[', resource: null });
  });

  it('reads the xcap-error condition of a 409', () => {
    const response = { headers: XML_ERROR, body: body('<?xml version="1.0"?>\n<!-- c --><xcap-error xmlns="urn:ietf:params:xml:ns:xcap-error"><uniqueness-failure><exists field="a"/></uniqueness-failure></xcap-error>') };
    expect(decodeXcapView({ url: `${ROOT}/resource-lists/users/sip:a@b/index` }, response)?.xcapError).toBe('uniqueness-failure');
  });
});

describe('xcapErrorTag', () => {
  it('accepts prefixes, comments and processing instructions before the condition', () => {
    expect(xcapErrorTag(XML_ERROR, body('<e:xcap-error xmlns:e="urn:ietf:params:xml:ns:xcap-error">\n  <?pi x?><!-- why --> <e:no-parent phrase="p"/></e:xcap-error>').bytes)).toBe('no-parent');
  });

  it('is null for other content types, empty or cut bodies and non-xcap-error documents', () => {
    const bytes = body('<xcap-error><not-well-formed/></xcap-error>').bytes;
    expect(xcapErrorTag([['Content-Type', 'application/xml']], bytes)).toBeNull();
    expect(xcapErrorTag([], bytes)).toBeNull();
    expect(xcapErrorTag(XML_ERROR, null)).toBeNull();
    expect(xcapErrorTag(XML_ERROR, body('<xcap-error/>').bytes)).toBeNull();
    expect(xcapErrorTag(XML_ERROR, body('<xcap-errors><x/></xcap-errors>').bytes)).toBeNull();
    expect(xcapErrorTag(XML_ERROR, body('<xcap-error><!-- never closed').bytes)).toBeNull();
    expect(xcapErrorTag(XML_ERROR, bytes)).toBe('not-well-formed');
  });
});
