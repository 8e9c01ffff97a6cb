import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { Exchange } from './exchange';
import type { PendingExchange } from './pending-exchange';

/** What the handler reports to its recorder. Implementations never throw (the recorder guards them). */
export interface RecordingSink {
  /** undici is about to write this request on a socket (binding window for the diagnostics). */
  writing(pending: PendingExchange): void;
  finished(exchange: Exchange): void;
  /** Reports a capture failure; never lets it reach the request. */
  guard(action: () => void): void;
}

/**
 * The dispatch handler the recorder's interceptor puts under the caller's handler: it notes the
 * response as it streams through and forwards every callback unchanged, so the caller sees exactly
 * what it would without capture. Capture code runs guarded; the caller's own callbacks are not
 * wrapped (their exceptions are theirs, as without capture).
 */
export class RecordingHandler implements Dispatcher.DispatchHandler {
  readonly #next: Dispatcher.DispatchHandler;
  readonly #pending: PendingExchange;
  readonly #sink: RecordingSink;

  constructor(next: Dispatcher.DispatchHandler, pending: PendingExchange, sink: RecordingSink) {
    this.#next = next;
    this.#pending = pending;
    this.#sink = sink;
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#sink.guard(() => this.#sink.writing(this.#pending));
    this.#next.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, socket: Duplex): void {
    this.#next.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, statusMessage?: string): void {
    this.#sink.guard(() => {
      // undici's controller carries the raw header list; the parsed object is the fallback.
      const raw = (controller as { rawHeaders?: unknown }).rawHeaders;
      this.#pending.responseStarted(statusCode, Array.isArray(raw) ? raw : headers, statusMessage);
    });
    this.#next.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#sink.guard(() => this.#pending.responseData(chunk));
    this.#next.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    this.#sink.guard(() => {
      const raw = (controller as { rawTrailers?: unknown }).rawTrailers;
      this.#sink.finished(this.#pending.complete(Array.isArray(raw) ? raw : trailers));
    });
    this.#next.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.#sink.guard(() => this.#sink.finished(this.#pending.fail(error)));
    this.#next.onResponseError?.(controller, error);
  }
}
