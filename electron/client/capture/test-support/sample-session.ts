/**
 * A recorded session with a bit of everything the exports must handle: Digest 401 and retry,
 * Basic, cookies both ways, Authentication-Info, a 409 xcap-error, a binary MIME object, a query
 * string, a body over the cap, and a refused connection. Secrets are distinctive strings so the
 * tests can look for them in every export.
 */
import { createHash } from 'node:crypto';
import { Agent } from 'undici';
import type { Exchange } from '../exchange';
import { TrafficRecorder } from '../recorder';
import { closedPort, startHttpServer } from './servers';
import { send } from './send';

export const USERNAME = 'alice@example.com';
export const PASSWORD = "pa$$'wörd`-7f3a9";
export const COOKIE_SECRET = 'sess-41b8d0c2e7';
export const RSPAUTH = '6629fae49393a05397450978507c4ef1';
export const BASIC = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`;
export const DOCUMENT_PATH = '/xcap-root/resource-lists/users/sip:alice@example.com/index';
export const SELECTOR_PATH = `${DOCUMENT_PATH}/~~/resource-lists/list%5B@name=%22x%22%5D/entry`;
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x01]);
export const NO_PARENT = '<?xml version="1.0" encoding="UTF-8"?>\n<xcap-error xmlns="urn:ietf:params:xml:ns:xcap-error"><no-parent phrase="no list x"><ancestor>http://h/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists</ancestor></no-parent></xcap-error>\n';
const NONCE = 'bm9uY2UtMQ';

export function digestAuthorization(method: string, uri: string): { header: string; response: string } {
  const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
  const response = md5(`${md5(`${USERNAME}:test:${PASSWORD}`)}:${NONCE}:00000001:c0ffee:auth:${md5(`${method}:${uri}`)}`);
  return { header: `Digest username="${USERNAME}", realm="test", nonce="${NONCE}", uri="${uri}", response="${response}", algorithm=MD5, qop=auth, nc=00000001, cnonce="c0ffee"`, response };
}

export interface SampleSession {
  /** Raw (unredacted) exchanges. */
  readonly exchanges: Exchange[];
  /** What the recorder's events delivered. */
  readonly events: Exchange[];
  readonly recorder: TrafficRecorder;
  /** Every secret value that went over the wire. */
  readonly secrets: string[];
}

export async function recordSampleSession(): Promise<SampleSession> {
  const server = await startHttpServer((request, response) => {
    const authorized = request.headers.some(([name]) => name.toLowerCase() === 'authorization');
    if (!authorized) {
      response.writeHead(401, { 'WWW-Authenticate': `Digest realm="test", nonce="${NONCE}", qop="auth", algorithm=MD5` }).end();
    } else if (request.target.startsWith('/xcap-root/mime/')) {
      response.writeHead(200, { 'Content-Type': 'image/png' }).end(PNG);
    } else if (request.target.startsWith('/big')) {
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('z'.repeat(3000));
    } else if (request.method === 'PUT') {
      response.writeHead(409, { 'Content-Type': 'application/xcap-error+xml' }).end(NO_PARENT);
    } else {
      response.setHeader('Set-Cookie', [`session=${COOKIE_SECRET}; Path=/; HttpOnly; Expires=Wed, 21 Oct 2037 07:28:00 GMT`]);
      response.setHeader('Authentication-Info', `rspauth="${RSPAUTH}", qop=auth, nc=00000001, cnonce="c0ffee", nextnonce="n2"`);
      response.writeHead(200, { 'Content-Type': 'application/resource-lists+xml', ETag: '"v1"' }).end('<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>\n');
    }
  });
  const agent = new Agent();
  const recorder = new TrafficRecorder({ maxBodyBytes: 2048 });
  const events: Exchange[] = [];
  recorder.on('exchange', (exchange) => events.push(exchange));
  const dispatcher = agent.compose(recorder.interceptor());
  const origin = server.origin;
  const get = digestAuthorization('GET', DOCUMENT_PATH);
  const put = digestAuthorization('PUT', SELECTOR_PATH);
  try {
    await send(dispatcher, { origin, path: DOCUMENT_PATH });
    await send(dispatcher, { origin, path: DOCUMENT_PATH, headers: { Authorization: get.header, Cookie: `session=${COOKIE_SECRET}; theme=dark` }, mark: { attempt: 'auth-retry' } });
    await send(dispatcher, { origin, path: SELECTOR_PATH, method: 'PUT', headers: { Authorization: put.header, 'Content-Type': 'application/xcap-el+xml' }, body: '<entry uri="sip:bob@example.com"/>' });
    await send(dispatcher, { origin, path: '/xcap-root/mime/users/sip:alice@example.com/icon', headers: { Authorization: BASIC } });
    await send(dispatcher, { origin, path: '/plain?a=1&b=%20x&xmlns(p=urn:x)', headers: { Authorization: BASIC, 'X-3GPP-Intended-Identity': '"sip:alice@example.com"' } });
    await send(dispatcher, { origin, path: '/big', method: 'PUT', headers: { Authorization: BASIC }, body: Buffer.alloc(3000, 0x41) });
    const port = await closedPort();
    await send(dispatcher, { origin: `http://127.0.0.1:${port}`, path: '/refused', headers: { Authorization: BASIC } }).catch(() => undefined);
  } finally {
    await agent.close();
    await server.close();
  }
  return {
    exchanges: recorder.list({ reveal: true }),
    events,
    recorder,
    secrets: [PASSWORD, BASIC, BASIC.slice(6), get.header, get.response, put.header, put.response, COOKIE_SECRET, RSPAUTH],
  };
}
