import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange';
import { REDACTED, revealForInspector } from './redact';

function exchangeWith(headers: [string, string][], responseHeaders: [string, string][] = []): Exchange {
  return {
    id: 1, startedAt: '2026-01-01T00:00:00.000Z', attempt: 'initial', label: null,
    request: { method: 'GET', url: 'https://h/x', target: '/x', httpVersion: 'HTTP/1.1', headers, sent: true, headersSize: 10, body: null },
    response: { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: responseHeaders, body: null, trailers: [] },
    error: null, timings: { totalMs: 1 }, connection: { reused: false }, xcap: null, redacted: false,
  };
}

describe('revealForInspector', () => {
  it('shows Digest parameters (the response hash included) but never Basic credentials or cookies', () => {
    const digest = 'Digest username="alice", realm="r", nonce="n", uri="/x", response="0123456789abcdef0123456789abcdef", qop=auth, nc=00000001, cnonce="c"';
    const basic = `Basic ${Buffer.from('alice:secret').toString('base64')}`;
    const shown = revealForInspector(exchangeWith([['Authorization', digest], ['Proxy-Authorization', basic], ['Cookie', 'sid=s3cr3t']], [['Set-Cookie', 'sid=s3cr3t; Path=/']]));
    const text = JSON.stringify(shown);
    expect(text).toContain('response=\\"0123456789abcdef0123456789abcdef\\"');
    expect(text).not.toContain(Buffer.from('alice:secret').toString('base64'));
    expect(text).not.toContain('s3cr3t');
    expect(text).toContain(REDACTED);
  });
});
