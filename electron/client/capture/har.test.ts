import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from './exchange';
import { toHar } from './har';
import type { HarEntry } from './har-types';
import { validate, type Schema } from './test-support/json-schema';
import { DOCUMENT_PATH, PNG, recordSampleSession, SELECTOR_PATH, type SampleSession } from './test-support/sample-session';

const schema = JSON.parse(readFileSync(new URL('./test-support/har-1.2.schema.json', import.meta.url), 'utf8')) as Schema;

describe('HAR 1.2 export', () => {
  let session: SampleSession;
  let entries: HarEntry[];
  beforeAll(async () => {
    session = await recordSampleSession();
    entries = toHar(session.exchanges, { creator: { name: 'XCAP Console', version: '0.1.0' } }).log.entries;
  });
  afterAll(() => session.recorder.close());

  it('is valid against the HAR 1.2 schema, also after a JSON round trip', () => {
    const har = toHar(session.exchanges);
    expect(validate(schema, har)).toEqual([]);
    expect(validate(schema, JSON.parse(JSON.stringify(har)))).toEqual([]);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator).toEqual({ name: 'XCAP Console', version: 'dev' });
  });

  it('the validator does catch what HAR 1.2 forbids', () => {
    const har = JSON.parse(JSON.stringify(toHar(session.exchanges))) as { log: { entries: Array<Record<string, unknown>> } };
    const entry = har.log.entries[0] as { timings: Record<string, unknown>; request: Record<string, unknown>; response: Record<string, unknown> };
    entry.timings.send = -1;
    delete entry.request.headersSize;
    entry.response.unknownField = 1;
    expect(validate(schema, har)).toEqual([
      '$.log.entries[0].request: missing required "headersSize"',
      '$.log.entries[0].response: unexpected field "unknownField"',
      '$.log.entries[0].timings.send: -1 < 0',
    ]);
  });

  it('has one entry per exchange, oldest first, whose time is the sum of its timings', () => {
    expect(entries).toHaveLength(session.exchanges.length);
    const started = entries.map((e) => e.startedDateTime);
    expect([...started].sort()).toEqual(started);
    for (const entry of entries) {
      const { blocked, dns, connect, send, wait, receive } = entry.timings;
      const sum = [blocked, dns, connect, send, wait, receive].filter((ms) => ms >= 0).reduce((a, b) => a + b, 0);
      expect(entry.time).toBeCloseTo(sum, 6);
      expect(entry.timings.dns).toBe(-1);
    }
  });

  it('carries request and response as recorded: headers, sizes, bodies, cookies, query, XCAP view', () => {
    const [challenge, retry, put, mime, plain, big, refused] = entries as [HarEntry, HarEntry, HarEntry, HarEntry, HarEntry, HarEntry, HarEntry];
    expect(challenge.response.status).toBe(401);
    expect(challenge.request.url.endsWith(DOCUMENT_PATH)).toBe(true);
    expect(retry._attempt).toBe('auth-retry');
    expect(retry.request.cookies).toEqual([
      { name: 'session', value: '<redacted>' },
      { name: 'theme', value: '<redacted>' },
    ]);
    expect(retry.response.cookies).toEqual([{ name: 'session', value: '<redacted>', path: '/', httpOnly: true, expires: '2037-10-21T07:28:00.000Z' }]);
    expect(retry.response.content).toMatchObject({ mimeType: 'application/resource-lists+xml', text: '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>\n' });
    expect(retry.connection).toMatch(/^\d+$/);
    expect(retry.serverIPAddress).toBe('127.0.0.1');

    expect(put.request.method).toBe('PUT');
    expect(put.request.url.endsWith(SELECTOR_PATH)).toBe(true);
    expect(put.request.postData).toEqual({ mimeType: 'application/xcap-el+xml', text: '<entry uri="sip:bob@example.com"/>' });
    expect(put.request.bodySize).toBe(34);
    const raw = session.exchanges[2] as Exchange;
    expect(put.request.headersSize).toBe(raw.request.headersSize);
    expect(put.response.status).toBe(409);
    expect(put._xcap).toMatchObject({ auid: 'resource-lists', resource: 'element', xcapError: 'no-parent' });

    expect(mime.response.content).toEqual({ size: PNG.length, mimeType: 'image/png', text: PNG.toString('base64'), encoding: 'base64' });
    expect(Buffer.from(mime.response.content.text ?? '', 'base64')).toEqual(PNG);

    expect(plain.request.queryString).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: ' x' },
      { name: 'xmlns(p', value: 'urn:x)' },
    ]);
    expect(plain._xcap).toBeUndefined();
    expect(plain.request.headers).toContainEqual({ name: 'X-3GPP-Intended-Identity', value: '"sip:alice@example.com"' });

    expect(big.request.postData?.comment).toBe('body truncated: 2048 of 3000 bytes kept');
    expect(big.request.bodySize).toBe(3000);
    expect(big.response.content).toMatchObject({ size: 3000, comment: 'body truncated: 2048 of 3000 bytes kept' });

    expect(refused.response).toMatchObject({ status: 0, statusText: '', bodySize: -1, headersSize: -1 });
    expect(refused._error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(refused.request.headersSize).toBe(-1);
    expect(refused.timings.blocked).toBe(refused.time);
  });

  it('leaves bodies out on request, keeping sizes', () => {
    const [, retry] = toHar(session.exchanges, { bodies: false }).log.entries;
    expect(retry?.response.content).toEqual({ size: 64, mimeType: 'application/resource-lists+xml' });
  });
});
