/**
 * ETags and conditional requests (RFC 4825 §7.11, RFC 9110 §13): one ETag per document, shared by
 * its nodes; a new one after every write; If-Match / If-None-Match so that a client never overwrites
 * another client's change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DigestSession, etagOf } from './test-support/http';
import { ALICE, startTestSandbox, xcapUri, type TestSandbox } from './test-support/sandbox';

const EL = 'application/xcap-el+xml';
const RL = 'application/resource-lists+xml';
const listDocument = (entries: string) => `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends">
${entries}  </list>
</resource-lists>
`;
const bobEntry = '    <entry uri="sip:bob@example.com"/>\n';

let sandbox: TestSandbox;
let alice: DigestSession;
/** A second client of the same user (another device), with its own Digest session. */
let aliceTablet: DigestSession;
const at = (name: string, selector: string | null = null) => xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: ALICE.xui, name }, selector);

beforeAll(async () => {
  sandbox = await startTestSandbox();
  alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
  aliceTablet = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password, 'MD5');
});
afterAll(() => sandbox.close());

describe('ETags', () => {
  it('every document and node GET carries the document ETag, the same for all of them', async () => {
    const created = await alice.put(at('etags'), listDocument(bobEntry), RL);
    const etag = etagOf(created);
    const reads = await Promise.all([
      alice.get(at('etags')),
      alice.get(at('etags', 'resource-lists/list[@name="friends"]')),
      alice.get(at('etags', 'resource-lists/list[@name="friends"]/entry[1]')),
      alice.get(at('etags', 'resource-lists/list[1]/@name')),
      alice.get(at('etags', 'resource-lists/list[1]/namespace::*')),
    ]);
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(reads.map((r) => r.headers.etag)).toEqual([etag, etag, etag, etag, etag]);
  });

  it('changes after every write, document and node alike, and the write answers the new one', async () => {
    let etag = etagOf(await alice.put(at('writes'), listDocument(''), RL));
    const seen = new Set([etag]);
    const writes = [
      () => alice.put(at('writes'), listDocument(bobEntry), RL),
      () => alice.put(at('writes', 'resource-lists/list[1]/entry[@uri="sip:carol@example.com"]'), '<entry uri="sip:carol@example.com"/>', EL),
      () => alice.put(at('writes', 'resource-lists/list[1]/entry[@uri="sip:carol@example.com"]'), '<entry uri="sip:carol@example.com"><display-name>Carol</display-name></entry>', EL),
      () => alice.put(at('writes', 'resource-lists/list[1]/@name'), 'buddies', 'application/xcap-att+xml'),
      () => alice.delete(at('writes', 'resource-lists/list[1]/entry[@uri="sip:bob@example.com"]')),
    ];
    for (const write of writes) {
      const response = await write();
      expect(response.status).toBeLessThan(300);
      const next = etagOf(response);
      expect(seen.has(next), `ETag ${next} reused`).toBe(false);
      seen.add(next);
      expect((await alice.get(at('writes'))).headers.etag).toBe(next);
      etag = next;
    }
    expect((await alice.get(at('writes', 'resource-lists/list[@name="buddies"]/entry[1]'))).headers.etag).toBe(etag);
  });

  it('a refused write keeps the ETag', async () => {
    const etag = etagOf(await alice.put(at('refused'), listDocument(bobEntry), RL));
    expect((await alice.put(at('refused', 'resource-lists/list[1]/entry[9]'), '<entry uri="sip:x@example.com"/>', EL)).status).toBe(409);
    expect((await alice.get(at('refused'))).headers.etag).toBe(etag);
  });
});

describe('If-Match', () => {
  it('with the current ETag the write succeeds (document PUT, element PUT, DELETE)', async () => {
    let etag = etagOf(await alice.put(at('if-match'), listDocument(bobEntry), RL));
    const replaced = await alice.put(at('if-match'), listDocument(''), RL, { 'If-Match': etag });
    expect(replaced.status).toBe(200);
    etag = etagOf(replaced);
    const inserted = await alice.put(at('if-match', 'resource-lists/list[1]/entry[@uri="sip:dan@example.com"]'), '<entry uri="sip:dan@example.com"/>', EL, { 'If-Match': etag });
    expect(inserted.status).toBe(201);
    etag = etagOf(inserted);
    const deleted = await alice.delete(at('if-match', 'resource-lists/list[1]/entry[@uri="sip:dan@example.com"]'), { 'If-Match': etag });
    expect(deleted.status).toBe(200);
    expect((await alice.get(at('if-match'))).text).toBe(listDocument(''));
  });

  it('with a stale ETag answers 412 and never overwrites the other client\'s change', async () => {
    const read = etagOf(await alice.put(at('lost-update'), listDocument(bobEntry), RL));
    // The tablet changes the document in between.
    const tablet = await aliceTablet.put(at('lost-update', 'resource-lists/list[1]/entry[@uri="sip:eve@example.com"]'), '<entry uri="sip:eve@example.com"/>', EL, { 'If-Match': read });
    expect(tablet.status).toBe(201);
    const current = etagOf(tablet);
    const afterTablet = (await alice.get(at('lost-update'))).text;
    expect(afterTablet).toBe(listDocument(bobEntry + '    <entry uri="sip:eve@example.com"/>\n'));

    const conditions = [
      () => alice.put(at('lost-update'), listDocument(''), RL, { 'If-Match': read }),
      () => alice.put(at('lost-update', 'resource-lists/list[1]/entry[@uri="sip:bob@example.com"]'), '<entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry>', EL, { 'If-Match': read }),
      () => alice.delete(at('lost-update', 'resource-lists/list[1]/entry[@uri="sip:eve@example.com"]'), { 'If-Match': read }),
      () => alice.delete(at('lost-update'), { 'If-Match': read }),
    ];
    for (const attempt of conditions) {
      const response = await attempt();
      expect(response.status).toBe(412);
      expect(response.headers.etag).toBe(current);
      const after = await alice.get(at('lost-update'));
      expect([after.text, after.headers.etag]).toEqual([afterTablet, current]);
    }
  });

  it('If-Match on a document that does not exist answers 412 and creates nothing', async () => {
    expect((await alice.put(at('absent'), listDocument(''), RL, { 'If-Match': '"whatever"' })).status).toBe(412);
    expect((await alice.get(at('absent'))).status).toBe(404);
  });
});

describe('If-None-Match', () => {
  it('* on create answers 201; * on an existing document answers 412 and changes nothing', async () => {
    const created = await alice.put(at('create-only'), listDocument(bobEntry), RL, { 'If-None-Match': '*' });
    expect(created.status).toBe(201);
    const etag = etagOf(created);
    const again = await aliceTablet.put(at('create-only'), listDocument(''), RL, { 'If-None-Match': '*' });
    expect(again.status).toBe(412);
    const read = await alice.get(at('create-only'));
    expect([read.text, read.headers.etag]).toEqual([listDocument(bobEntry), etag]);
  });

  it('* on an element PUT creates only: 201 when the element is new, 412 when it exists', async () => {
    const etag = etagOf(await alice.put(at('element-create'), listDocument(bobEntry), RL));
    const fresh = at('element-create', 'resource-lists/list[1]/entry[@uri="sip:fay@example.com"]');
    const created = await alice.put(fresh, '<entry uri="sip:fay@example.com"/>', EL, { 'If-None-Match': '*' });
    expect(created.status).toBe(201);
    const after = etagOf(created);
    expect(after).not.toBe(etag);
    const again = await alice.put(fresh, '<entry uri="sip:fay@example.com"><display-name>Fay</display-name></entry>', EL, { 'If-None-Match': '*' });
    expect([again.status, again.headers.etag]).toEqual([412, after]);
    expect((await alice.get(fresh)).text).toBe('<entry uri="sip:fay@example.com"/>');
  });

  it('If-Match: * asks that the element exist: 412 for an insertion, success for a replacement', async () => {
    etagOf(await alice.put(at('element-match-any'), listDocument(bobEntry), RL));
    const absent = at('element-match-any', 'resource-lists/list[1]/entry[@uri="sip:gil@example.com"]');
    expect((await alice.put(absent, '<entry uri="sip:gil@example.com"/>', EL, { 'If-Match': '*' })).status).toBe(412);
    expect((await alice.get(absent)).status).toBe(404);
    const present = at('element-match-any', 'resource-lists/list[1]/entry[@uri="sip:bob@example.com"]');
    expect((await alice.put(present, '<entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry>', EL, { 'If-Match': '*' })).status).toBe(200);
  });

  it('with the current ETag on GET answers 304 without a body, for the document and for a node', async () => {
    const etag = etagOf(await alice.put(at('cache'), listDocument(bobEntry), RL));
    for (const uri of [at('cache'), at('cache', 'resource-lists/list[1]/entry[1]')]) {
      const response = await alice.get(uri, { 'If-None-Match': etag });
      expect([response.status, response.headers.etag, response.text]).toEqual([304, etag, '']);
    }
    const stale = await alice.get(at('cache'), { 'If-None-Match': '"not-it"' });
    expect([stale.status, stale.text]).toEqual([200, listDocument(bobEntry)]);
  });
});
