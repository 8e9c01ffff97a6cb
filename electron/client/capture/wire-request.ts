import type { HeaderPair } from './exchange';

/**
 * The request as undici wrote it, from the header block it publishes on `undici:client:sendHeaders`:
 * for HTTP/1.1 `METHOD target HTTP/1.1\r\n` then `name: value\r\n` lines (no final CRLF, and without
 * the framing header, which undici appends when it writes the body); for HTTP/2 `name: value\r\n`
 * lines including the pseudo-headers and content-length.
 */
export interface WireRequest {
  readonly requestLine: { readonly method: string; readonly target: string; readonly httpVersion: string } | null;
  readonly headers: HeaderPair[];
  /** Bytes of the block as published (latin1: one byte per character). */
  readonly size: number;
}

export function parseHeaderBlock(block: string): WireRequest {
  const lines = block.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  let requestLine: WireRequest['requestLine'] = null;
  const first = lines[0] ?? '';
  const match = /^(\S+) (\S+) (HTTP\/\d(?:\.\d)?)$/.exec(first);
  if (match) {
    requestLine = { method: match[1] ?? '', target: match[2] ?? '', httpVersion: match[3] ?? '' };
    lines.shift();
  }
  const headers: HeaderPair[] = [];
  for (const line of lines) {
    // A pseudo-header (h2) starts with ':'; undici writes exactly one space after the separator.
    const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
    if (colon <= 0) continue;
    const value = line.slice(colon + 1);
    headers.push([line.slice(0, colon), value.startsWith(' ') ? value.slice(1) : value]);
  }
  return { requestLine, headers, size: block.length };
}

/** Methods after which undici always frames a body (`content-length: 0` when empty). */
const EXPECTS_PAYLOAD: ReadonlySet<string> = new Set(['PUT', 'POST', 'PATCH', 'QUERY', 'PROPFIND', 'PROPPATCH']);

export type BodyKind = 'none' | 'buffer' | 'stream';

export interface FramingInput {
  readonly method: string;
  readonly bodyKind: BodyKind;
  /** Length known before writing (buffer/Blob size, ended stream, or a content-length the caller set). */
  readonly knownLength: number | null;
  /** Body bytes written so far. */
  readonly bytesSent: number;
}

/**
 * The framing header undici 7's HTTP/1.1 writer appends after the published block (client-h1.js
 * writeBuffer/writeBlob/AsyncWriter): content-length for in-memory bodies and streams of known
 * length, transfer-encoding: chunked otherwise, content-length: 0 on an empty PUT/POST.
 */
export function framingHeader(input: FramingInput): HeaderPair | null {
  const expectsPayload = EXPECTS_PAYLOAD.has(input.method);
  const empty: HeaderPair | null = expectsPayload ? ['content-length', '0'] : null;
  switch (input.bodyKind) {
    case 'none':
      return empty;
    case 'buffer':
      return input.knownLength === null || input.knownLength === 0 ? empty : ['content-length', String(input.knownLength)];
    case 'stream':
      if (input.bytesSent === 0) return empty;
      return input.knownLength === null ? ['transfer-encoding', 'chunked'] : ['content-length', String(input.knownLength)];
  }
}

/** What undici's Request holds about its body, read defensively (it is undici's internal object). */
export function describeUndiciBody(request: { body?: unknown; contentLength?: unknown }): { kind: BodyKind; knownLength: number | null } {
  const body = request.body;
  const declared = typeof request.contentLength === 'number' ? request.contentLength : null;
  if (body === null || body === undefined) return { kind: 'none', knownLength: null };
  if (body instanceof Uint8Array) return { kind: 'buffer', knownLength: body.byteLength };
  if (typeof Blob !== 'undefined' && body instanceof Blob) return { kind: 'buffer', knownLength: body.size };
  const state = (body as { _readableState?: { objectMode?: boolean; ended?: boolean; length?: number } })._readableState;
  if (state && state.objectMode === false && state.ended === true && Number.isFinite(state.length)) {
    return { kind: 'stream', knownLength: state.length ?? null };
  }
  return { kind: 'stream', knownLength: declared };
}
