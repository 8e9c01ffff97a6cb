/**
 * The sandbox validates an element replacement alone only in a document it validated when it wrote
 * it (XcapEditRequest.documentValid). A document that reached the data directory another way (an
 * older version, a hand-copied file) is validated whole on its next write: an edit that leaves it
 * invalid is refused, and a write that makes it valid is vouched for from then on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { User } from '../../electron/sandbox/auth';
import { startSandboxServer, type SandboxServer } from '../../electron/sandbox/sandbox-server';
import { DocumentStore, formatStoreKey } from '../../electron/sandbox/store';
import { Endpoint, DigestSession } from './test-support/http';
import { ALICE, xcapUri } from './test-support/sandbox';

const EL = 'application/xcap-el+xml';
// The first entry lacks the uri that entryType requires: not valid, though well-formed.
const invalidElsewhere = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends">
    <entry/>
    <entry uri="sip:bob@example.com"/>
  </list>
</resource-lists>
`;

let directory = '';
let server: SandboxServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe('documents the sandbox did not write itself', () => {
  it('are validated whole on their next write', async () => {
    directory = await mkdtemp(join(tmpdir(), 'xcap-unvouched-'));
    const store = await DocumentStore.open(directory);
    await store.write(formatStoreKey({ namespace: 'xcap', auid: 'resource-lists', scope: { kind: 'users', xui: ALICE.xui }, documentPath: ['index'] }), new TextEncoder().encode(invalidElsewhere));
    await store.close();
    server = await startSandboxServer({ dataDirectory: directory, host: '127.0.0.1', port: 0, users: [new User(ALICE.xui, ALICE.password)] });
    const alice = new DigestSession(new Endpoint(server.rootUrl), ALICE.username, ALICE.password);
    const address = { auid: 'resource-lists', xui: ALICE.xui };
    const bob = xcapUri(server.rootUrl, address, 'resource-lists/list/entry[@uri="sip:bob@example.com"]');

    // A valid replacement of Bob's entry still leaves the first entry invalid: refused.
    const refused = await alice.put(bob, '<entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry>', EL);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('<schema-validation-error');
    expect(refused.text).toContain('uri');

    // Mending the first entry makes the document valid (validated whole, and now vouched for) …
    const mended = await alice.put(xcapUri(server.rootUrl, address, 'resource-lists/list/entry[1]'), '<entry uri="sip:carol@example.com"/>', EL);
    expect(mended.status).toBe(200);
    // … so Bob's entry can be replaced now, and an invalid replacement is still refused.
    expect((await alice.put(bob, '<entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry>', EL)).status).toBe(200);
    const invalid = await alice.put(bob, '<entry uri="sip:bob@example.com">text</entry>', EL);
    expect(invalid.status).toBe(409);
    expect(invalid.text).toContain('<schema-validation-error');
    const stored = await alice.get(xcapUri(server.rootUrl, address));
    expect(stored.text).toContain('<entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry>');
  });
});
