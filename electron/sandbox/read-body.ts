import type { IncomingMessage } from 'node:http';

/** The request body was larger than the server accepts (answered 413). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly code = 'body-too-large';
  constructor(readonly limit: number) {
    super(`the request body exceeds ${limit} bytes`);
  }
}

/** The client went away before sending its whole body: nobody is left to answer. */
export class ClientGoneError extends Error {
  override readonly name = 'ClientGoneError';
  readonly code = 'client-gone';
  constructor() {
    super('the client closed the connection before the end of the request body');
  }
}

/**
 * Reads the whole request body, refusing more than `limit` bytes without buffering them: a declared
 * Content-Length over the limit is refused before reading, a chunked body as soon as it passes it.
 * A refused body is left unread (paused), not destroyed, so the connection can still carry the 413.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise((resolve, reject) => new BodyReader(request, limit, resolve, reject).start());
}

/**
 * One body being read. A class with bound methods rather than closures: this runs for every PUT,
 * and under tsx (the CLI) every named closure costs a defineProperty for its name.
 */
class BodyReader {
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(
    private readonly request: IncomingMessage,
    private readonly limit: number,
    private readonly resolve: (body: Uint8Array) => void,
    private readonly reject: (error: Error) => void,
  ) {
    this.onData = this.onData.bind(this);
    this.onEnd = this.onEnd.bind(this);
    this.onError = this.onError.bind(this);
    this.onClose = this.onClose.bind(this);
  }

  start(): void {
    this.request.on('data', this.onData).on('end', this.onEnd).on('error', this.onError).on('close', this.onClose);
  }

  private stop(): void {
    this.request.off('data', this.onData).off('end', this.onEnd).off('error', this.onError).off('close', this.onClose);
  }

  private onData(chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.limit) {
      this.stop();
      this.request.pause();
      this.reject(new BodyTooLargeError(this.limit));
      return;
    }
    this.chunks.push(chunk);
  }

  private onEnd(): void {
    this.stop();
    this.resolve(new Uint8Array(this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks)));
  }

  private onError(error: Error): void {
    this.stop();
    // A client that hangs up mid-body surfaces as the request's 'aborted' error (ECONNRESET).
    this.reject((error as NodeJS.ErrnoException).code === 'ECONNRESET' || this.request.destroyed ? new ClientGoneError() : error);
  }

  private onClose(): void {
    this.onError(new ClientGoneError());
  }
}

/**
 * RFC 9112 §9.6 staged close, after a 413 that leaves part of the body unread. Closing a socket on
 * unread data makes TCP send a reset, which can destroy the 413 before the client has read it (a
 * client still uploading loses it). So the 413 goes out with Connection: close, and then the socket
 * is only half-closed: what still arrives is read and discarded (never buffered) until the client
 * closes too, or `graceMs` have passed.
 */
export function closeInStages(request: IncomingMessage, graceMs = 2_000): void {
  const socket = request.socket;
  // Node ends a Connection: close response with socket.destroySoon(); make that the half-close.
  socket.destroySoon = () => void socket.end();
  const timer = setTimeout(() => socket.destroy(), graceMs).unref();
  socket.once('close', () => clearTimeout(timer));
  request.resume();
}
