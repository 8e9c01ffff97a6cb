import { describe, expect, it } from 'vitest';
import { compareWithPrediction, predict } from '../../../renderer/src/lib/playground/predict';

const uri = 'http://127.0.0.1:1/xcap-root/resource-lists/users/sip:alice@example.com/index';
const doc = '<?xml version="1.0" encoding="UTF-8"?>\n<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">\n  <list name="friends">\n    <entry uri="sip:bob@example.com"/>\n  </list>\n</resource-lists>\n';
const base = { documentUri: uri, auid: 'resource-lists', namespaces: {}, serverText: doc, serverEtag: 'e1' } as const;

describe('playground prediction', () => {
  it('a selector that does not parse: the error and its column, nothing planned', () => {
    const p = predict({ ...base, method: 'GET', selector: 'resource-lists/list[@name="friends"', body: '' });
    expect(p).toMatchObject({ ok: false, stage: 'selector' });
    if (!p.ok) expect(p.column).toBeGreaterThan(0);
  });

  it('PUT of a new entry: the exact request (encoded URI, If-Match, xcap-el type) and the resulting document', () => {
    const p = predict({ ...base, method: 'PUT', selector: 'resource-lists/list[@name="friends"]/entry[@uri="sip:carol@example.com"]', body: '<entry uri="sip:carol@example.com"/>' });
    if (!p.ok) throw new Error(p.message);
    expect(p.plan.url).toBe(`${uri}/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B@uri=%22sip:carol@example.com%22%5D`);
    expect(p.plan.headers).toMatchObject({ 'If-Match': '"e1"', 'Content-Type': 'application/xcap-el+xml' });
    expect(p.result.status).toBe(201);
    expect(p.result.document).toContain('<entry uri="sip:carol@example.com"/>');
  });

  it('predicts 409 with the error, and 404 for a missing node', () => {
    const dup = predict({ ...base, method: 'PUT', selector: 'resource-lists/list[@name="friends"]/entry[@uri="sip:bob@example.com"]', body: '<entry uri="sip:other@example.com"/>' });
    if (!dup.ok) throw new Error(dup.message);
    expect(dup.result.status).toBe(409);
    const missing = predict({ ...base, method: 'DELETE', selector: 'resource-lists/list[@name="nope"]', body: '' });
    if (!missing.ok) throw new Error(missing.message);
    expect(missing.result.status).toBe(404);
  });

  it('flags every difference between prediction and answer', () => {
    const p = predict({ ...base, method: 'GET', selector: 'resource-lists/list[@name="friends"]/entry', body: '' });
    if (!p.ok) throw new Error(p.message);
    expect(compareWithPrediction(p.result, { status: 200, contentType: 'application/xcap-el+xml', body: p.result.body ?? '' }, doc)).toEqual([]);
    expect(compareWithPrediction(p.result, { status: 200, contentType: 'application/resource-lists+xml', body: p.result.body ?? '' }, doc)).toEqual(['Content-Type: predicted application/xcap-el+xml, server sent application/resource-lists+xml']);
  });
});
