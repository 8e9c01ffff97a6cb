import { describe, expect, it } from 'vitest';
import { body, fixtureExchange } from './test-support/exchange-fixture';
import { formatExchangeVerbose } from './verbose';

describe('formatExchangeVerbose', () => {
  it('reads like curl -v, redacted', () => {
    expect(formatExchangeVerbose(fixtureExchange())).toBe(
      [
        '* #7 initial 2026-11-27T10:00:00.000Z',
        '* Connected to 127.0.0.1 port 40123 from 127.0.0.1:51000 (connection #1, new)',
        '> PUT /xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22friends%22%5D HTTP/1.1',
        '> host: 127.0.0.1:40123',
        '> connection: keep-alive',
        '> Authorization: Digest username="alice@example.com", realm="r", response=<redacted>',
        '> Content-Type: application/xcap-el+xml',
        '> content-length: 10',
        '>',
        '} [13 bytes data]',
        '< HTTP/1.1 201 Created',
        '< ETag: "7a1b"',
        '<',
        '* XCAP resource-lists / users/sip:alice@example.com / index ~~ resource-lists/list[@name="friends"] (element)',
        '* Timings: queued 0.5 ms, connect 1.3 ms, send 0.3 ms, wait 2.0 ms, receive 0.5 ms, total 4.5 ms',
        '',
      ].join('\n'),
    );
  });

  it('shows the raw Authorization only with reveal', () => {
    expect(formatExchangeVerbose(fixtureExchange(), { reveal: true })).toContain('response="deadbeef"');
    expect(formatExchangeVerbose(fixtureExchange())).not.toContain('deadbeef');
  });

  it('prints text bodies on request, binary ones as a size, and says what was cut', () => {
    const text = formatExchangeVerbose(
      fixtureExchange({
        request: { body: { ...body('<a>\r\n  <b/>\r\n</a>\r\n'), size: 100, truncated: true } },
        response: { status: 200, statusText: 'OK', headers: [['Content-Type', 'image/png']], body: body(new Uint8Array([0x89, 0x50, 0x00, 0xff])) },
      }),
      { bodies: true },
    );
    expect(text).toContain('>\n<a>\n  <b/>\n</a>\n} [truncated: 100 bytes, 19 kept]\n< HTTP/1.1 200 OK');
    expect(text).toContain('<\n{ [4 bytes binary data]\n');
  });

  it('never passes control characters from the server to the terminal', () => {
    const text = formatExchangeVerbose(
      fixtureExchange({ response: { statusText: 'OK\u001b[2J', headers: [['X-Evil', '\u001b]0;pwned\u0007']], body: body('line\u001b[31m red\rover\n') } }),
      { bodies: true },
    );
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('< HTTP/1.1 201 OK\\x1b[2J');
    expect(text).toContain('< X-Evil: \\x1b]0;pwned\\x07');
  });

  it('tells a request that never left from one that did, and shows the error, TLS and retry', () => {
    const text = formatExchangeVerbose(
      fixtureExchange({
        attempt: 'auth-retry',
        label: 'Save list',
        request: { sent: false, headers: [['X-A', '1']] },
        response: null,
        error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:40123' },
        connection: {
          reused: false,
          tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', alpnProtocol: 'http/1.1', peerCertificate: { subject: 'CN=x', issuer: 'CN=ca', validFrom: 'a', validTo: 'b', fingerprint256: 'AA:BB', subjectAltNames: ['DNS:x'] } },
        },
        timings: { queuedMs: 3, totalMs: 3 },
      }),
    );
    expect(text).toContain('* #7 auth-retry "Save list" ');
    expect(text).toContain('* TLS TLSv1.3, TLS_AES_128_GCM_SHA256, ALPN http/1.1\n* Server certificate: subject CN=x; issuer CN=ca; valid a – b; SHA-256 AA:BB; DNS:x');
    expect(text).toContain('* Request not sent; headers as dispatched:\n> X-A: 1\n>\n} [13 bytes data]\n* XCAP');
    expect(text).toContain('* Error ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:40123');
    expect(text).not.toContain('> PUT');
  });
});
