/** A hand-built Exchange for unit tests of the formatters; override what the test is about. */
import type { Exchange, ExchangeRequest, ExchangeResponse } from '../exchange';

const encoder = new TextEncoder();

export function body(text: string | Uint8Array): { bytes: Uint8Array; size: number; truncated: false } {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  return { bytes, size: bytes.byteLength, truncated: false };
}

export function fixtureExchange(overrides: { request?: Partial<ExchangeRequest>; response?: Partial<ExchangeResponse> | null } & Partial<Omit<Exchange, 'request' | 'response'>> = {}): Exchange {
  const { request, response, ...rest } = overrides;
  const target = '/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22friends%22%5D';
  return {
    id: 7,
    startedAt: '2026-11-27T10:00:00.000Z',
    attempt: 'initial',
    label: null,
    request: {
      method: 'PUT',
      url: `http://127.0.0.1:40123${target}`,
      target,
      httpVersion: 'HTTP/1.1',
      headers: [
        ['host', '127.0.0.1:40123'],
        ['connection', 'keep-alive'],
        ['Authorization', 'Digest username="alice@example.com", realm="r", response="deadbeef"'],
        ['Content-Type', 'application/xcap-el+xml'],
        ['content-length', '10'],
      ],
      sent: true,
      headersSize: 200,
      body: body('<list n="1"/>'),
      ...request,
    },
    response:
      response === null
        ? null
        : { status: 201, statusText: 'Created', httpVersion: 'HTTP/1.1', headers: [['ETag', '"7a1b"']], body: null, trailers: [], ...response },
    error: null,
    timings: { queuedMs: 0.5, connectMs: 1.25, sendMs: 0.25, waitMs: 2, receiveMs: 0.5, firstByteMs: 4, totalMs: 4.5 },
    connection: { reused: false, id: 1, localAddress: '127.0.0.1', localPort: 51000, remoteAddress: '127.0.0.1', remotePort: 40123 },
    xcap: { root: 'http://127.0.0.1:40123/xcap-root', auid: 'resource-lists', scope: 'users', xui: 'sip:alice@example.com', documentPath: 'index', nodeSelector: 'resource-lists/list[@name="friends"]', resource: 'element', namespaces: {}, xcapError: null },
    redacted: false,
    ...rest,
  };
}
