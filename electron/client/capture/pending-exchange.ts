import { BodyCapture, inMemoryBody } from './body-capture';
import type { ConnectionTracker, SocketRecord } from './connection-tracker';
import type { AttemptKind, ConnectionInfo, Exchange, ExchangeError, ExchangeRequest, ExchangeResponse, HeaderPair } from './exchange';
import { describeError } from './exchange-error';
import { pairsFromDispatchHeaders, pairsFromRaw } from './header-pairs';
import { socketAddresses, type SocketAddresses } from './socket-details';
import { computeTimings } from './timings';
import type { BodyKind, WireRequest } from './wire-request';
import { describeUndiciBody, framingHeader, parseHeaderBlock } from './wire-request';
import { decodeXcapView } from './xcap-view';

export interface DispatchInfo {
  readonly id: number;
  readonly attempt: AttemptKind;
  readonly label: string | null;
  readonly origin: unknown;
  readonly path: unknown;
  readonly method: unknown;
  readonly headers: unknown;
  readonly body: unknown;
  readonly query: unknown;
}

export interface PendingSettings {
  readonly maxBodyBytes: number;
  readonly tracker: ConnectionTracker;
  readonly xcapRoot?: string;
}

/**
 * One exchange while it happens. Fed by the interceptor's handler (dispatch options, response
 * start/data/end, error) and by the diagnostics channels (exact header block, socket, body chunks,
 * raw response headers); `snapshot()` turns what is known into an Exchange at any time.
 */
export class PendingExchange {
  readonly id: number;
  readonly method: string;
  readonly dispatchPath: string;
  readonly #settings: PendingSettings;
  readonly #attempt: AttemptKind;
  readonly #label: string | null;
  readonly #startedAt = new Date().toISOString();
  readonly #start = performance.now();
  readonly #origin: string;
  readonly #dispatchHeaders: HeaderPair[];
  readonly #requestBody: BodyCapture;
  /** True when the body was captured at dispatch; streams are captured as undici writes them. */
  readonly #bodyFromDispatch: boolean;
  #wire: WireRequest | null = null;
  #body: { kind: BodyKind; knownLength: number | null } = { kind: 'none', knownLength: null };
  #bytesSent = 0;
  #socket: { record: SocketRecord; reused: boolean; addresses: SocketAddresses } | null = null;
  #headersSent: number | undefined;
  #requestSent: number | undefined;
  #response: { status: number; statusText: string; headers: HeaderPair[] } | null = null;
  #responseBody: BodyCapture;
  #trailers: HeaderPair[] = [];
  #firstByte: number | undefined;
  #wireEnd: number | undefined;
  #end: number | undefined;
  #error: ExchangeError | null = null;
  #final: Exchange | null = null;

  constructor(info: DispatchInfo, settings: PendingSettings) {
    this.id = info.id;
    this.#settings = settings;
    this.#attempt = info.attempt;
    this.#label = info.label;
    this.method = typeof info.method === 'string' ? info.method : String(info.method);
    this.#origin = String(info.origin ?? '').replace(/\/+$/, '');
    this.dispatchPath = typeof info.path === 'string' ? info.path : String(info.path ?? '/');
    const query = info.query !== undefined && info.query !== null ? new URLSearchParams(info.query as Record<string, string>).toString() : '';
    if (query) this.dispatchPath += `${this.dispatchPath.includes('?') ? '&' : '?'}${query}`;
    this.#dispatchHeaders = pairsFromDispatchHeaders(info.headers);
    this.#requestBody = new BodyCapture(settings.maxBodyBytes);
    this.#responseBody = new BodyCapture(settings.maxBodyBytes);
    const bytes = inMemoryBody(info.body);
    this.#bodyFromDispatch = bytes !== undefined;
    if (bytes) this.#requestBody.add(bytes);
  }

  get finished(): boolean {
    return this.#final !== null;
  }

  /** Does an undici Request look like the one this exchange dispatched? (Guards the binding.) */
  matches(request: { method?: unknown; path?: unknown }): boolean {
    return request.method === this.method && request.path === this.dispatchPath;
  }

  /** `undici:client:sendHeaders`: the header block as written, on this socket. A re-send replaces it. */
  headersSent(block: string, socket: unknown, request: { body?: unknown; contentLength?: unknown }): void {
    this.#headersSent = performance.now();
    this.#wire = parseHeaderBlock(block);
    this.#body = describeUndiciBody(request);
    this.#bytesSent = 0;
    if (!this.#bodyFromDispatch) this.#requestBody.reset();
    const use = this.#settings.tracker.use(socket);
    this.#socket = use && { ...use, addresses: socketAddresses(socket) };
  }

  bodyChunkSent(chunk: unknown): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk instanceof Uint8Array ? chunk : null;
    if (bytes === null) return;
    this.#bytesSent += bytes.byteLength;
    if (!this.#bodyFromDispatch) this.#requestBody.add(bytes);
  }

  requestSent(): void {
    this.#requestSent = performance.now();
  }

  /** Response status line and raw headers (diagnostics first; the handler's parsed copy is a fallback). */
  responseStarted(status: number, rawHeaders: unknown, statusText: unknown): void {
    if (this.#response !== null) return;
    this.#firstByte = performance.now();
    this.#response = { status, statusText: typeof statusText === 'string' ? statusText : '', headers: pairsFromRaw(rawHeaders) };
  }

  responseData(chunk: Uint8Array): void {
    this.#responseBody.add(chunk);
  }

  /**
   * `undici:request:trailers` / `undici:request:error`: undici's Request saw the end, just before
   * the handler chain does. Takes the time and the raw trailers; the handler then finalises.
   */
  ended(rawTrailers?: unknown): void {
    this.#wireEnd ??= performance.now();
    if (rawTrailers !== undefined) this.#trailers = pairsFromRaw(rawTrailers);
  }

  /** The response ended (trailers, possibly none). Returns the final record. */
  complete(rawTrailers: unknown): Exchange {
    if (this.#final) return this.#final;
    this.#end = this.#wireEnd ?? performance.now();
    if (this.#trailers.length === 0) this.#trailers = pairsFromRaw(rawTrailers);
    return (this.#final = this.snapshot());
  }

  /** The request failed (before or after the response started). Returns the final record. */
  fail(error: unknown): Exchange {
    if (this.#final) return this.#final;
    this.#end = this.#wireEnd ?? performance.now();
    this.#error = describeError(error);
    return (this.#final = this.snapshot());
  }

  /** The exchange as known now (final once complete or failed). */
  snapshot(): Exchange {
    if (this.#final) return this.#final;
    const request = this.#requestRecord();
    const response = this.#responseRecord(request.httpVersion);
    const socket = this.#socket;
    const connection: ConnectionInfo = socket ? { reused: socket.reused, id: socket.record.id, ...socket.addresses, ...(socket.record.tls && { tls: socket.record.tls }) } : { reused: false };
    return {
      id: this.id,
      startedAt: this.#startedAt,
      attempt: this.#attempt,
      label: this.#label,
      request,
      response,
      error: this.#error,
      timings: computeTimings({
        start: this.#start,
        end: this.#end ?? performance.now(),
        reused: socket?.reused ?? false,
        ...(socket?.record.connectStart !== undefined && { connectStart: socket.record.connectStart }),
        ...(socket?.record.connectEnd !== undefined && { connectEnd: socket.record.connectEnd }),
        ...(socket?.record.tlsMs !== undefined && { tlsMs: socket.record.tlsMs }),
        ...(this.#headersSent !== undefined && { headersSent: this.#headersSent }),
        ...(this.#requestSent !== undefined && { requestSent: this.#requestSent }),
        ...(this.#firstByte !== undefined && { firstByte: this.#firstByte }),
      }),
      connection,
      xcap: this.#end === undefined ? null : decodeXcapView(request, response, this.#settings.xcapRoot === undefined ? {} : { root: this.#settings.xcapRoot }),
      redacted: false,
    };
  }

  #requestRecord(): ExchangeRequest {
    const wire = this.#wire;
    const line = wire?.requestLine ?? null;
    const target = line?.target ?? pseudo(wire, ':path') ?? this.dispatchPath;
    const httpVersion = line?.httpVersion ?? (wire ? 'HTTP/2' : 'HTTP/1.1');
    let headers = wire ? wire.headers : this.#dispatchHeaders;
    let headersSize = -1;
    if (wire && line) {
      const framing = framingHeader({ method: this.method, bodyKind: this.#body.kind, knownLength: this.#body.knownLength, bytesSent: this.#bytesSent });
      if (framing) headers = [...headers, framing];
      headersSize = wire.size + (framing ? framing[0].length + framing[1].length + 4 : 0) + 2;
    }
    return {
      method: this.method,
      url: /^https?:\/\//i.test(target) ? target : `${this.#origin}${target.startsWith('/') ? target : `/${target}`}`,
      target,
      httpVersion,
      headers,
      sent: wire !== null,
      headersSize,
      body: this.#requestBody.result(),
    };
  }

  #responseRecord(httpVersion: string): ExchangeResponse | null {
    if (this.#response === null) return null;
    return { ...this.#response, httpVersion, body: this.#responseBody.result(), trailers: this.#trailers };
  }
}

function pseudo(wire: WireRequest | null, name: string): string | null {
  return wire?.headers.find(([n]) => n === name)?.[1] ?? null;
}
