/**
 * The seam between the XCAP client's transport and HTTP authentication schemes. Digest, Basic and
 * "none" implement it today; the GBA / Digest-AKA authenticator (TS 33.222, TS 24.109) plugs in
 * beside them later without the transport changing.
 *
 * One exchange, as the transport drives it:
 *
 *   const request: AuthRequest = { method, url, target, body, secure };   // ONE object per request
 *   let authorization = await auth.authorize(request);
 *   for (;;) {
 *     const response = await send(request, authorization);
 *     if (response.status !== 401) break;
 *     const verdict = await auth.challenge(request, wwwAuthenticateValues(response));
 *     if (verdict.action === 'give-up') throw verdict.error;            // an AuthError with a code
 *     authorization = await auth.authorize(request);                    // the answer to the challenge
 *   }
 *   auth.complete?.(request, response.status, response.headers, response.body);  // may throw
 *
 * Authenticators keep per-request state (how many challenges were answered, which nonce and
 * nonce-count were sent) keyed by the AuthRequest object's identity: pass the same object through
 * one request's whole exchange, and a new object for every new request. The authenticator, not the
 * transport, bounds the rounds: it gives up instead of answering an endless run of 401s, so the
 * transport may simply loop until give-up (a safety cap must allow 3 sends: see challenge()).
 */
import type { AuthError } from './auth-error';

export interface AuthRequest {
  /** The method as sent, e.g. "PUT". */
  readonly method: string;
  readonly url: URL;
  /** The request-target exactly as sent, e.g. `/xcap-root/…/~~/resource-lists/list%5B@name=%22a%22%5D`. Digest signs this, not `url`. */
  readonly target: string;
  /** The body as sent (Digest auth-int hashes it); null when there is none. */
  readonly body: Uint8Array | null;
  /** Whether the connection is TLS: Basic refuses to send a password otherwise. */
  readonly secure: boolean;
}

/** Response headers as undici and node:http give them: lowercase names, repeated fields as arrays. */
export type ResponseHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

export type ChallengeVerdict = { readonly action: 'retry' } | { readonly action: 'give-up'; readonly error: AuthError };

/** 'digest' | 'basic' | 'none' today; the string part lets later schemes (e.g. 'gba') name themselves. */
export type AuthSchemeName = 'digest' | 'basic' | 'none' | (string & {});

export interface Authenticator {
  readonly scheme: AuthSchemeName;

  /**
   * The Authorization value to send with this request, or null for none. Before any 401 it is the
   * preemptive value (Digest reusing a known nonce with the next nonce-count); after challenge()
   * said 'retry' it is the answer to that challenge.
   */
  authorize(request: AuthRequest): Promise<string | null>;

  /**
   * The server answered this request 401 with these WWW-Authenticate field values (one array entry
   * per field line, or values joined by commas: both parse). 'retry' means "call authorize() and
   * send again"; 'give-up' carries an AuthError saying why and what to do next.
   *
   * Answers 'retry' at most twice per request: once to the first 401 (also when that 401 refused
   * preemptive credentials, whose reused nonce the server may have forgotten), and once more when
   * the server then says stale=true. So a request is sent at most 3 times; later 401s are 'give-up'.
   */
  challenge(request: AuthRequest, wwwAuthenticate: readonly string[]): Promise<ChallengeVerdict>;

  /**
   * The final (non-401) response, for Authentication-Info (RFC 7615): Digest takes `nextnonce`
   * and checks `rspauth`. `body` is needed only to check rspauth under qop=auth-int.
   *
   * Throws AuthError 'auth-server-mismatch' when the server's rspauth is wrong: it does not know the
   * password (or is not the server), so the caller must discard the response.
   */
  complete?(request: AuthRequest, status: number, headers: ResponseHeaders, body?: Uint8Array | null): void;
}
