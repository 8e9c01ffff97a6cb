import { describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../../../shared/ipc';
import { applyFilter, isFilterActive, NO_FILTER, statusClassOf } from '../../../renderer/src/views/inspector/filter';

function row(id: number, overrides: Partial<ExchangeSummary> = {}): ExchangeSummary {
  return {
    id,
    profile: 'lab',
    startedAt: '2026-11-27T10:00:00.000Z',
    method: 'GET',
    url: `http://127.0.0.1:40123/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22friends%22%5D`,
    status: 200,
    error: null,
    auid: 'resource-lists',
    resource: 'element',
    attempt: 'initial',
    label: null,
    totalMs: 1,
    requestBytes: 0,
    responseBytes: 10,
    contentType: 'application/xcap-el+xml',
    ...overrides,
  };
}

const rows = [
  row(1, { status: 401, attempt: 'initial' }),
  row(2, { status: 200, attempt: 'auth-retry' }),
  row(3, { method: 'PUT', status: 409, auid: 'pres-rules', url: 'http://127.0.0.1:40123/xcap-root/pres-rules/users/sip:bob@example.com/index' }),
  row(4, { status: null, error: 'ECONNREFUSED: connect refused', url: 'https://xcap.example.com/xcap-root/xcap-caps/global/index', auid: 'xcap-caps' }),
];
const ids = (filtered: readonly ExchangeSummary[]) => filtered.map((r) => r.id);

describe('traffic filter', () => {
  it('no filter: the same array', () => {
    expect(applyFilter(rows, NO_FILTER)).toBe(rows);
    expect(isFilterActive({ ...NO_FILTER, text: '   ' })).toBe(false);
  });

  it('text matches status (a 3-digit term: the status only, not the port 40123), method, AUID, raw and decoded URL, attempt, error; every term must match', () => {
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: '401' }))).toEqual([1]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: 'put' }))).toEqual([3]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: 'PRES-RULES' }))).toEqual([3]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: 'list[@name="friends"]' }))).toEqual([1, 2]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: '%5B@name' }))).toEqual([1, 2]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: 'auth-retry' }))).toEqual([2]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: 'econnrefused' }))).toEqual([4]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: 'alice 200' }))).toEqual([2]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: '#3' }))).toEqual([3]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: '4xx' }))).toEqual([1, 3]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: 'failed' }))).toEqual([4]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, text: '40123' }))).toEqual([1, 2, 3]); // the port, as text
  });

  it('method and status class', () => {
    expect(ids(applyFilter(rows, { ...NO_FILTER, method: 'PUT' }))).toEqual([3]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, status: '4xx' }))).toEqual([1, 3]);
    expect(ids(applyFilter(rows, { ...NO_FILTER, status: 'failed' }))).toEqual([4]);
    expect(ids(applyFilter(rows, { text: 'alice', method: 'GET', status: '2xx' }))).toEqual([2]);
  });

  it('status classes', () => {
    expect([101, 204, 304, 412, 503, null].map(statusClassOf)).toEqual(['1xx', '2xx', '3xx', '4xx', '5xx', 'failed']);
  });
});
