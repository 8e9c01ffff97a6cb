import { bodyText } from './body-text';
import type { CapturedBody, Exchange, ExchangeResponse, ExchangeTimings, HeaderPair } from './exchange';
import { firstHeader, headerValues } from './header-pairs';
import type { HarContent, HarCookie, HarCreator, HarEntry, HarLog, HarNameValue, HarPostData, HarRequest, HarResponse, HarTimings } from './har-types';
import { redactExchange, type RedactOptions } from './redact';

export interface HarOptions extends RedactOptions {
  /** Default { name: 'XCAP Console', version: 'dev' }: pass the application's version. */
  readonly creator?: HarCreator;
  readonly comment?: string;
  /** Include body text (default true). Sizes are always there. */
  readonly bodies?: boolean;
}

/**
 * HAR 1.2 of exchanges, oldest first, redacted unless `reveal`. Timings: blocked = queued,
 * dns = -1 (undici resolves inside connect, so it is part of connect), connect includes ssl, and
 * `time` is the sum of the non-negative timings as the spec requires. A request that failed has
 * status 0 and an `_error`. Custom fields: `_id`, `_attempt`, `_label`, `_error`, `_xcap`, `_tls`,
 * and `_encoding: 'base64'` on postData for a binary request body (HAR 1.2 has no standard field).
 */
export function toHar(exchanges: readonly Exchange[], options: HarOptions = {}): HarLog {
  const entries = [...exchanges]
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id - b.id)
    .map((exchange) => harEntry(redactExchange(exchange, options), options.bodies ?? true));
  return {
    log: {
      version: '1.2',
      creator: options.creator ?? { name: 'XCAP Console', version: 'dev' },
      entries,
      ...(options.comment !== undefined && { comment: options.comment }),
    },
  };
}

function harEntry(exchange: Exchange, bodies: boolean): HarEntry {
  const timings = harTimings(exchange.timings);
  const time = round(Object.entries(timings).reduce((sum, [name, value]) => (name === 'ssl' || value < 0 ? sum : sum + value), 0));
  const { connection } = exchange;
  return {
    startedDateTime: exchange.startedAt,
    time,
    request: harRequest(exchange, bodies),
    response: harResponse(exchange.response, exchange.request.httpVersion, bodies),
    cache: {},
    timings,
    ...(connection.remoteAddress !== undefined && { serverIPAddress: connection.remoteAddress }),
    ...((connection.localPort ?? connection.id) !== undefined && { connection: String(connection.localPort ?? connection.id) }),
    ...(exchange.error && { comment: `${exchange.error.code}: ${exchange.error.message}` }),
    _id: exchange.id,
    _attempt: exchange.attempt,
    ...(exchange.label !== null && { _label: exchange.label }),
    ...(exchange.error && { _error: exchange.error }),
    ...(exchange.xcap && { _xcap: exchange.xcap }),
    ...(connection.tls && { _tls: connection.tls }),
  };
}

function harRequest(exchange: Exchange, bodies: boolean): HarRequest {
  const { request } = exchange;
  const postData = request.body === null ? undefined : harPostData(request.body, firstHeader(request.headers, 'content-type'), bodies);
  return {
    method: request.method,
    url: request.url,
    httpVersion: request.httpVersion,
    cookies: headerValues(request.headers, 'cookie').flatMap(requestCookies),
    headers: nameValues(request.headers),
    queryString: queryString(request.url),
    ...(postData && { postData }),
    headersSize: request.headersSize,
    bodySize: request.body?.size ?? 0,
  };
}

function harPostData(body: CapturedBody, contentType: string | null, bodies: boolean): HarPostData {
  const shown = bodyText(body.bytes);
  return {
    mimeType: contentType ?? '',
    text: bodies ? shown.text : '',
    ...(bodies && shown.encoding && { _encoding: shown.encoding }),
    ...(body.truncated && { comment: truncation(body) }),
  };
}

function harResponse(response: ExchangeResponse | null, httpVersion: string, bodies: boolean): HarResponse {
  if (response === null) {
    return { status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: -1 };
  }
  const statusLine = `${response.httpVersion} ${response.status} ${response.statusText}\r\n`;
  return {
    status: response.status,
    statusText: response.statusText,
    httpVersion: response.httpVersion || httpVersion,
    cookies: headerValues(response.headers, 'set-cookie').map(responseCookie),
    headers: nameValues(response.headers),
    content: harContent(response.body, firstHeader(response.headers, 'content-type'), bodies),
    redirectURL: firstHeader(response.headers, 'location') ?? '',
    // Rebuilt from the parsed headers (undici does not expose the raw bytes): "Name: value" lines.
    headersSize: response.httpVersion === 'HTTP/2' ? -1 : statusLine.length + response.headers.reduce((n, [name, value]) => n + name.length + value.length + 4, 0) + 2,
    bodySize: response.body?.size ?? 0,
  };
}

function harContent(body: CapturedBody | null, contentType: string | null, bodies: boolean): HarContent {
  const mimeType = contentType ?? 'x-unknown';
  if (body === null) return { size: 0, mimeType };
  const shown = bodyText(body.bytes);
  return {
    size: body.size,
    mimeType,
    ...(bodies && { text: shown.text }),
    ...(bodies && shown.encoding && { encoding: shown.encoding }),
    ...(body.truncated && { comment: truncation(body) }),
  };
}

function harTimings(t: ExchangeTimings): HarTimings {
  return {
    blocked: t.queuedMs === undefined ? -1 : round(t.queuedMs),
    dns: -1,
    connect: t.connectMs === undefined ? -1 : round(t.connectMs),
    send: round(t.sendMs ?? 0),
    wait: round(t.waitMs ?? 0),
    receive: round(t.receiveMs ?? 0),
    ssl: t.tlsMs === undefined ? -1 : round(t.tlsMs),
  };
}

function nameValues(headers: readonly HeaderPair[]): HarNameValue[] {
  return headers.map(([name, value]) => ({ name, value }));
}

/** `a=1&b=%20x` → [{a,1},{b,' x'}]; XCAP's `xmlns(p=urn:…)` splits at its first '=' like any other. */
function queryString(url: string): HarNameValue[] {
  const question = url.indexOf('?');
  if (question < 0) return [];
  const query = url.slice(question + 1).split('#')[0] ?? '';
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const equals = part.indexOf('=');
      return equals < 0 ? { name: decode(part), value: '' } : { name: decode(part.slice(0, equals)), value: decode(part.slice(equals + 1)) };
    });
}

function requestCookies(header: string): HarCookie[] {
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? { name: '', value: pair } : { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
    });
}

function responseCookie(header: string): HarCookie {
  const [first = '', ...attributes] = header.split(';');
  const equals = first.indexOf('=');
  const cookie: { -readonly [K in keyof HarCookie]: HarCookie[K] } = equals < 0 ? { name: '', value: first.trim() } : { name: first.slice(0, equals).trim(), value: first.slice(equals + 1).trim() };
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const value = rest.join('=').trim();
    switch (key.trim().toLowerCase()) {
      case 'path':
        cookie.path = value;
        break;
      case 'domain':
        cookie.domain = value;
        break;
      case 'expires': {
        const date = new Date(value);
        if (!Number.isNaN(date.getTime())) cookie.expires = date.toISOString();
        break;
      }
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'secure':
        cookie.secure = true;
        break;
    }
  }
  return cookie;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function truncation(body: CapturedBody): string {
  return `body truncated: ${body.bytes.byteLength} of ${body.size} bytes kept`;
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
