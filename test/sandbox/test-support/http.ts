/**
 * Raw HTTP for the sandbox conformance suite: node:http / node:https, so the request-target goes on
 * the wire exactly as written (no URL normalisation), and a Digest session on top of it that answers
 * the first 401 and then reuses the nonce with an incrementing nonce-count, as RFC 7616 clients do.
 */
import type { Agent as HttpAgent, IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import { request as httpsRequest } from 'node:https';
import { digestAuthorization, parseChallenge, type ChallengeParams } from '../../../electron/sandbox/auth/test-support/digest-client';

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Every header as sent, one array entry per field line (WWW-Authenticate comes twice or three times). */
  readonly headersDistinct: Readonly<Record<string, string[] | undefined>>;
  readonly bytes: Buffer;
  readonly text: string;
}

export interface RequestOptions {
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: string | Uint8Array;
}

/** Where requests go: the server's origin (`http://127.0.0.1:1234`) and, for HTTPS, an agent trusting its certificate. */
export class Endpoint {
  readonly origin: string;

  constructor(
    rootUrl: string,
    readonly agent?: HttpAgent | HttpsAgent,
  ) {
    this.origin = new URL(rootUrl).origin;
  }

  /** The origin-form request-target of an absolute URL on this server, exactly as written. */
  target(url: string): string {
    if (url.startsWith('/')) return url;
    if (!url.startsWith(this.origin + '/')) throw new Error(`${url} is not on ${this.origin}`);
    return url.slice(this.origin.length);
  }

  /** One request, no authentication added. `url` is absolute on this server or an origin-form target. */
  send(method: string, url: string, options: RequestOptions = {}): Promise<HttpResponse> {
    const { hostname, port, protocol } = new URL(this.origin);
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : Buffer.from(options.body);
    const headers: OutgoingHttpHeaders = { ...options.headers };
    if (body !== undefined) headers['Content-Length'] = body.length;
    const send = protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const request = send({ hostname, port, method, path: this.target(url), headers, agent: this.agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, headersDistinct: response.headersDistinct, bytes, text: bytes.toString('utf8') });
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }
}

export type DigestAlgorithm = 'SHA-256' | 'MD5';

/**
 * A user talking Digest to the sandbox: the first request draws the 401, later ones reuse its nonce
 * with nc 2, 3, …; a 401 with stale=true is answered once more with the fresh nonce.
 */
export class DigestSession {
  challenge: ChallengeParams | null = null;
  nc = 0;
  /** The 401 responses this session has answered (the handshake ones, and stale ones). */
  readonly challenges: HttpResponse[] = [];

  constructor(
    readonly endpoint: Endpoint,
    readonly username: string,
    readonly password: string,
    readonly algorithm: DigestAlgorithm = 'SHA-256',
  ) {}

  /** Adopts the Digest challenge of a 401 for this session's algorithm (nc restarts at 1). */
  adopt(response: HttpResponse): ChallengeParams {
    const values = response.headersDistinct['www-authenticate'] ?? [];
    const challenge = values.filter((value) => value.startsWith('Digest ')).map(parseChallenge).find((params) => params.algorithm === this.algorithm);
    if (!challenge) throw new Error(`no ${this.algorithm} Digest challenge in ${JSON.stringify(values)}`);
    this.challenge = challenge;
    this.nc = 0;
    this.challenges.push(response);
    return challenge;
  }

  /** The next Authorization value for `method` on `url` (consumes a nonce-count). */
  authorization(method: string, url: string, password = this.password): string {
    if (!this.challenge) throw new Error('no challenge yet');
    this.nc += 1;
    return digestAuthorization(this.challenge, { username: this.username, password, method, uri: this.endpoint.target(url), nc: this.nc });
  }

  async request(method: string, url: string, options: RequestOptions = {}): Promise<HttpResponse> {
    if (!this.challenge) {
      const first = await this.endpoint.send(method, url, options);
      if (first.status !== 401) return first;
      this.adopt(first);
    }
    const response = await this.send(method, url, options);
    if (response.status === 401 && parseStale(response)) {
      this.adopt(response);
      return this.send(method, url, options);
    }
    return response;
  }

  get(url: string, headers: OutgoingHttpHeaders = {}): Promise<HttpResponse> {
    return this.request('GET', url, { headers });
  }

  put(url: string, body: string | Uint8Array, contentType: string, headers: OutgoingHttpHeaders = {}): Promise<HttpResponse> {
    return this.request('PUT', url, { body, headers: { 'Content-Type': contentType, ...headers } });
  }

  delete(url: string, headers: OutgoingHttpHeaders = {}): Promise<HttpResponse> {
    return this.request('DELETE', url, { headers });
  }

  private send(method: string, url: string, options: RequestOptions): Promise<HttpResponse> {
    return this.endpoint.send(method, url, { ...options, headers: { ...options.headers, Authorization: this.authorization(method, url) } });
  }
}

/** Whether a 401 says the nonce was stale (every Digest challenge then carries stale=true). */
export function parseStale(response: HttpResponse): boolean {
  const digest = (response.headersDistinct['www-authenticate'] ?? []).filter((value) => value.startsWith('Digest '));
  return digest.length > 0 && digest.every((value) => parseChallenge(value).stale === 'true');
}

/** An ETag header value, asserting there is exactly one well-formed strong tag. */
export function etagOf(response: HttpResponse): string {
  const etag = response.headers.etag;
  if (typeof etag !== 'string' || !/^"[^"]+"$/.test(etag)) throw new Error(`expected a strong ETag, got ${String(etag)} (status ${response.status})`);
  return etag;
}

export interface StreamedResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** Body bytes the client managed to hand to the socket before the answer came. */
  readonly written: number;
}

/**
 * A PUT with a `total`-byte body written in 64 KiB chunks, with back-pressure, until the server
 * answers: with `Content-Length: total` when `declareLength`, chunked otherwise. Errors after the
 * answer (the server closing the connection on the rest of the body) are expected and ignored.
 */
export function streamBody(endpoint: Endpoint, url: string, options: { total: number; declareLength: boolean; headers: OutgoingHttpHeaders }): Promise<StreamedResponse> {
  const { hostname, port } = new URL(endpoint.origin);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const headers: OutgoingHttpHeaders = { ...options.headers, Connection: 'close' };
  if (options.declareLength) headers['Content-Length'] = options.total;
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered = false;
    const request = httpRequest({ hostname, port, method: 'PUT', path: endpoint.target(url), headers, agent: false }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (data: Buffer) => chunks.push(data));
      response.on('error', () => undefined);
      response.on('close', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8'), written });
        request.destroy();
      });
    });
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = (): void => {
      while (!answered && written < options.total) {
        const size = Math.min(chunk.length, options.total - written);
        written += size;
        if (!request.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          request.once('drain', pump);
          return;
        }
      }
      if (!answered) request.end();
    };
    pump();
  });
}
