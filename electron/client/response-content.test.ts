/** The client reads node answers from a server that labels them with the document type (Kamailio 5.6), imitated by node:http. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseXcapUriLenient } from '../../shared/xcap/uri';
import { NoAuthenticator } from './auth';
import { readXcapContent } from './response-content';
import { createTransport } from './transport/transport';
import { XcapClient } from './xcap-client';

const KAMAILIO = 'kamailio (5.6.3 (x86_64/linux))';
let server: Server;
let root: string;
const seen: { method: string; url: string; ifNoneMatch: string | undefined }[] = [];

beforeAll(async () => {
  // What Kamailio's xcap_server answers: node GETs in the document's type, no 201, empty 500s.
  server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', ifNoneMatch: request.headers['if-none-match'] });
    request.resume();
    response.setHeader('Server', KAMAILIO);
    const url = request.url ?? '';
    if (request.method === 'GET' && url.endsWith('/@name')) return void response.writeHead(200, { 'Content-Type': 'application/resource-lists+xml', ETag: '"sr-1"' }).end('a&lt;b &amp; c');
    if (request.method === 'GET' && url.includes('/~~/')) return void response.writeHead(200, { 'Content-Type': 'application/resource-lists+xml', ETag: '"sr-1"' }).end('<entry uri="sip:bob@example.com"/>');
    if (request.method === 'PUT' && request.headers['if-none-match'] === '"*"') return void response.writeHead(412).end();
    if (request.method === 'PUT') return void response.writeHead(200, { ETag: '"sr-2"' }).end();
    response.writeHead(500).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xcap-root`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const client = () => new XcapClient({ dispatcher: createTransport(), authenticator: new NoAuthenticator() });
const uri = (selector = '') => parseXcapUriLenient(`${root}/resource-lists/users/sip:alice@example.com/index${selector}`);

describe('node answers labelled with the document type', () => {
  it('an element GET answered as application/resource-lists+xml still reads as the element', async () => {
    const c = client();
    const response = await c.send(c.plan('GET', uri('/~~/resource-lists/list[@name="friends"]/entry[1]')));
    expect(response.content()).toEqual({ kind: 'element', xml: '<entry uri="sip:bob@example.com"/>', mediaTypeMismatch: true });
  });

  it('an attribute GET answered as application/resource-lists+xml reads as the value, references resolved', async () => {
    const c = client();
    const response = await c.send(c.plan('GET', uri('/~~/resource-lists/list[1]/@name')));
    expect(response.content()).toEqual({ kind: 'attribute', value: 'a<b & c', raw: 'a&lt;b &amp; c', mediaTypeMismatch: true });
  });

  it('the RFC types read without a mismatch; a foreign type is not taken for the node; an empty 500 is empty', () => {
    const bytes = new TextEncoder().encode('<entry/>');
    const url = `${root}/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B1%5D/entry%5B1%5D`;
    expect(readXcapContent('element', url, 200, 'application/xcap-el+xml; charset=utf-8', bytes)).toEqual({ kind: 'element', xml: '<entry/>', mediaTypeMismatch: false });
    expect(readXcapContent('element', url, 200, 'image/png', bytes)).toEqual({ kind: 'other', mediaType: 'image/png', text: '<entry/>' });
    expect(readXcapContent('element', url, 500, null, new Uint8Array())).toEqual({ kind: 'empty' });
    expect(readXcapContent('document', url, 403, 'text/plain', new TextEncoder().encode('no'))).toEqual({ kind: 'other', mediaType: 'text/plain', text: 'no' });
  });
});

describe('create-only PUT on a server that ignores If-None-Match: *', () => {
  it('plans the RFC form before the server is known, and the form it honours once its Server header was seen', async () => {
    const c = client();
    expect(c.plan('PUT', uri(), '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>', { createOnly: true }).headers['If-None-Match']).toBe('*');
    await c.send(c.plan('GET', uri('/~~/resource-lists/list[1]/@name')));
    expect(c.quirksOf(root).map((q) => q.id)).toContain('kamailio-if-none-match-star-ignored');
    const planned = c.plan('PUT', uri(), '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>', { createOnly: true });
    expect(planned.headers['If-None-Match']).toBe('"*"');
    const response = await c.send(planned);
    expect(response.status).toBe(412);
    expect(seen.at(-2)).toMatchObject({ method: 'PUT', ifNoneMatch: '"*"' });
  });
});
