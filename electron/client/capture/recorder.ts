import type { Dispatcher } from 'undici';
import { CaptureError } from './capture-error';
import { ConnectionTracker } from './connection-tracker';
import { field, subscribeGuarded } from './diagnostics';
import type { Exchange } from './exchange';
import { ExchangeLog } from './exchange-log';
import { readMark } from './mark';
import { PendingExchange } from './pending-exchange';
import { RecordingHandler, type RecordingSink } from './recording-handler';
import { redactExchange, type RedactOptions } from './redact';
import { SafeEmitter } from './safe-emitter';

export interface TrafficRecorderOptions {
  /** Exchanges kept (oldest dropped first). Default 500. */
  readonly maxExchanges?: number;
  /** Bytes kept of each request and response body; the rest is counted, not stored. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Body bytes kept across all exchanges; oldest exchanges go first. Default 64 MiB. */
  readonly maxTotalBodyBytes?: number;
  /** The profile's XCAP root, for decoding URLs (see xcap-view.ts). */
  readonly xcapRoot?: string;
  /** Headers redacted entirely in what the recorder hands out, besides the credential headers. */
  readonly secretHeaders?: readonly string[];
  /** A listener or a capture step threw. Default: a process warning (never an exception). */
  readonly onError?: (error: unknown, where: string) => void;
}

export interface TrafficEvents extends Record<string, unknown[]> {
  /** The header block went out on a socket; no response yet. (A request that never reached a socket only ends with 'exchange'.) */
  request: [exchange: Exchange];
  /** The exchange ended: response complete, or error. */
  exchange: [exchange: Exchange];
}

export const DEFAULTS = { maxExchanges: 500, maxBodyBytes: 1024 * 1024, maxTotalBodyBytes: 64 * 1024 * 1024 } as const;

/**
 * Records every HTTP exchange dispatched through its interceptor:
 *
 *   const recorder = new TrafficRecorder();
 *   const dispatcher = agent.compose(recorder.interceptor());   // first in compose(): closest to the wire
 *   await dispatcher.request(markRequest({ origin, path, method, headers, body }, { attempt: 'auth-retry' }));
 *   recorder.list();   // redacted unless { reveal: true }
 *
 * Ownership: undici's diagnostics channels are process-wide, so the recorder only records requests
 * its own interceptor dispatched. It ties undici's internal Request to the dispatch at the moments
 * undici guarantees to be synchronous: Request creation inside the dispatch call, or, for requests
 * that waited in a Pool queue, the request-start callback undici makes right before publishing
 * the header block. Both ties are checked against method and path. Requests of other agents, of
 * Node's global fetch, or of another recorder are ignored.
 *
 * Everything the recorder hands out (list, get, events) is redacted unless `reveal` is asked for.
 * Call close() when done: diagnostics subscriptions keep the recorder alive.
 */
export class TrafficRecorder {
  readonly #options: TrafficRecorderOptions;
  readonly #maxBodyBytes: number;
  readonly #log: ExchangeLog;
  readonly #tracker = new ConnectionTracker();
  readonly #events: SafeEmitter<TrafficEvents>;
  readonly #bound = new WeakMap<object, PendingExchange>();
  readonly #unsubscribe: () => void;
  #dispatching: PendingExchange | null = null;
  #writing: PendingExchange | null = null;
  #nextId = 1;
  #closed = false;

  constructor(options: TrafficRecorderOptions = {}) {
    this.#options = options;
    const maxExchanges = positiveInteger(options.maxExchanges, 'maxExchanges', DEFAULTS.maxExchanges);
    this.#maxBodyBytes = positiveInteger(options.maxBodyBytes, 'maxBodyBytes', DEFAULTS.maxBodyBytes, 0);
    this.#log = new ExchangeLog(maxExchanges, positiveInteger(options.maxTotalBodyBytes, 'maxTotalBodyBytes', DEFAULTS.maxTotalBodyBytes, 0));
    this.#events = new SafeEmitter((error, event) => this.#report(error, `'${event}' listener`));
    this.#unsubscribe = subscribeGuarded(
      {
        create: (m) => this.#onCreate(field(m, 'request')),
        sendHeaders: (m) => this.#onSendHeaders(field(m, 'request'), field(m, 'headers'), field(m, 'socket')),
        bodyChunkSent: (m) => this.#pendingOf(field(m, 'request'))?.bodyChunkSent(field(m, 'chunk')),
        bodySent: (m) => this.#pendingOf(field(m, 'request'))?.requestSent(),
        headers: (m) => {
          const response = field(m, 'response');
          const status = field(response, 'statusCode');
          if (typeof status === 'number') this.#pendingOf(field(m, 'request'))?.responseStarted(status, field(response, 'headers'), field(response, 'statusText'));
        },
        beforeConnect: (m) => this.#tracker.beforeConnect(field(m, 'connector')),
        connected: (m) => this.#tracker.connected(field(m, 'connector'), field(m, 'socket')),
        connectError: (m) => this.#tracker.connectError(field(m, 'connector')),
        trailers: (m) => this.#pendingOf(field(m, 'request'))?.ended(field(m, 'trailers')),
        error: (m) => this.#pendingOf(field(m, 'request'))?.ended(),
      },
      (error, channel) => this.#report(error, `diagnostics subscriber ${channel}`),
    );
  }

  /**
   * The undici interceptor. Put it first in `compose()` so that each dispatch it sees is one
   * request on the wire (an outer retry or redirect interceptor then shows as several exchanges).
   */
  interceptor(): Dispatcher.DispatcherComposeInterceptor {
    return (dispatch) => (options, handler) => {
      const pending = this.#closed ? null : this.#begin(options);
      if (pending === null) return dispatch(options, handler);
      this.#dispatching = pending;
      try {
        return dispatch(options, new RecordingHandler(handler, pending, this.#sink));
      } finally {
        this.#dispatching = null;
      }
    };
  }

  /** Finished exchanges, oldest first. */
  list(options: RedactOptions = {}): Exchange[] {
    return this.#log.list().map((exchange) => this.#out(exchange, options));
  }

  get(id: number, options: RedactOptions = {}): Exchange | undefined {
    const exchange = this.#log.get(id);
    return exchange && this.#out(exchange, options);
  }

  get size(): number {
    return this.#log.size;
  }

  clear(): void {
    this.#log.clear();
  }

  /** Listens to 'request' or 'exchange' (redacted records). Returns the function that stops listening. */
  on<K extends keyof TrafficEvents>(event: K, listener: (...args: TrafficEvents[K]) => void): () => void {
    return this.#events.on(event, listener);
  }

  off<K extends keyof TrafficEvents>(event: K, listener: (...args: TrafficEvents[K]) => void): void {
    this.#events.off(event, listener);
  }

  /** Stops recording (the interceptor then passes requests through) and drops listeners. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    this.#events.removeAll();
  }

  readonly #sink: RecordingSink = {
    writing: (pending) => {
      // undici publishes this request's header block synchronously after this callback.
      this.#writing = pending;
      queueMicrotask(() => {
        if (this.#writing === pending) this.#writing = null;
      });
    },
    finished: (exchange) => {
      if (this.#closed) return;
      this.#log.add(exchange);
      if (this.#events.hasListeners('exchange')) this.#events.emit('exchange', this.#out(exchange, {}));
    },
    guard: (action) => {
      try {
        action();
      } catch (error) {
        this.#report(error, 'capture');
      }
    },
  };

  #begin(options: Dispatcher.DispatchOptions): PendingExchange | null {
    try {
      const mark = readMark(options);
      return new PendingExchange(
        { id: this.#nextId++, ...mark, origin: options.origin, path: options.path, method: options.method, headers: options.headers, body: options.body, query: options.query },
        { maxBodyBytes: this.#maxBodyBytes, tracker: this.#tracker, ...(this.#options.xcapRoot !== undefined && { xcapRoot: this.#options.xcapRoot }) },
      );
    } catch (error) {
      this.#report(error, 'capture');
      return null;
    }
  }

  #onCreate(request: unknown): void {
    const pending = this.#dispatching;
    if (pending === null || typeof request !== 'object' || request === null || !pending.matches(request)) return;
    this.#dispatching = null; // one dispatch, one Request
    this.#bound.set(request, pending);
  }

  #onSendHeaders(request: unknown, block: unknown, socket: unknown): void {
    if (typeof request !== 'object' || request === null || typeof block !== 'string') return;
    let pending = this.#bound.get(request);
    if (!pending && this.#writing?.matches(request)) {
      pending = this.#writing;
      this.#bound.set(request, pending);
    }
    this.#writing = null;
    if (!pending || pending.finished) return;
    pending.headersSent(block, socket, request);
    if (this.#events.hasListeners('request')) this.#events.emit('request', this.#out(pending.snapshot(), {}));
  }

  #pendingOf(request: unknown): PendingExchange | undefined {
    if (typeof request !== 'object' || request === null) return undefined;
    const pending = this.#bound.get(request);
    return pending && !pending.finished ? pending : undefined;
  }

  #out(exchange: Exchange, options: RedactOptions): Exchange {
    return redactExchange(exchange, { ...options, ...(this.#options.secretHeaders && { secretHeaders: [...this.#options.secretHeaders, ...(options.secretHeaders ?? [])] }) });
  }

  #report(error: unknown, where: string): void {
    try {
      const onError = this.#options.onError;
      if (onError) onError(error, where);
      else process.emitWarning(`traffic capture: ${where} failed: ${error instanceof Error ? error.message : String(error)}`, { code: 'XCAP_CAPTURE' });
    } catch {
      // Reporting failed: nothing safer to do than drop it (it must not reach undici).
    }
  }
}

function positiveInteger(value: number | undefined, name: string, fallback: number, minimum = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < minimum) throw new CaptureError('invalid-option', `${name} must be an integer ≥ ${minimum}, not ${String(value)}`);
  return value;
}
