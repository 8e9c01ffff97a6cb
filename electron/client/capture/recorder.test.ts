import diagnosticsChannel from 'node:diagnostics_channel';
import { Readable } from 'node:stream';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCaptureError } from './capture-error';
import type { Exchange } from './exchange';
import { TrafficRecorder } from './recorder';
import { closedPort, startHttpServer, type TestServer } from './test-support/servers';
import { send } from './test-support/send';

const SELECTOR_PATH = '/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B1%5D';
const ENTRY = '<entry xmlns="urn:ietf:params:xml:ns:resource-lists" uri="sip:bob@example.com"/>';

describe('TrafficRecorder', () => {
  let server: TestServer;
  let agent: Agent;
  let recorder: TrafficRecorder;
  let dispatcher: Dispatcher;
  let errors: Array<[unknown, string]>;

  beforeEach(async () => {
    server = await startHttpServer((request, response) => {
      if (request.target.startsWith('/auth') && !request.headers.some(([name]) => name.toLowerCase() === 'authorization')) {
        response.writeHead(401, { 'WWW-Authenticate': 'Digest realm="test", nonce="abc", qop="auth", algorithm=MD5' }).end();
      } else if (request.target.startsWith('/trailers')) {
        response.writeHead(200, { 'Content-Type': 'text/plain', Trailer: 'X-Checksum' });
        response.write('abc');
        response.addTrailers({ 'X-Checksum': 'c0ffee' });
        response.end();
      } else if (request.target.startsWith('/big')) {
        response.writeHead(200, { 'Content-Type': 'text/plain' }).end('x'.repeat(100));
      } else {
        response.setHeader('X-Second', 'b');
        response.setHeader('ETag', '"e1"');
        response.writeHead(request.method === 'PUT' ? 201 : 200, 'Made It', { 'Content-Type': 'application/xcap-el+xml' });
        response.end(request.method === 'PUT' ? '' : ENTRY);
      }
    });
    agent = new Agent();
    errors = [];
    recorder = new TrafficRecorder({ onError: (error, where) => errors.push([error, where]) });
    dispatcher = agent.compose(recorder.interceptor());
  });

  afterEach(async () => {
    recorder.close();
    await agent.close();
    await server.close();
  });

  it('records the request exactly as the server received it, and the response as sent', async () => {
    const { status } = await send(dispatcher, {
      origin: server.origin,
      path: SELECTOR_PATH,
      method: 'PUT',
      headers: { 'Content-Type': 'application/xcap-el+xml', 'X-3GPP-Intended-Identity': '"sip:alice@example.com"', 'If-Match': '"e0"' },
      body: ENTRY,
    });
    expect(status).toBe(201);
    const [exchange] = recorder.list();
    const received = server.received[0];
    expect(exchange).toBeDefined();
    expect(received).toBeDefined();
    if (!exchange || !received) return;
    expect(exchange.id).toBe(1);
    expect(exchange.attempt).toBe('initial');
    expect(exchange.request).toMatchObject({ method: 'PUT', target: SELECTOR_PATH, url: `${server.origin}${SELECTOR_PATH}`, httpVersion: 'HTTP/1.1', sent: true });
    expect(received.target).toBe(SELECTOR_PATH);
    // Names, values and order as on the wire, including what undici adds (host, connection, content-length).
    expect(exchange.request.headers).toEqual(received.headers);
    expect(Buffer.from(exchange.request.body?.bytes ?? []).toString()).toBe(ENTRY);
    expect(exchange.request.body).toMatchObject({ size: Buffer.byteLength(ENTRY), truncated: false });
    const headerBlock = `PUT ${SELECTOR_PATH} HTTP/1.1\r\n${received.headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
    expect(exchange.request.headersSize).toBe(headerBlock.length);

    expect(exchange.response).toMatchObject({ status: 201, statusText: 'Made It', httpVersion: 'HTTP/1.1', body: null });
    const names = exchange.response?.headers.map(([name]) => name) ?? [];
    expect(names.slice(0, 3)).toEqual(['X-Second', 'ETag', 'Content-Type']);
    expect(exchange.error).toBeNull();
    expect(exchange.xcap).toMatchObject({ auid: 'resource-lists', xui: 'sip:alice@example.com', documentPath: 'index', resource: 'element', nodeSelector: 'resource-lists/list[@name="friends"]/entry[1]', xcapError: null });
    expect(exchange.connection).toMatchObject({ reused: false, remoteAddress: '127.0.0.1', remotePort: server.port });
    expect(exchange.connection.localPort).toBe(received.remotePort);
    expect(exchange.redacted).toBe(true);
    expect(Date.parse(exchange.startedAt)).not.toBeNaN();
    expect(errors).toEqual([]);
  });

  it('has timings that add up to the total', async () => {
    await send(dispatcher, { origin: server.origin, path: '/doc' });
    const { timings } = recorder.list()[0] as Exchange;
    const sum = (timings.queuedMs ?? 0) + (timings.connectMs ?? 0) + (timings.sendMs ?? 0) + (timings.waitMs ?? 0) + (timings.receiveMs ?? 0);
    expect(sum).toBeCloseTo(timings.totalMs, 6);
    expect(timings.connectMs).toBeGreaterThan(0);
    expect(timings.firstByteMs).toBeGreaterThan(0);
    expect(timings.firstByteMs).toBeLessThanOrEqual(timings.totalMs);
  });

  it('records a 401 and its authenticated retry as two exchanges, with the attempt the client marked', async () => {
    const first = await send(dispatcher, { origin: server.origin, path: '/auth/doc' });
    expect(first.status).toBe(401);
    const authorization = 'Digest username="alice@example.com", realm="test", nonce="abc", uri="/auth/doc", response="0123456789abcdef0123456789abcdef", qop=auth, nc=00000001, cnonce="xyz"';
    const second = await send(dispatcher, { origin: server.origin, path: '/auth/doc', headers: { Authorization: authorization }, mark: { attempt: 'auth-retry', label: 'Open document' } });
    expect(second.status).toBe(200);
    const [a, b] = recorder.list();
    expect(a).toMatchObject({ id: 1, attempt: 'initial', label: null, response: { status: 401 } });
    expect(b).toMatchObject({ id: 2, attempt: 'auth-retry', label: 'Open document', response: { status: 200 } });
    expect(b?.request.headers.find(([n]) => n === 'Authorization')?.[1]).toBe('Digest username="alice@example.com", realm="test", nonce="abc", uri="/auth/doc", response=<redacted>, qop=auth, nc=00000001, cnonce="xyz"');
    expect(recorder.get(2, { reveal: true })?.request.headers.find(([n]) => n === 'Authorization')?.[1]).toBe(authorization);
  });

  it('records trailers', async () => {
    await send(dispatcher, { origin: server.origin, path: '/trailers' });
    expect(recorder.list()[0]?.response).toMatchObject({ status: 200, trailers: [['X-Checksum', 'c0ffee']], body: { size: 3 } });
  });

  it('marks the second request on a kept-alive socket as reused', async () => {
    // connections: 1, as undici's Pool otherwise opens a second connection for a request dispatched
    // in the same tick the previous response ended (the first client is not marked free yet).
    const single = new Agent({ connections: 1 });
    const d = single.compose(recorder.interceptor());
    try {
      await send(d, { origin: server.origin, path: '/one' });
      await send(d, { origin: server.origin, path: '/two' });
    } finally {
      await single.close();
    }
    expect(server.received[1]?.remotePort).toBe(server.received[0]?.remotePort);
    const [one, two] = recorder.list();
    expect(one?.connection.reused).toBe(false);
    expect(two?.connection.reused).toBe(true);
    expect(two?.connection.id).toBe(one?.connection.id);
    expect(two?.connection.localPort).toBe(one?.connection.localPort);
    expect(one?.timings.connectMs).toBeGreaterThan(0);
    expect(two?.timings.connectMs).toBeUndefined();
  });

  it('records a refused connection with its error code and no response', async () => {
    const port = await closedPort();
    await expect(send(dispatcher, { origin: `http://127.0.0.1:${port}`, path: '/x', method: 'DELETE', headers: { 'X-Test': '1' } })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const [exchange] = recorder.list();
    expect(exchange).toMatchObject({ response: null, error: { code: 'ECONNREFUSED' }, request: { method: 'DELETE', target: '/x', sent: false, headersSize: -1 } });
    expect(exchange?.request.headers).toEqual([['X-Test', '1']]);
    expect(exchange?.timings.queuedMs).toBe(exchange?.timings.totalMs);
  });

  it('records a request undici refuses before sending (invalid header) with its error code', async () => {
    await expect(send(dispatcher, { origin: server.origin, path: '/bad', headers: { 'X-Bad': 'a\r\nInjected: 1' } })).rejects.toMatchObject({ code: 'UND_ERR_INVALID_ARG' });
    expect(recorder.list()[0]).toMatchObject({ error: { code: 'UND_ERR_INVALID_ARG' }, response: null, request: { sent: false, target: '/bad' } });
    expect(server.received).toHaveLength(0);
  });

  it('caps stored bodies and says so, counting every byte', async () => {
    const small = new TrafficRecorder({ maxBodyBytes: 16, onError: (error, where) => errors.push([error, where]) });
    const capped = agent.compose(small.interceptor());
    try {
      await send(capped, { origin: server.origin, path: '/big', method: 'PUT', body: 'y'.repeat(40) });
      const [exchange] = small.list();
      expect(exchange?.response?.body).toMatchObject({ size: 100, truncated: true });
      expect(Buffer.from(exchange?.response?.body?.bytes ?? []).toString()).toBe('x'.repeat(16));
      expect(exchange?.request.body).toMatchObject({ size: 40, truncated: true });
      expect(exchange?.request.body?.bytes.byteLength).toBe(16);
    } finally {
      small.close();
    }
  });

  it('captures a streamed body as undici writes it, with the chunked framing it used', async () => {
    await send(dispatcher, { origin: server.origin, path: '/stream', method: 'PUT', body: Readable.from([Buffer.from('<a>'), Buffer.from('</a>')]) });
    const [exchange] = recorder.list();
    expect(Buffer.from(exchange?.request.body?.bytes ?? []).toString()).toBe('<a></a>');
    expect(exchange?.request.headers).toEqual(server.received[0]?.headers);
    expect(exchange?.request.headers.at(-1)).toEqual(['transfer-encoding', 'chunked']);
  });

  it('keeps the last maxExchanges exchanges', async () => {
    const few = new TrafficRecorder({ maxExchanges: 3 });
    const d = agent.compose(few.interceptor());
    try {
      for (let i = 1; i <= 5; i++) await send(d, { origin: server.origin, path: `/n${i}` });
      expect(few.list().map((e) => [e.id, e.request.target])).toEqual([
        [3, '/n3'],
        [4, '/n4'],
        [5, '/n5'],
      ]);
      expect(few.get(1)).toBeUndefined();
    } finally {
      few.close();
    }
  });

  it('emits request then exchange; a throwing listener neither breaks the request nor the process', async () => {
    const seen: string[] = [];
    recorder.on('request', (e) => seen.push(`request ${e.id} ${String(e.response)}`));
    recorder.on('exchange', () => {
      throw new Error('listener bug');
    });
    recorder.on('exchange', (e) => seen.push(`exchange ${e.id} ${e.response?.status}`));
    const { status } = await send(dispatcher, { origin: server.origin, path: '/doc' });
    expect(status).toBe(200);
    expect(seen).toEqual(['request 1 null', 'exchange 1 200']);
    expect(errors.map(([error, where]) => [(error as Error).message, where])).toEqual([['listener bug', "'exchange' listener"]]);
    // Still recording afterwards.
    await send(dispatcher, { origin: server.origin, path: '/doc' });
    expect(recorder.size).toBe(2);
  });

  it('ignores requests of other dispatchers and of the global fetch, on the same process-wide channels', async () => {
    const plain = new Agent();
    try {
      await send(plain, { origin: server.origin, path: '/foreign' });
      await (await fetch(`${server.origin}/fetch`)).text();
      await send(dispatcher, { origin: server.origin, path: '/mine' });
    } finally {
      await plain.close();
    }
    expect(recorder.list().map((e) => e.request.target)).toEqual(['/mine']);
    expect(server.received.map((r) => r.target)).toEqual(['/foreign', '/fetch', '/mine']);
  });

  it('binds requests that waited in the pool queue to the right exchange', async () => {
    const single = new Agent({ connections: 1, pipelining: 1 });
    const d = single.compose(recorder.interceptor());
    try {
      await Promise.all(['/q1', '/q2', '/q3', '/q4'].map((path) => send(d, { origin: server.origin, path, headers: { 'X-Path': path } })));
    } finally {
      await single.close();
    }
    const exchanges = recorder.list();
    expect(exchanges).toHaveLength(4);
    for (const exchange of exchanges) {
      expect(exchange.request.sent).toBe(true);
      expect(exchange.request.headers.find(([n]) => n === 'X-Path')?.[1]).toBe(exchange.request.target);
    }
    expect(exchanges.filter((e) => e.connection.reused)).toHaveLength(3);
  });

  it('survives malformed or foreign diagnostics messages', () => {
    for (const name of ['undici:request:create', 'undici:client:sendHeaders', 'undici:request:headers', 'undici:request:bodyChunkSent', 'undici:client:connected', 'undici:client:beforeConnect']) {
      expect(() => diagnosticsChannel.channel(name).publish(undefined)).not.toThrow();
      expect(() => diagnosticsChannel.channel(name).publish({ request: {}, headers: 42, socket: null, response: { statusCode: 'x' } })).not.toThrow();
    }
  });

  it('passes requests through unrecorded once closed', async () => {
    recorder.close();
    const { status } = await send(dispatcher, { origin: server.origin, path: '/after' });
    expect(status).toBe(200);
    expect(recorder.size).toBe(0);
  });

  it('rejects nonsensical limits with a typed error', () => {
    for (const options of [{ maxExchanges: 0 }, { maxBodyBytes: -1 }, { maxExchanges: 1.5 }]) {
      try {
        new TrafficRecorder(options).close();
        expect.unreachable();
      } catch (error) {
        expect(isCaptureError(error, 'invalid-option')).toBe(true);
      }
    }
  });
});
