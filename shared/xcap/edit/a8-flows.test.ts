/**
 * 3GPP TS 24.141 annex A.8.2–A.8.4 example flows, in their RFC 4825 form: the URIs carry the node
 * selector after "~~", bodies use the RFC media types and the RFC 4826/5025/3863 vocabularies
 * (list@name, entry@uri, common-policy rules instead of the draft's permission-statements).
 */
import { describe, expect, it } from 'vitest';
import { A82_CREATED_LIST, A83_CREATED_POLICY, A83_SECOND_RULE } from '../examples/ts24141-a8';
import { DocumentSession } from './test-support';

const EL = 'application/xcap-el+xml';
const CP = { cp: 'urn:ietf:params:xml:ns:common-policy', pr: 'urn:ietf:params:xml:ns:pres-rules' };

describe('A.8.2 resource list: create, add entry, delete entry, read back', () => {
  const created = A82_CREATED_LIST;
  const session = new DocumentSession(null, 'resource-lists');

  it('1-2: PUT of the new document answers 201 Created', () => {
    const result = session.do('PUT', null, { body: created, contentType: 'application/resource-lists+xml' });
    expect(result.status).toBe(201);
    expect(result.document).toBe(created);
  });

  it('3-4: PUT of a new entry answers 201 and inserts it after the existing entry, indented like it', () => {
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<entry uri="sip:user3_public1@home3.net">
      <display-name>User3</display-name>
    </entry>`;
    const result = session.do('PUT', 'resource-lists/list[@name="Presence_fellows"]/entry[@uri="sip:user3_public1@home3.net"]', { body, contentType: EL });
    expect(result.status).toBe(201);
    expect(result.document).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="Presence_fellows">
    <entry uri="sip:user2_public1@home2.net">
      <display-name>User2</display-name>
    </entry>
    <entry uri="sip:user3_public1@home3.net">
      <display-name>User3</display-name>
    </entry>
  </list>
</resource-lists>
`);
  });

  it('5-6: DELETE of the entry user2 answers 200 and removes its line', () => {
    const result = session.do('DELETE', 'resource-lists/list[@name="Presence_fellows"]/entry[@uri="sip:user2_public1@home2.net"]');
    expect(result.status).toBe(200);
  });

  it('7-8: GET returns the list with user3 only (table A.8.2-8)', () => {
    const result = session.do('GET', null);
    expect(result.status).toBe(200);
    expect(result.contentType).toBe('application/resource-lists+xml');
    expect(result.body).toBe(`<?xml version="1.0" encoding="UTF-8"?>
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

describe('A.8.3 presence authorization policy: create, add rule, delete rule, read back', () => {
  const created = A83_CREATED_POLICY;
  const secondRule = A83_SECOND_RULE;
  const session = new DocumentSession(null, 'pres-rules');

  it('1-2: PUT of the policy answers 201', () => {
    expect(session.do('PUT', null, { body: created, contentType: 'application/auth-policy+xml' }).status).toBe(201);
  });

  it('unprefixed names are in the pres-rules default namespace, so common-policy steps need a bound prefix', () => {
    expect(session.do('GET', 'ruleset/rule[@id="dsafa43232"]').status).toBe(404);
    const found = session.do('GET', 'cp:ruleset/cp:rule[@id="dsafa43232"]/@id', { namespaces: CP });
    expect([found.status, found.body, found.contentType]).toEqual([200, 'dsafa43232', 'application/xcap-att+xml']);
  });

  it('3-4: PUT of a second rule answers 201; the body uses the document\'s prefixes', () => {
    const result = session.do('PUT', 'cp:ruleset/cp:rule[@id="dsffdsfrrr32423"]', { body: secondRule, namespaces: CP, contentType: EL });
    expect(result.error).toBeNull();
    expect(result.status).toBe(201);
  });

  it('5-6: DELETE of the first rule answers 200', () => {
    expect(session.do('DELETE', 'cp:ruleset/cp:rule[@id="dsafa43232"]', { namespaces: CP }).status).toBe(200);
  });

  it('7-8: GET returns the policy with the second rule only', () => {
    const result = session.do('GET', null);
    expect(result.body).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<cp:ruleset xmlns="urn:ietf:params:xml:ns:pres-rules" xmlns:pr="urn:ietf:params:xml:ns:pres-rules" xmlns:cp="urn:ietf:params:xml:ns:common-policy">
  ${secondRule}
</cp:ruleset>
`);
  });
});

describe('A.8.4 hard-state presence referring to a stored MIME object', () => {
  const iconUri = 'http://xcap.example.com/xcap-root/mime/users/sip:bill@example.com/pictureX.jpg';
  const pidf = `<?xml version="1.0" encoding="UTF-8"?>
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
    <rpid:status-icon>${iconUri}</rpid:status-icon>
    <dm:note xml:lang="en">At home</dm:note>
  </dm:person>
</presence>
`;
  const session = new DocumentSession(null, 'pidf-manipulation');

  it('3-4: PUT of the PIDF document answers 201', () => {
    const result = session.do('PUT', null, { body: pidf, contentType: 'application/pidf+xml' });
    expect(result.error).toBeNull();
    expect(result.status).toBe(201);
  });

  it('the status icon element reads back with the MIME object URI', () => {
    const result = session.do('GET', 'presence/dm:person/rpid:status-icon', {
      namespaces: { dm: 'urn:ietf:params:xml:ns:pidf:data-model', rpid: 'urn:ietf:params:xml:ns:pidf:rpid' },
    });
    expect(result.status).toBe(200);
    expect(result.body).toBe(`<rpid:status-icon>${iconUri}</rpid:status-icon>`);
  });

  it('a status icon that is not an HTTP URI is a constraint failure', () => {
    const result = session.do('PUT', 'presence/dm:person/rpid:status-icon', {
      namespaces: { dm: 'urn:ietf:params:xml:ns:pidf:data-model', rpid: 'urn:ietf:params:xml:ns:pidf:rpid' },
      body: '<rpid:status-icon>file:///etc/passwd</rpid:status-icon>',
    });
    expect([result.status, result.xcapError]).toEqual([409, 'constraint-failure']);
    expect(session.document).toBe(pidf);
  });
});
