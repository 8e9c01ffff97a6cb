/**
 * Interop against a real third-party XCAP server: Kamailio's xcap_server (Debian 12), started fresh
 * on a free loopback port. Every operation goes through the console's own client (Digest) and is
 * checked against the edit engine's prediction; a difference fails unless a registered server quirk
 * (shared/xcap/quirks) explains it. Skipped with a printed reason without Kamailio, a failure with
 * XCAP_REQUIRE_INTEROP=1 (CI).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { XcapClient } from '../../electron/client/xcap-client';
import { XcapClientError } from '../../electron/client/client-error';
import { A82_CREATED_LIST, A83_CREATED_POLICY, A83_SECOND_RULE } from '../../shared/xcap/examples/ts24141-a8';
import { findQuirks } from '../../shared/xcap/quirks';
import { parseXcapUriLenient } from '../../shared/xcap/uri';
import { describeInterop } from './support/describe-interop';
import { digestClient, fetchDocument, plan, serverHeader } from './support/interop-client';
import { USERS } from './support/kamailio-peer';
import { checkMimeStep, checkStep, observedQuirks } from './support/prediction-check';

const EXAMPLES = resolve(import.meta.dirname, '../../shared/xcap/usages/examples');
const example = (auid: string, file = 'index.xml') => readFileSync(join(EXAMPLES, auid, file), 'utf8');
const ALICE = USERS.alice.xui;
const CP = 'urn:ietf:params:xml:ns:common-policy';

/** The AUIDs Kamailio 5.6 serves that the console has an application usage for, with a document each. */
const DOCUMENTS: readonly { auid: string; text: string }[] = [
  { auid: 'resource-lists', text: example('resource-lists') },
  { auid: 'rls-services', text: example('rls-services') },
  { auid: 'pres-rules', text: example('pres-rules') },
  { auid: 'org.openmobilealliance.pres-rules', text: example('org.openmobilealliance.pres-rules') },
  { auid: 'pidf-manipulation', text: example('pidf-manipulation') },
  { auid: 'org.openmobilealliance.pres-content', text: example('org.openmobilealliance.pres-content', 'rcs_status_icon.xml') },
];

const LIST = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends">
    <entry uri="sip:bob@example.com">
      <display-name>Bob</display-name>
    </entry>
    <entry uri="sip:carol@example.com"/>
  </list>
  <list name="empty"></list>
</resource-lists>
`;

describeInterop('Kamailio xcap_server: prediction vs. reality', (peer) => {
  let alice: XcapClient;
  let server: string | null = null;
  const doc = (auid: string, name = 'index', xui: string = ALICE) => `${peer().rootUrl}/${auid}/users/${xui}/${name}`;
  const node = (auid: string, name: string, selector: string, query = '') => `${doc(auid, name)}/~~/${selector}${query}`;

  beforeAll(async () => {
    alice = digestClient(USERS.alice.username, USERS.alice.password);
    const first = await alice.send(plan('GET', `${peer().rootUrl}/xcap-caps/global/index`));
    server = serverHeader(first);
  });

  it('identifies itself as Kamailio 5.6 (the quirks are looked up by this Server header)', () => {
    expect(server).toMatch(/^kamailio \(5\.6\.\d+ /);
    expect(findQuirks(server).length).toBeGreaterThan(0);
  });

  describe('whole documents, for each AUID Kamailio serves', () => {
    for (const { auid, text } of DOCUMENTS) {
      it(`${auid}: PUT creates, GET returns the bytes, PUT replaces, DELETE removes`, async () => {
        const uri = doc(auid, 'doc-test');
        await checkStep(alice, { method: 'PUT', uri, body: text });
        const read = await checkStep(alice, { method: 'GET', uri });
        expect(read.response.text()).toBe(text);
        expect(read.response.etag).not.toBeNull();
        await checkStep(alice, { method: 'PUT', uri, body: text.replace(/\n$/, '\n<!-- replaced -->\n') });
        await checkStep(alice, { method: 'DELETE', uri });
        await checkStep(alice, { method: 'GET', uri });
      });
    }

    it('DELETE of a document that does not exist', async () => {
      await checkStep(alice, { method: 'DELETE', uri: doc('resource-lists', 'never-there') });
    });

    it('PUT of malformed XML, then of a schema-invalid document', async () => {
      const uri = doc('resource-lists', 'bad');
      await checkStep(alice, { method: 'PUT', uri, body: '<resource-lists><list>' });
      await checkStep(alice, { method: 'PUT', uri, body: '<foo xmlns="urn:bogus"/>' });
      await checkStep(alice, { method: 'DELETE', uri });
    });
  });

  describe('elements and attributes by node selector (resource-lists)', () => {
    const name = 'nodes';
    const at = (selector: string, query = '') => node('resource-lists', name, selector, query);
    const friends = 'resource-lists/list[@name="friends"]';
    beforeAll(async () => {
      await checkStep(alice, { method: 'PUT', uri: doc('resource-lists', name), body: LIST });
    });

    it('GET of an element, a positional path, an attribute; GET of a missing element', async () => {
      const element = await checkStep(alice, { method: 'GET', uri: at(`${friends}/entry[@uri="sip:bob@example.com"]`) });
      expect(element.response.text()).toBe('<entry uri="sip:bob@example.com">\n      <display-name>Bob</display-name>\n    </entry>');
      await checkStep(alice, { method: 'GET', uri: at('resource-lists/list[1]/entry[1]/display-name') });
      const attribute = await checkStep(alice, { method: 'GET', uri: at(`${friends}/@name`) });
      expect(attribute.response.text()).toBe('friends');
      await checkStep(alice, { method: 'GET', uri: at(`${friends}/entry[@uri="sip:nobody@example.com"]`) });
    });

    it('PUT of a new element (insert), then of an existing one (replace)', async () => {
      await checkStep(alice, { method: 'PUT', uri: at(`${friends}/entry[@uri="sip:dave@example.com"]`), body: '<entry uri="sip:dave@example.com"/>' });
      await checkStep(alice, { method: 'PUT', uri: at(`${friends}/entry[@uri="sip:bob@example.com"]`), body: '<entry uri="sip:bob@example.com"><display-name>Bobby</display-name></entry>' });
      await checkStep(alice, { method: 'PUT', uri: at('resource-lists/list[@name="empty"]/entry[@uri="sip:erin@example.com"]'), body: '<entry uri="sip:erin@example.com"/>' });
    });

    it('DELETE of an element, then of the same (now missing) element', async () => {
      await checkStep(alice, { method: 'DELETE', uri: at(`${friends}/entry[@uri="sip:carol@example.com"]`) });
      await checkStep(alice, { method: 'DELETE', uri: at(`${friends}/entry[@uri="sip:carol@example.com"]`) });
    });

    it('PUT of an attribute value; DELETE of an attribute', async () => {
      await checkStep(alice, { method: 'PUT', uri: at('resource-lists/list[2]/@name'), body: 'renamed' });
      // A selector whose predicate the new value would break is cannot-insert (409) per RFC 4825.
      await checkStep(alice, { method: 'PUT', uri: at(`${friends}/entry[@uri="sip:dave@example.com"]/@uri`), body: 'sip:david@example.com' });
      await checkStep(alice, { method: 'DELETE', uri: at('resource-lists/list[@name="empty"]/@name') });
    });

    it('namespace bindings in the query (?xmlns()) and prefixed selectors', async () => {
      await checkStep(alice, { method: 'GET', uri: at(`${friends}/@name`, '?xmlns(rl=urn:ietf:params:xml:ns:resource-lists)') });
      await checkStep(alice, { method: 'GET', uri: at('rl:resource-lists/rl:list[1]', '?xmlns(rl=urn:ietf:params:xml:ns:resource-lists)') });
    });

    it('the client decodes element and attribute GETs answered with the document MIME type', async () => {
      const element = await alice.send(plan('GET', at(`${friends}/entry[@uri="sip:dave@example.com"]`)));
      expect(element.contentType).toBe('application/resource-lists+xml');
      expect(element.content()).toMatchObject({ kind: 'element', xml: '<entry uri="sip:dave@example.com"/>', mediaTypeMismatch: true });
      const attribute = await alice.send(plan('GET', at(`${friends}/entry[1]/@uri`)));
      expect(attribute.content()).toMatchObject({ kind: 'attribute', value: 'sip:dave@example.com', mediaTypeMismatch: true });
    });
  });

  describe('TS 24.141 A.8.2–A.8.4 in RFC 4825 form', () => {
    it('A.8.2 resource list: create, add user3, delete user2, read back', async () => {
      const entry = (uri: string) => node('resource-lists', 'pf.xml', `resource-lists/list[@name="Presence_fellows"]/entry[@uri="${uri}"]`);
      await checkStep(alice, { method: 'PUT', uri: doc('resource-lists', 'pf.xml'), body: A82_CREATED_LIST });
      await checkStep(alice, { method: 'PUT', uri: entry('sip:user3_public1@home3.net'), body: '<entry uri="sip:user3_public1@home3.net">\n      <display-name>User3</display-name>\n    </entry>' });
      await checkStep(alice, { method: 'DELETE', uri: entry('sip:user2_public1@home2.net') });
      const read = await checkStep(alice, { method: 'GET', uri: doc('resource-lists', 'pf.xml') });
      expect(read.response.text()).toContain('<entry uri="sip:user3_public1@home3.net">');
      expect(read.response.text()).not.toContain('user2_public1');
    });

    it('A.8.3 presence authorization policy: create, add a rule, delete a rule, read back', async () => {
      const rule = (id: string) => node('pres-rules', 'ps.xml', `cp:ruleset/cp:rule[@id="${id}"]`, `?xmlns(cp=${CP})`);
      await checkStep(alice, { method: 'PUT', uri: doc('pres-rules', 'ps.xml'), body: A83_CREATED_POLICY });
      await checkStep(alice, { method: 'PUT', uri: rule('dsffdsfrrr32423'), body: A83_SECOND_RULE });
      await checkStep(alice, { method: 'DELETE', uri: rule('dsafa43232') });
      await checkStep(alice, { method: 'GET', uri: doc('pres-rules', 'ps.xml') });
    });

    it('A.8.4 hard-state presence referring to a MIME object', async () => {
      const icon = `${peer().rootUrl}/mime/users/${ALICE}/pictureX.jpg`;
      await checkMimeStep(alice, { method: 'PUT', uri: icon, body: 'JPEG-ish bytes', contentType: 'image/jpeg' }, { status: 201, contentType: null, body: null, xcapError: null, document: null });
      const pidf = `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf"
    xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
    xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
    entity="${ALICE}">
  <tuple id="a123sd">
    <status>
      <basic>open</basic>
    </status>
    <contact>${ALICE}</contact>
  </tuple>
  <dm:person id="p432sd">
    <rpid:activities><rpid:on-the-phone/></rpid:activities>
    <rpid:status-icon>${icon}</rpid:status-icon>
    <dm:note xml:lang="en">At home</dm:note>
  </dm:person>
</presence>
`;
      await checkStep(alice, { method: 'PUT', uri: doc('pidf-manipulation', 'index'), body: pidf });
      await checkStep(alice, { method: 'GET', uri: node('pidf-manipulation', 'index', 'presence/dm:person/rpid:status-icon', '?xmlns(dm=urn:ietf:params:xml:ns:pidf:data-model)xmlns(rpid=urn:ietf:params:xml:ns:pidf:rpid)') });
      await checkStep(alice, { method: 'GET', uri: node('pidf-manipulation', 'index', 'presence/tuple[@id="a123sd"]/status/basic') });
    });
  });

  describe('conditional requests', () => {
    const uri = () => doc('resource-lists', 'conditional');
    const entry = () => node('resource-lists', 'conditional', 'resource-lists/list[@name="friends"]/entry[@uri="sip:frank@example.com"]');

    it('GET with If-None-Match: the current ETag → 304; a stale one → 200', async () => {
      await checkStep(alice, { method: 'PUT', uri: uri(), body: LIST });
      const current = (await fetchDocument(alice, parseXcapUriLenient(uri())))?.etag ?? '';
      await checkStep(alice, { method: 'GET', uri: uri(), headers: { 'If-None-Match': `"${current}"` } });
      await checkStep(alice, { method: 'GET', uri: uri(), headers: { 'If-None-Match': '"stale"' } });
    });

    it('PUT and DELETE with a stale If-Match → 412 (the client fetches the current version); the current one → done', async () => {
      const stale = await checkStep(alice, { method: 'PUT', uri: uri(), body: LIST, headers: { 'If-Match': '"stale"' } });
      expect(stale.response.status).toBe(412);
      expect(stale.response.conflict?.etag).toBe(stale.before?.etag);
      await checkStep(alice, { method: 'DELETE', uri: entry(), headers: { 'If-Match': '"stale"' } });
      const current = (await fetchDocument(alice, parseXcapUriLenient(uri())))?.etag ?? '';
      await checkStep(alice, { method: 'PUT', uri: entry(), body: '<entry uri="sip:frank@example.com"/>', headers: { 'If-Match': `"${current}"` } });
    });

    it('If-Match: * and If-None-Match: * as RFC 9110 sends them', async () => {
      await checkStep(alice, { method: 'PUT', uri: uri(), body: LIST, headers: { 'If-Match': '*' } });
      await checkStep(alice, { method: 'PUT', uri: uri(), body: LIST, headers: { 'If-None-Match': '*' } });
    });

    it('a create-only PUT from the client does not overwrite an existing document (the client quotes "*" for Kamailio)', async () => {
      const planned = alice.plan('PUT', parseXcapUriLenient(uri()), LIST, { createOnly: true });
      expect(planned.headers['If-None-Match']).toBe('"*"');
      const response = await alice.send(planned);
      expect(response.status).toBe(412);
    });
  });

  describe('authentication and authorisation', () => {
    it('a wrong password is refused (401 → the client reports an authentication failure)', async () => {
      const mallory = digestClient(USERS.alice.username, 'wrong');
      const failure = await mallory.send(plan('GET', doc('resource-lists', 'conditional'))).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(XcapClientError);
      expect((failure as XcapClientError).code).toBe('auth');
    });

    it("another user's documents: 403 for GET, PUT and DELETE, nothing changes", async () => {
      const bob = digestClient(USERS.bob.username, USERS.bob.password);
      const target = doc('resource-lists', 'conditional');
      const before = await fetchDocument(alice, parseXcapUriLenient(target));
      expect((await bob.send(plan('GET', target))).status).toBe(403);
      expect((await bob.send(plan('PUT', target, LIST))).status).toBe(403);
      expect((await bob.send(plan('DELETE', target))).status).toBe(403);
      expect(await fetchDocument(alice, parseXcapUriLenient(target))).toEqual(before);
    });
  });

  describe('OMA xcap-directory and xcap-caps', () => {
    it("lists the user's documents with their ETags", async () => {
      const documents = [doc('resource-lists', 'conditional'), doc('resource-lists', 'pf.xml'), doc('pres-rules', 'ps.xml')];
      const response = await alice.send(plan('GET', `${peer().rootUrl}/org.openmobilealliance.xcap-directory/users/${ALICE}/directory.xml`));
      expect(response.status).toBe(200);
      expect(response.contentType).toBe('application/vnd.oma.xcap-directory+xml');
      const content = response.content();
      expect(content.kind).toBe('document');
      const listing = response.text();
      for (const url of documents) {
        const etag = (await fetchDocument(alice, parseXcapUriLenient(url)))?.etag;
        expect(listing).toContain(`<entry uri="${url}" etag="${etag}"/>`);
      }
      expect(listing).toMatch(/<folder auid="resource-lists">/);
    });

    it('xcap-caps (served by the peer configuration: the module answers 501)', async () => {
      const response = await alice.send(plan('GET', `${peer().rootUrl}/xcap-caps/global/index`));
      expect([response.status, response.contentType]).toEqual([200, 'application/xcap-caps+xml']);
    });
  });

  it('every registered quirk of this server was observed in this run (the registry holds only evidenced quirks)', () => {
    const registered = findQuirks(server).map((q) => q.id);
    expect(registered.filter((id) => !observedQuirks.has(id))).toEqual([]);
  });
});
