/**
 * A stand-in for the main process in the UI benches: `traffic.list` answers a generated session of
 * `count` exchanges (digest challenges and their retries, edits, conflicts), `traffic.get` a
 * plausible record for any of them. Only the traffic domain exists; the inspector needs no other.
 */
import type { ExchangeSummary, IpcResult, XcapApi } from '../../../shared/ipc';
import type { ExchangeJson } from '../../../shared/traffic/exchange';

const ROOT = 'http://127.0.0.1:40123/xcap-root';
const AUIDS = ['resource-lists', 'pres-rules', 'rls-services', 'pidf-manipulation', 'simservs.ngn.etsi.org'] as const;

export function generateSummaries(count: number, start = Date.UTC(2026, 10, 27, 10, 0, 0)): ExchangeSummary[] {
  const rows: ExchangeSummary[] = [];
  for (let id = 1; id <= count; id++) {
    const n = id % 10;
    const auid = AUIDS[(id >> 3) % AUIDS.length] ?? 'resource-lists';
    const user = `sip:user${(id >> 5) % 500}@example.com`;
    const selector = n < 4 ? '' : `/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B@uri=%22sip:friend${id % 97}@example.com%22%5D`;
    const method = n === 4 || n === 5 ? 'PUT' : n === 6 ? 'DELETE' : 'GET';
    const status = n === 0 ? 401 : n === 5 ? 409 : n === 7 ? 412 : method === 'PUT' ? 201 : 200;
    rows.push({
      id,
      profile: 'Local sandbox',
      startedAt: new Date(start + id * 37).toISOString(),
      method,
      url: `${ROOT}/${auid}/users/${encodeURIComponent(user)}/index${selector}`,
      status,
      error: null,
      auid,
      resource: selector === '' ? 'document' : 'element',
      attempt: n === 1 ? 'auth-retry' : n === 8 ? 'stale-retry' : 'initial',
      label: n === 4 ? 'playground send' : null,
      totalMs: 0.4 + ((id * 7919) % 400) / 10,
      requestBytes: method === 'PUT' ? 120 + (id % 300) : 0,
      responseBytes: status === 401 ? 0 : 200 + ((id * 31) % 9000),
      contentType: status === 409 ? 'application/xcap-error+xml' : 'application/resource-lists+xml',
    });
  }
  return rows;
}

function exchangeFor(row: ExchangeSummary, reveal: boolean): ExchangeJson & { profile: string } {
  const url = new URL(row.url);
  const challenge = 'Digest realm="example.com", qop="auth", algorithm=SHA-256, nonce="bWFkZS11cC1ub25jZQ", opaque="b3BhcXVl"';
  const authorization = `Digest username="user", realm="example.com", uri="${url.pathname}", algorithm=SHA-256, qop=auth, nc=00000001, cnonce="Y25vbmNl", nonce="bWFkZS11cC1ub25jZQ", response=${reveal ? '"7b1f2d4c0e9a8b3f6d5c4b3a29180716e5d4c3b2a1908f7e6d5c4b3a29180716"' : '<redacted>'}`;
  const xcapError = '<?xml version="1.0" encoding="UTF-8"?>\n<xcap-error xmlns="urn:ietf:params:xml:ns:xcap-error"><uniqueness-failure phrase="entry uri is not unique"><exists field="resource-lists/list[@name=&quot;friends&quot;]/entry/@uri"><alt-value>sip:friend1@example.com</alt-value><alt-value>sip:friend2@example.com</alt-value></exists></uniqueness-failure></xcap-error>';
  const document = '<?xml version="1.0" encoding="UTF-8"?><resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="friends"><entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry><entry uri="sip:carol@example.com"/></list></resource-lists>';
  const body = row.status === 401 ? null : { size: row.status === 409 ? xcapError.length : document.length, truncated: false, text: row.status === 409 ? xcapError : document };
  return {
    id: row.id,
    profile: row.profile,
    startedAt: row.startedAt,
    attempt: row.attempt as ExchangeJson['attempt'],
    label: row.label,
    request: {
      method: row.method,
      url: row.url,
      target: url.pathname + url.search,
      httpVersion: 'HTTP/1.1',
      headers: [['host', url.host], ['user-agent', 'xcap-console/0.1.0'], ...(row.attempt === 'auth-retry' ? [['authorization', authorization] as const] : [])],
      sent: true,
      headersSize: 180,
      body: null,
    },
    response: {
      status: row.status ?? 0,
      statusText: row.status === 401 ? 'Unauthorized' : row.status === 409 ? 'Conflict' : 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [['content-type', row.contentType ?? 'text/plain'], ...(row.status === 401 ? [['www-authenticate', challenge] as const] : [['etag', '"2LtAMC84k73d0SsrMcHQua"'] as const])],
      body,
      trailers: [],
    },
    error: null,
    timings: { queuedMs: 0.1, sendMs: 0.2, waitMs: row.totalMs * 0.8, receiveMs: row.totalMs * 0.2 - 0.3, firstByteMs: row.totalMs * 0.8, totalMs: row.totalMs },
    connection: { reused: row.id % 10 !== 0, id: 1 + (row.id >> 10), localAddress: '127.0.0.1', localPort: 51000, remoteAddress: '127.0.0.1', remotePort: 40123 },
    xcap: { root: ROOT, auid: row.auid ?? '', scope: 'users', xui: decodeURIComponent(url.pathname.split('/')[4] ?? ''), documentPath: 'index', nodeSelector: null, resource: 'document', namespaces: {}, xcapError: row.status === 409 ? 'uniqueness-failure' : null },
    redacted: !reveal,
  };
}

const ok = <T>(value: T): Promise<IpcResult<T>> => Promise.resolve({ ok: true, value });

export function fakeTrafficApi(count: number): XcapApi {
  let rows = generateSummaries(count);
  const traffic: XcapApi['traffic'] = {
    list: ({ afterId = 0 }) => ok(rows.filter((row) => row.id > afterId)),
    get: ({ id, reveal }) => {
      const row = rows.find((r) => r.id === id);
      return row ? ok({ ...exchangeFor(row, reveal), aka: null }) : Promise.resolve({ ok: false, error: { code: 'not-found', message: `no exchange ${id}` } });
    },
    exportHar: ({ ids }) => ok({ har: JSON.stringify({ log: { version: '1.2', entries: (ids ?? rows.map((r) => r.id)).map((id) => ({ id })) } }) }),
    curl: ({ id }) => ok({ command: `curl --digest --user 'user:'"$XCAP_PASSWORD" '${rows.find((r) => r.id === id)?.url ?? ''}'` }),
    clear: () => {
      const cleared = rows.length;
      rows = [];
      return ok({ cleared });
    },
    onRecorded: () => () => {},
    onCleared: () => () => {},
  };
  return { traffic } as unknown as XcapApi;
}
