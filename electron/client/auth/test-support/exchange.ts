/**
 * A minimal transport for the tests: node:http(s) requests driven through an Authenticator exactly
 * as authenticator.ts describes (authorize, send, challenge on 401, authorize again, complete).
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AuthRequest, Authenticator } from '../authenticator';

export interface ExchangeOptions {
  readonly method?: string;
  readonly body?: string;
  readonly headers?: OutgoingHttpHeaders;
  /** CA to trust for https:// (the sandbox's self-signed certificate). */
  readonly ca?: string;
  /** Called before each retry: lets a test let a nonce go stale between the 401 and the answer. */
  readonly beforeRetry?: () => Promise<void>;
}

export interface Exchange {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** Every send: its Authorization (or null) and the status it got. */
  readonly rounds: { authorization: string | null; status: number; wwwAuthenticate: string[] }[];
}

/** Sends `url` through `auth`. Rejects with the authenticator's AuthError when it gives up. */
export async function exchange(auth: Authenticator, url: string, options: ExchangeOptions = {}): Promise<Exchange> {
  const parsed = new URL(url);
  const target = url.slice(parsed.origin.length);
  const body = options.body === undefined ? null : new TextEncoder().encode(options.body);
  const request: AuthRequest = { method: options.method ?? 'GET', url: parsed, target, body, secure: parsed.protocol === 'https:' };
  const rounds: Exchange['rounds'] = [];
  let authorization = await auth.authorize(request);
  // The authenticator must stop the loop itself; 5 catches one that does not.
  for (let send = 1; send <= 5; send++) {
    const response = await sendOnce(request, authorization, options);
    const wwwAuthenticate = response.headersDistinct['www-authenticate'] ?? [];
    rounds.push({ authorization, status: response.status, wwwAuthenticate });
    if (response.status !== 401) {
      auth.complete?.(request, response.status, response.headers as Record<string, string | string[]>, response.body);
      return { status: response.status, headers: response.headers, body: response.body, rounds };
    }
    const verdict = await auth.challenge(request, wwwAuthenticate);
    if (verdict.action === 'give-up') throw Object.assign(verdict.error, { rounds });
    await options.beforeRetry?.();
    authorization = await auth.authorize(request);
  }
  throw new Error('the authenticator kept answering 401s');
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  headersDistinct: Record<string, string[] | undefined>;
  body: Buffer;
}

function sendOnce(request: AuthRequest, authorization: string | null, options: ExchangeOptions): Promise<RawResponse> {
  const headers: OutgoingHttpHeaders = { ...options.headers };
  if (authorization !== null) headers.Authorization = authorization;
  if (request.body !== null) headers['Content-Length'] = request.body.length;
  const secure = request.url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      { hostname: request.url.hostname, port: request.url.port, method: request.method, path: request.target, headers, agent: false, ...(secure && options.ca !== undefined ? { ca: options.ca } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, headersDistinct: response.headersDistinct, body: Buffer.concat(chunks) }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body ?? undefined);
  });
}
