/** The client's lost-update protection against a real sandbox: remembered ETags, 412 as a conflict with the server's version. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXcapUri } from '../../shared/xcap/uri';
import { startSandboxServer, type SandboxServer } from '../sandbox/sandbox-server';
import { Secret } from '../secrets/secret';
import { DigestAuthenticator } from './auth';
import { createTransport } from './transport/transport';
import { XcapClient } from './xcap-client';

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ dataDirectory: mkdtempSync(join(tmpdir(), 'xcap-client-')), demo: true });
});
afterAll(() => server.close());

const aliceClient = () => new XcapClient({ dispatcher: createTransport(), authenticator: new DigestAuthenticator({ username: 'alice@example.com', password: new Secret('alice') }) });

describe('XcapClient and ETags', () => {
  it('a write of a document read earlier carries If-Match; a change by another client in between gives a 412 conflict with the current version', async () => {
    const documentUri = parseXcapUri(`${server.rootUrl}/resource-lists/users/sip:alice@example.com/index`);
    const entry = (uri: string) => parseXcapUri(`${server.rootUrl}/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22Presence_fellows%22%5D/entry%5B@uri=%22${uri}%22%5D`);
    const mine = aliceClient();
    const other = aliceClient();
    const read = await mine.send(mine.plan('GET', documentUri));
    expect(read.status).toBe(200);
    const planned = mine.plan('PUT', entry('sip:carol@example.com'), '<entry uri="sip:carol@example.com"/>');
    expect(planned.headers['If-Match']).toBe(`"${read.etag}"`);

    const theirs = await other.send(other.plan('PUT', entry('sip:dave@example.com'), '<entry uri="sip:dave@example.com"/>'));
    expect(theirs.status).toBe(201);

    const conflict = await mine.send(planned);
    expect(conflict.status).toBe(412);
    expect(conflict.conflict?.etag).toBe(theirs.etag);
    expect(new TextDecoder().decode(conflict.conflict?.body)).toContain('sip:dave@example.com');
    // Nothing was overwritten, and the next plan uses what the conflict fetched.
    const retry = await mine.send(mine.plan('PUT', entry('sip:carol@example.com'), '<entry uri="sip:carol@example.com"/>'));
    expect(retry.status).toBe(201);
  });
});
