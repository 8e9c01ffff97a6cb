import { describe, expect, it } from 'vitest';
import { canonicalXml, explainDifference, findQuirks, formatVersionRange, moveWrittenElementToEnd, parseServerHeader, serverQuirks, type XcapOperation, type XcapOutcome } from '.';

const KAMAILIO = 'kamailio (5.6.3 (x86_64/linux))';
const operation = (over: Partial<XcapOperation> = {}): XcapOperation => ({
  method: 'PUT',
  resource: 'document',
  nodeSelector: null,
  namespaces: {},
  body: '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>',
  documentBefore: null,
  documentType: 'application/resource-lists+xml',
  ...over,
});
const outcome = (over: Partial<XcapOutcome> = {}): XcapOutcome => ({ status: 201, contentType: null, body: null, xcapError: null, document: '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>', ...over });

describe('server header and version ranges', () => {
  it('reads Kamailio and product/version forms', () => {
    expect(parseServerHeader(KAMAILIO)).toEqual({ product: 'kamailio', version: '5.6.3' });
    expect(parseServerHeader('Apache/2.4.57 (Debian)')).toEqual({ product: 'apache', version: '2.4.57' });
    expect(parseServerHeader('')).toBeNull();
  });
  it('finds the quirks of Kamailio 5.6.x only', () => {
    expect(findQuirks(KAMAILIO).length).toBe(serverQuirks.filter((q) => q.product === 'kamailio').length);
    expect(findQuirks('kamailio (5.8.1 (x86_64/linux))')).toEqual([]);
    expect(findQuirks('xcap-console-sandbox')).toEqual([]);
    expect(findQuirks(null)).toEqual([]);
    expect(formatVersionRange({ from: '5.6.0', below: '5.7.0' })).toBe('5.6.x');
  });
  it('has unique ids, one-line descriptions and evidence', () => {
    expect(new Set(serverQuirks.map((q) => q.id)).size).toBe(serverQuirks.length);
    for (const q of serverQuirks) {
      expect(q.id).toMatch(/^[a-z0-9-]+$/);
      expect(q.description).not.toMatch(/[\n|]/);
      expect(q.evidence).not.toMatch(/[\n|]/);
    }
  });
});

describe('explainDifference', () => {
  it('a prediction that held needs no quirk', () => {
    const verdict = explainDifference(findQuirks(KAMAILIO), operation(), outcome(), outcome());
    expect([verdict.explained, verdict.quirks]).toEqual([true, []]);
  });
  it('names exactly the quirk that explains a difference', () => {
    const verdict = explainDifference(findQuirks(KAMAILIO), operation(), outcome(), outcome({ status: 200 }));
    expect(verdict.explained).toBe(true);
    expect(verdict.quirks.map((q) => q.id)).toEqual(['kamailio-create-200']);
  });
  it('fails a difference no quirk explains, and any difference on an unknown server', () => {
    const odd = explainDifference(findQuirks(KAMAILIO), operation(), outcome(), outcome({ status: 204 }));
    expect(odd.explained).toBe(false);
    expect(odd.differences).toEqual([{ field: 'status', expected: 201, actual: 204 }]);
    expect(explainDifference(findQuirks('other/1.0'), operation(), outcome(), outcome({ status: 200 })).explained).toBe(false);
  });
  it('a 409 with xcap-error against an empty 500', () => {
    const verdict = explainDifference(findQuirks(KAMAILIO), operation({ body: '<a>' }), outcome({ status: 409, contentType: 'application/xcap-error+xml', xcapError: 'not-well-formed', document: null }), outcome({ status: 500, document: null }));
    expect(verdict.quirks.map((q) => q.id)).toEqual(['kamailio-errors-500-without-body']);
  });
});

describe('document normalisations', () => {
  it('canonicalXml ignores whitespace, empty-element form and the declaration, not order or values', () => {
    const a = '<?xml version="1.0"?>\n<l xmlns="u">\n  <e b="2" a="1"></e>\n  <f>x</f>\n</l>';
    expect(canonicalXml(a)).toBe(canonicalXml('<l xmlns="u"><e a="1" b="2"/><f> x </f></l>'));
    expect(canonicalXml(a)).not.toBe(canonicalXml('<l xmlns="u"><f>x</f><e a="1" b="2"/></l>'));
    expect(canonicalXml(a)).not.toBe(canonicalXml('<l xmlns="v"><e a="1" b="2"/><f>x</f></l>'));
  });
  it('moveWrittenElementToEnd moves the element an edit wrote to the end of its parent', () => {
    const doc = '<l>\n  <e id="1"/>\n  <e id="2"/>\n</l>';
    const start = doc.indexOf('<e id="1"/>');
    expect(moveWrittenElementToEnd(doc, { start, insert: '<e id="1"/>' })).toBe('<l>\n  \n  <e id="2"/>\n<e id="1"/></l>');
  });
});
