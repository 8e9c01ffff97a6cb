import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCurl } from './curl';
import { toHar } from './har';
import { exchangeToJson } from './json';
import { redactExchange, redactHeaderValue, redactUrl } from './redact';
import { recordSampleSession, type SampleSession } from './test-support/sample-session';
import { formatExchangeVerbose } from './verbose';

describe('redactHeaderValue', () => {
  it('keeps the Digest parameters that say who and where, and hides response and anything unknown', () => {
    const value = 'Digest username="alice@example.com", realm="xcap", nonce="n1", uri="/xcap-root/a/b", response="9a3c", algorithm=SHA-256, qop=auth, nc=00000002, cnonce="c1", opaque="o1", userhash=false, extra="?"';
    expect(redactHeaderValue('Authorization', value)).toBe(
      'Digest username="alice@example.com", realm="xcap", nonce="n1", uri="/xcap-root/a/b", response=<redacted>, algorithm=SHA-256, qop=auth, nc=00000002, cnonce="c1", opaque="o1", userhash=false, extra=<redacted>',
    );
    expect(redactHeaderValue('proxy-authorization', 'digest response="x", username="u"')).toBe('digest response=<redacted>, username="u"');
  });

  it('keeps quoted commas and escapes inside a parameter intact', () => {
    expect(redactHeaderValue('Authorization', 'Digest realm="a, \\"b\\"", response="r"')).toBe('Digest realm="a, \\"b\\"", response=<redacted>');
  });

  it('keeps only the scheme of Basic, Bearer and unknown schemes, and of unparseable Digest', () => {
    expect(redactHeaderValue('Authorization', 'Basic YWxpY2U6c2VjcmV0')).toBe('Basic <redacted>');
    expect(redactHeaderValue('Authorization', 'Basic YWxpY2U6c2VjcmV0cw==')).toBe('Basic <redacted>');
    expect(redactHeaderValue('Authorization', 'Bearer eyJhbGciOi.x.y')).toBe('Bearer <redacted>');
    expect(redactHeaderValue('Authorization', 'Digest "unterminated')).toBe('Digest <redacted>');
    expect(redactHeaderValue('Authorization', 'Negotiate')).toBe('Negotiate');
    expect(redactHeaderValue('Authorization', '  ')).toBe('<redacted>');
  });

  it('hides rspauth in Authentication-Info', () => {
    expect(redactHeaderValue('Authentication-Info', 'rspauth="abc", qop=auth, nc=00000001, cnonce="c", nextnonce="n"')).toBe('rspauth=<redacted>, qop=auth, nc=00000001, cnonce="c", nextnonce="n"');
  });

  it('hides cookie values and keeps names and Set-Cookie attributes', () => {
    expect(redactHeaderValue('Cookie', 'a=1; b=two; flag')).toBe('a=<redacted>; b=<redacted>; <redacted>');
    expect(redactHeaderValue('Set-Cookie', 'sid=abc; Path=/; HttpOnly')).toBe('sid=<redacted>; Path=/; HttpOnly');
  });

  it('leaves identities and other headers alone, unless listed as secret', () => {
    expect(redactHeaderValue('X-3GPP-Intended-Identity', '"sip:alice@example.com"')).toBe('"sip:alice@example.com"');
    expect(redactHeaderValue('WWW-Authenticate', 'Digest realm="r", nonce="n"')).toBe('Digest realm="r", nonce="n"');
    expect(redactHeaderValue('X-Api-Key', 'k-123', { secretHeaders: ['x-api-key'] })).toBe('<redacted>');
  });

  it('is idempotent and steps aside with reveal', () => {
    for (const [name, value] of [
      ['Authorization', 'Digest username="u", response="r", realm="x"'],
      ['Authorization', 'Basic Zm9vOmJhcg=='],
      ['Cookie', 'a=1; b=2'],
      ['Set-Cookie', 'a=1; Secure'],
      ['Authentication-Info', 'rspauth="x", nextnonce="y"'],
    ] as const) {
      const once = redactHeaderValue(name, value);
      expect(redactHeaderValue(name, once)).toBe(once);
      expect(redactHeaderValue(name, value, { reveal: true })).toBe(value);
    }
  });

  it('hides a password in the URL', () => {
    expect(redactUrl('http://alice:pw@h:1/x?y')).toBe('http://alice:<redacted>@h:1/x?y');
    expect(redactUrl('http://h/x@y:z')).toBe('http://h/x@y:z');
  });
});

describe('no credential leaves the process unless revealed', () => {
  let session: SampleSession;
  beforeAll(async () => {
    session = await recordSampleSession();
  });
  afterAll(() => session.recorder.close());

  // Raw, and as JSON.stringify escapes it (the Authorization values contain quotes).
  const leaks = (text: string): string[] => session.secrets.filter((secret) => text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)));

  it('the session really carried the secrets (reveal shows them)', () => {
    const revealed = JSON.stringify(toHar(session.exchanges, { reveal: true }));
    expect(leaks(revealed).sort()).toEqual(session.secrets.filter((s) => !s.startsWith('pa$$')).sort());
  });

  it('not in HAR, curl, verbose, JSON, the recorder list or its events', () => {
    const forms: Array<[string, string]> = [
      ['har', JSON.stringify(toHar(session.exchanges))],
      ['list', JSON.stringify(session.recorder.list().map((e) => exchangeToJson(e)))],
      ['events', JSON.stringify(session.events.map((e) => exchangeToJson(e)))],
      ['redactExchange', JSON.stringify(session.exchanges.map((e) => redactExchange(e).request.headers))],
    ];
    for (const exchange of session.exchanges) {
      forms.push([`verbose #${exchange.id}`, formatExchangeVerbose(exchange, { bodies: true })]);
      forms.push([`json #${exchange.id}`, JSON.stringify(exchangeToJson(exchange))]);
      if (!exchange.request.body?.truncated) forms.push([`curl #${exchange.id}`, toCurl(exchange)]);
    }
    expect(forms.length).toBeGreaterThan(20);
    for (const [form, text] of forms) expect({ form, leaks: leaks(text) }).toEqual({ form, leaks: [] });
  });
});
