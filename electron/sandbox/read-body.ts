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
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        request.pause();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(new Uint8Array(Buffer.concat(chunks)));
    };
    const onError = (error: Error) => {
      stop();
      // A client that hangs up mid-body surfaces as the request's 'aborted' error (ECONNRESET).
      reject((error as NodeJS.ErrnoException).code === 'ECONNRESET' || request.destroyed ? new ClientGoneError() : error);
    };
    const onClose = () => onError(new ClientGoneError());
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
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
