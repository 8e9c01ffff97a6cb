/**
 * Every xcap-error condition of RFC 4825 §11 over HTTP (409 with an application/xcap-error+xml body
 * naming the condition), and the plain HTTP refusals (400, 404, 405, 415). No refusal changes the
 * stored document.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DigestSession, etagOf, type HttpResponse } from './test-support/http';
import { ALICE, startTestSandbox, xcapUri, type TestSandbox } from './test-support/sandbox';

const EL = 'application/xcap-el+xml';
const ATT = 'application/xcap-att+xml';
const RL = 'application/resource-lists+xml';
const friends = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends">
    <entry uri="sip:bob@example.com">
      <display-name>Bob</display-name>
    </entry>
    <entry uri="sip:carol@example.com"/>
  </list>
  <list name="family"/>
</resource-lists>
`;

let sandbox: TestSandbox;
let alice: DigestSession;
let etag: string;
const address = { auid: 'resource-lists', xui: ALICE.xui };
const documentUri = () => xcapUri(sandbox.server.rootUrl, address);
const node = (selector: string, namespaces: Record<string, string> = {}) => xcapUri(sandbox.server.rootUrl, address, selector, namespaces);

beforeAll(async () => {
  sandbox = await startTestSandbox();
  alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
  const created = await alice.put(documentUri(), friends, RL);
  expect(created.status).toBe(201);
  etag = etagOf(created);
});
afterAll(() => sandbox.close());

// Every refusal leaves the document as it was, byte for byte and ETag for ETag.
afterEach(async () => {
  const read = await alice.get(documentUri());
  expect([read.status, read.text, read.headers.etag]).toEqual([200, friends, etag]);
});

/** 409 with exactly one xcap-error element `tag`; returns its inner XML. */
function expectXcapError(response: HttpResponse, tag: string): string {
  expect(response.status).toBe(409);
  expect(response.headers['content-type']).toBe('application/xcap-error+xml');
  expect(response.headers.etag).toBeUndefined();
  const match = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<xcap-error xmlns="urn:ietf:params:xml:ns:xcap-error">(.*)<\/xcap-error>\n$/s.exec(response.text);
  expect(match, response.text).not.toBeNull();
  const inner = match?.[1] ?? '';
  expect(inner).toMatch(new RegExp(`^<${tag} phrase="[^"]*"(/>|>.*</${tag}>)$`, 's'));
  return inner;
}

describe('409 xcap-error conditions', () => {
  it('not-well-formed: a document PUT that is not well-formed XML', async () => {
    const response = await alice.put(documentUri(), '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">\n<list></resource-lists>', RL);
    expect(expectXcapError(response, 'not-well-formed')).toMatch(/line 2/);
  });

  it('not-xml-frag: an element PUT whose body is not one element', async () => {
    const response = await alice.put(node('resource-lists/list[@name="x"]'), '<list name="x"/><list name="y"/>', EL);
    expectXcapError(response, 'not-xml-frag');
  });

  it('no-parent: names the closest existing ancestor as an absolute, percent-encoded URI', async () => {
    const response = await alice.put(node('resource-lists/list[@name="friends"]/list[@name="work"]/entry'), '<entry uri="sip:x@example.com"/>', EL);
    const inner = expectXcapError(response, 'no-parent');
    expect(inner).toMatch(new RegExp(`<ancestor>${escapeRegExp(documentUri())}/~~/resource-lists/list%5B@name=%22friends%22%5D</ancestor></no-parent>$`));
    expect(documentUri()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/xcap-root\/resource-lists\/users\/sip:alice@example\.com\/index$/);
  });

  it('schema-validation-error: an element the schema does not allow there', async () => {
    const response = await alice.put(node('resource-lists/list[@name="friends"]/entry[@uri="sip:z@example.com"]'), '<entry uri="sip:z@example.com"><bogus/></entry>', EL);
    expect(expectXcapError(response, 'schema-validation-error')).toMatch(/bogus/);
  });

  it('not-xml-att-value: an attribute value with "<"', async () => {
    const response = await alice.put(node('resource-lists/list[2]/@name'), 'a<b', ATT);
    expectXcapError(response, 'not-xml-att-value');
  });

  it('cannot-insert: the body would not be selected by the URI', async () => {
    const response = await alice.put(node('resource-lists/list[@name="friends"]/entry[@uri="sip:x@example.com"]'), '<entry uri="sip:y@example.com"/>', EL);
    expectXcapError(response, 'cannot-insert');
  });

  it('cannot-delete: a positional DELETE would let the next sibling take the position', async () => {
    const response = await alice.delete(node('resource-lists/list[@name="friends"]/entry[1]'));
    expectXcapError(response, 'cannot-delete');
  });

  it('uniqueness-failure: a duplicate list name, with alt-value suggestions', async () => {
    const response = await alice.put(node('resource-lists/list[3]'), '<list name="friends"/>', EL);
    const inner = expectXcapError(response, 'uniqueness-failure');
    expect(inner).toMatch(
      /><exists field="resource-lists\/list\/@name"><alt-value>friends-2<\/alt-value><alt-value>friends-3<\/alt-value><alt-value>friends-4<\/alt-value><\/exists><\/uniqueness-failure>$/,
    );
  });

  it('constraint-failure: an external anchor that is not an HTTP URI', async () => {
    const response = await alice.put(node('resource-lists/list[@name="family"]/external'), '<external anchor="sip:no@example.com"/>', EL);
    expectXcapError(response, 'constraint-failure');
  });

  it('not-utf-8: an element body with a Latin-1 byte', async () => {
    const latin1 = new Uint8Array([...Buffer.from('<list name="caf'), 0xe9, ...Buffer.from('"/>')]);
    const response = await alice.put(node('resource-lists/list[3]'), latin1, EL);
    expectXcapError(response, 'not-utf-8');
  });
});

describe('plain HTTP refusals', () => {
  it('404 for a selector matching several elements (GET and DELETE), never the first of them', async () => {
    for (const selector of ['resource-lists/list', 'resource-lists/list/entry']) {
      const read = await alice.get(node(selector));
      expect([read.status, read.headers['content-type']]).toEqual([404, 'text/plain; charset=utf-8']);
      expect((await alice.delete(node(selector))).status).toBe(404);
    }
  });

  it('405 with Allow: GET for a PUT to a namespace selector', async () => {
    const response = await alice.put(node('resource-lists/list[1]/namespace::*'), '<list xmlns="urn:ietf:params:xml:ns:resource-lists"/>', 'application/xcap-ns+xml');
    expect([response.status, response.headers.allow]).toEqual([405, 'GET']);
  });

  it('405 with Allow: GET, PUT, DELETE for POST', async () => {
    const response = await alice.request('POST', documentUri(), { body: friends, headers: { 'Content-Type': RL } });
    expect([response.status, response.headers.allow]).toEqual([405, 'GET, PUT, DELETE']);
  });

  it('415 for the legacy application/xml-fragment-body Content-Type (TS 24.141 A.8.2-3)', async () => {
    const response = await alice.put(node('resource-lists/list[@name="friends"]/entry[@uri="sip:dan@example.com"]'), '<entry uri="sip:dan@example.com"/>', 'application/xml-fragment-body');
    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.text).toContain(EL);
  });

  it('415 for a document PUT typed as an element', async () => {
    expect((await alice.put(documentUri(), friends, EL)).status).toBe(415);
  });

  it('400 for a node selector that does not parse', async () => {
    const response = await alice.get(`${documentUri()}/~~/resource-lists/list%5B@name=%22x%22`);
    expect([response.status, response.headers['content-type']]).toEqual([400, 'text/plain; charset=utf-8']);
  });

  it('400 for a node selector with an unbound prefix', async () => {
    expect((await alice.get(node('p:resource-lists'))).status).toBe(400);
  });

  it('400 for a pre-RFC 4825 URI (selector in the query), naming the RFC 4825 form', async () => {
    const legacy = `${documentUri()}?resource-lists/list%5B@name=%22friends%22%5D/entry`;
    const response = await alice.get(legacy);
    expect([response.status, response.headers['content-type']]).toEqual([400, 'text/plain; charset=utf-8']);
    expect(response.text).toContain('RFC 4825');
    expect(response.text).toContain(`${documentUri()}/~~/resource-lists/list%5B@name=%22friends%22%5D/entry`);
  });

  it('400 for a pre-RFC 4825 URI (selector after a .xml document name), naming the RFC 4825 form', async () => {
    const root = sandbox.server.rootUrl;
    const response = await alice.get(`${root}/resource-lists/users/sip:alice@example.com/pf.xml/resource-lists/list%5B@name=%22friends%22%5D`);
    expect(response.status).toBe(400);
    expect(response.text).toContain('RFC 4825');
    expect(response.text).toContain(`${root}/resource-lists/users/sip:alice@example.com/pf.xml/~~/resource-lists/list%5B@name=%22friends%22%5D`);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
