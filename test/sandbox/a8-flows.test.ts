/**
 * 3GPP TS 24.141 annex A.8.2–A.8.4 over real HTTP, in their RFC 4825 form (node selectors after
 * "/~~/", percent-encoded; RFC media types; RFC 4826/5025/3863 vocabularies). The same flows at
 * engine level are shared/xcap/edit/a8-flows.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A82_CREATED_LIST, A83_CREATED_POLICY, A83_SECOND_RULE } from '../../shared/xcap/examples/ts24141-a8';
import { User } from '../../electron/sandbox/auth';
import { DigestSession, etagOf } from './test-support/http';
import { mimeUri, startTestSandbox, xcapUri, type TestSandbox } from './test-support/sandbox';

const EL = 'application/xcap-el+xml';
const CP = { cp: 'urn:ietf:params:xml:ns:common-policy' };
const USER1 = { xui: 'sip:user1_public1@home1.net', username: 'user1_public1@home1.net', password: 'user1-secret' };
const BILL = { xui: 'sip:bill@example.com', username: 'bill@example.com', password: 'bill-secret' };

let sandbox: TestSandbox;
let user1: DigestSession;
let bill: DigestSession;
let root: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ users: [USER1, BILL].map(({ xui, password }) => new User(xui, password)) });
  root = sandbox.server.rootUrl;
  user1 = new DigestSession(sandbox.endpoint, USER1.username, USER1.password);
  bill = new DigestSession(sandbox.endpoint, BILL.username, BILL.password);
});
afterAll(() => sandbox.close());

describe('A.8.2 resource list: create, add entry, delete entry, read back', () => {
  const created = A82_CREATED_LIST;
  const doc = () => xcapUri(root, { auid: 'resource-lists', xui: USER1.xui, name: 'pf.xml' });
  const entry = (uri: string) => xcapUri(root, { auid: 'resource-lists', xui: USER1.xui, name: 'pf.xml' }, `resource-lists/list[@name="Presence_fellows"]/entry[@uri="${uri}"]`);

  it('puts the node selector on the wire percent-encoded after /~~/ (RFC 4825 §6)', () => {
    expect(sandbox.endpoint.target(entry('sip:user3_public1@home3.net'))).toBe(
      '/xcap-root/resource-lists/users/sip:user1_public1@home1.net/pf.xml/~~/resource-lists/list%5B@name=%22Presence_fellows%22%5D/entry%5B@uri=%22sip:user3_public1@home3.net%22%5D',
    );
  });

  it('1-2: PUT of the new document answers 201 Created with an ETag and no body', async () => {
    const response = await user1.put(doc(), created, 'application/resource-lists+xml');
    expect(response.status).toBe(201);
    etagOf(response);
    expect(response.headers['content-type']).toBeUndefined();
    expect(response.text).toBe('');
  });

  it('3-4: PUT of a new entry by node selector (application/xcap-el+xml) answers 201', async () => {
    const body = `<entry uri="sip:user3_public1@home3.net">
      <display-name>User3</display-name>
    </entry>`;
    const response = await user1.put(entry('sip:user3_public1@home3.net'), body, EL);
    expect(response.status).toBe(201);
    etagOf(response);
    const read = await user1.get(entry('sip:user3_public1@home3.net'));
    expect([read.status, read.headers['content-type'], read.text]).toEqual([200, EL, body]);
  });

  it('5-6: DELETE of the entry user2 answers 200', async () => {
    const response = await user1.delete(entry('sip:user2_public1@home2.net'));
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect((await user1.get(entry('sip:user2_public1@home2.net'))).status).toBe(404);
  });

  it('7-8: GET returns exactly the list with user3 only (table A.8.2-8)', async () => {
    const response = await user1.get(doc());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/resource-lists+xml');
    etagOf(response);
    expect(response.text).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="Presence_fellows">
    <entry uri="sip:user3_public1@home3.net">
      <display-name>User3</display-name>
    </entry>
  </list>
</resource-lists>
`);
  });
});

describe('A.8.3 presence authorization policy (pres-rules with common-policy rules)', () => {
  const created = A83_CREATED_POLICY;
  const secondRule = A83_SECOND_RULE;
  const address = { auid: 'pres-rules', xui: USER1.xui, name: 'ps.xml' };
  const rule = (id: string) => xcapUri(root, address, `cp:ruleset/cp:rule[@id="${id}"]`, CP);

  it('binds the common-policy prefix in the query: ?xmlns(cp=urn:ietf:params:xml:ns:common-policy)', () => {
    expect(sandbox.endpoint.target(rule('dsafa43232'))).toBe(
      '/xcap-root/pres-rules/users/sip:user1_public1@home1.net/ps.xml/~~/cp:ruleset/cp:rule%5B@id=%22dsafa43232%22%5D?xmlns(cp=urn:ietf:params:xml:ns:common-policy)',
    );
  });

  it('1-2: PUT of the policy answers 201', async () => {
    const response = await user1.put(xcapUri(root, address), created, 'application/auth-policy+xml');
    expect(response.status).toBe(201);
    etagOf(response);
  });

  it('3-4: PUT of a second rule by node selector answers 201', async () => {
    const response = await user1.put(rule('dsffdsfrrr32423'), secondRule, EL);
    expect(response.status).toBe(201);
    const read = await user1.get(rule('dsffdsfrrr32423'));
    expect([read.status, read.headers['content-type'], read.text]).toEqual([200, EL, secondRule]);
  });

  it('5-6: DELETE of the first rule answers 200', async () => {
    const response = await user1.delete(rule('dsafa43232'));
    expect(response.status).toBe(200);
    expect((await user1.get(rule('dsafa43232'))).status).toBe(404);
  });

  it('7-8: GET returns exactly the policy with the second rule only', async () => {
    const response = await user1.get(xcapUri(root, address));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/auth-policy+xml');
    expect(response.text).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<cp:ruleset xmlns="urn:ietf:params:xml:ns:pres-rules" xmlns:pr="urn:ietf:params:xml:ns:pres-rules" xmlns:cp="urn:ietf:params:xml:ns:common-policy">
  ${secondRule}
</cp:ruleset>
`);
  });
});

describe('A.8.4 hard-state presence referring to a stored MIME object', () => {
  // A JPEG header and some bytes that are not UTF-8, so any text conversion on the way would show.
  const picture = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x80, 0xfe, 0x00, 0xc3, 0x28, 0xff, 0xd9]);
  const iconUri = () => mimeUri(root, BILL.xui, 'pictureX.jpg');
  const pidfAddress = { auid: 'pidf-manipulation', xui: BILL.xui };
  const NS = { dm: 'urn:ietf:params:xml:ns:pidf:data-model', rpid: 'urn:ietf:params:xml:ns:pidf:rpid' };
  const pidf = () => `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf"
    xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
    xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
    entity="sip:bill@example.com">
  <tuple id="a123sd">
    <status>
      <basic>open</basic>
    </status>
    <contact>sip:bill@example.com</contact>
  </tuple>
  <dm:person id="p432sd">
    <rpid:activities><rpid:on-the-phone/></rpid:activities>
    <rpid:status-icon>${iconUri()}</rpid:status-icon>
    <dm:note xml:lang="en">At home</dm:note>
  </dm:person>
</presence>
`;

  it('1-2: PUT of the picture (image/jpeg) to /xcap-root/mime/users/<XUI>/pictureX.jpg answers 201', async () => {
    expect(sandbox.endpoint.target(iconUri())).toBe('/xcap-root/mime/users/sip:bill@example.com/pictureX.jpg');
    const response = await bill.put(iconUri(), picture, 'image/jpeg');
    expect(response.status).toBe(201);
    etagOf(response);
  });

  it('GET of the MIME object returns the same bytes with the same type', async () => {
    const response = await bill.get(iconUri());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/jpeg');
    expect(new Uint8Array(response.bytes)).toEqual(picture);
    etagOf(response);
  });

  it('3-4: PUT of the pidf-manipulation document referring to the picture answers 201', async () => {
    const response = await bill.put(xcapUri(root, pidfAddress), pidf(), 'application/pidf+xml');
    expect(response.status).toBe(201);
    expect((await bill.get(xcapUri(root, pidfAddress))).text).toBe(pidf());
  });

  it('GET of the rpid:status-icon element returns the MIME object URI', async () => {
    const response = await bill.get(xcapUri(root, pidfAddress, 'presence/dm:person/rpid:status-icon', NS));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(EL);
    expect(response.text).toBe(`<rpid:status-icon>${iconUri()}</rpid:status-icon>`);
  });

  it('DELETE of the MIME object answers 200, then GET answers 404', async () => {
    expect((await bill.delete(iconUri())).status).toBe(200);
    const response = await bill.get(iconUri());
    expect(response.status).toBe(404);
  });
});
