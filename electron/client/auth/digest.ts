/**
 * HTTP Digest authentication for the XCAP client (RFC 7616; RFC 2617 and RFC 2069 servers too):
 * MD5, SHA-256, SHA-512-256 and their -sess variants, qop auth and auth-int, userhash, and
 * `username*` for names outside ASCII.
 *
 *   const digest = new DigestAuthenticator({ username: 'alice@example.com', password: new Secret('…') });
 *
 * - The first 401 is answered with the strongest challenge offered (see digest-challenge.ts).
 * - Later requests reuse that nonce with the next nonce-count, so they need no 401 (preemptive,
 *   the default). If the server has forgotten the nonce, its 401 is answered once, transparently.
 * - stale=true gets one more transparent retry with the new nonce; any other 401 to an answer is
 *   'auth-rejected'.
 * - Authentication-Info: `nextnonce` replaces the nonce; a wrong `rspauth` throws
 *   'auth-server-mismatch' from complete().
 */
import { randomBytes } from 'node:crypto';
import { Secret } from '../../secrets/secret';
import { AuthError, assertString, optionalBoolean } from './auth-error';
import { checkAuthRequest, checkHeaderValues, headerValue } from './auth-request';
import type { Authenticator, AuthRequest, ChallengeVerdict, ResponseHeaders } from './authenticator';
import { formatDigestAuthorization } from './digest-authorization';
import { chooseDigestChallenge } from './digest-challenge';
import { DigestNonce } from './digest-nonce';
import { digestResponse, digestRspauth, digestUserhash, type DigestResponseInput } from './digest-response';
import { isQuotable } from './http-syntax';
import { noUsableChallenge } from './unusable-challenge';
import { textFromWire } from './wire-text';
import { parseAuthParams, readChallenges } from './www-authenticate';

export interface DigestOptions {
  /** The Digest username, e.g. `alice@example.com` (often the XUI without `sip:`). Any Unicode text. */
  readonly username: string;
  readonly password: Secret;
  /** Reuse the last nonce with the next nonce-count instead of waiting for a 401. Default true. */
  readonly preemptive?: boolean;
  /** Send H(username ":" realm) instead of the username when the server offers userhash=true. Default true. */
  readonly userhash?: boolean;
  /** Where client nonces come from. Default: 16 random bytes, base64url. Tests inject fixed ones to replay RFC examples. */
  readonly cnonce?: () => string;
}

/** Per request: what challenge() decided and what authorize() sent, for the next round and for complete(). */
interface RequestState {
  /** The nonce challenge() took for this request's retry; null before any 401. */
  answer: DigestNonce | null;
  challengesAnswered: number;
  staleRetried: boolean;
  /** The last credentials sent for this request, or null when none were. */
  sent: { readonly nonce: DigestNonce; readonly input: DigestResponseInput } | null;
}

export class DigestAuthenticator implements Authenticator {
  readonly scheme = 'digest';
  readonly username: string;
  readonly #password: Secret;
  readonly #preemptive: boolean;
  readonly #userhash: boolean;
  readonly #makeCnonce: () => string;
  /** The nonce later requests reuse; null until the first challenge. */
  #current: DigestNonce | null = null;
  readonly #requests = new WeakMap<AuthRequest, RequestState>();

  constructor(options: DigestOptions) {
    if (typeof options !== 'object' || options === null) throw new AuthError('invalid-argument', 'DigestAuthenticator expects { username, password }.');
    assertString(options.username, 'username');
    if (options.username === '') throw new AuthError('invalid-argument', 'username must not be empty.');
    if (/\p{Cs}/u.test(options.username)) throw new AuthError('invalid-argument', 'username is not valid Unicode (it has a lone surrogate).');
    if (!(options.password instanceof Secret)) throw new AuthError('invalid-argument', 'password must be a Secret (electron/secrets/secret.ts), so it cannot leak into logs.');
    if (options.cnonce !== undefined && typeof options.cnonce !== 'function') throw new AuthError('invalid-argument', 'cnonce must be a function returning a string.');
    this.username = options.username;
    this.#password = options.password;
    this.#preemptive = optionalBoolean(options.preemptive, 'preemptive', true);
    this.#userhash = optionalBoolean(options.userhash, 'userhash', true);
    this.#makeCnonce = checkedCnonce(options.cnonce ?? (() => randomBytes(16).toString('base64url')));
  }

  async authorize(request: AuthRequest): Promise<string | null> {
    checkAuthRequest(request, 'DigestAuthenticator.authorize()');
    const state = this.#stateOf(request);
    state.sent = null;
    const nonce = state.answer ?? (this.#preemptive ? this.#current : null);
    if (nonce === null) return null;
    const nc = nonce.challenge.qop === null ? null : nonce.nextCount();
    if (nonce.challenge.qop !== null && nc === null) {
      // 2^32 - 1 requests on one nonce: let the server issue a new one.
      if (this.#current === nonce) this.#current = null;
      return null;
    }
    const { challenge } = nonce;
    const input: DigestResponseInput = {
      algorithm: challenge.algorithm,
      username: this.username,
      password: this.#password,
      realm: textFromWire(challenge.realm),
      nonce: textFromWire(challenge.nonce),
      qop: challenge.qop,
      nc,
      cnonce: challenge.qop === null ? null : (nonce.sessionCnonce ?? this.#makeCnonce()),
      method: request.method,
      uri: request.target,
      body: request.body,
    };
    const userhash = challenge.userhash && this.#userhash;
    state.sent = { nonce, input };
    return formatDigestAuthorization({
      username: userhash ? digestUserhash(challenge.algorithm, this.username, input.realm) : this.username,
      userhash,
      realm: challenge.realm,
      nonce: challenge.nonce,
      opaque: challenge.opaque,
      uri: request.target,
      algorithm: challenge.algorithmNamed ? challenge.algorithm : null,
      qop: challenge.qop,
      nc,
      cnonce: input.cnonce,
      response: digestResponse(input),
    });
  }

  async challenge(request: AuthRequest, wwwAuthenticate: readonly string[]): Promise<ChallengeVerdict> {
    checkAuthRequest(request, 'DigestAuthenticator.challenge()');
    checkHeaderValues(wwwAuthenticate, 'DigestAuthenticator.challenge()');
    const state = this.#stateOf(request);
    const { challenges, errors } = readChallenges(wwwAuthenticate);
    const choice = chooseDigestChallenge(challenges);
    if (!choice.ok) return giveUp(noUsableChallenge('digest', challenges, errors, choice.problems));
    const next = choice.challenge;

    // The first 401 is answered even after preemptive credentials: the server may have dropped the nonce.
    const retry = state.challengesAnswered === 0 || (next.stale && !state.staleRetried && state.sent !== null);
    if (!retry) return giveUp(this.#rejected(state, next.realm, next.stale));
    if (state.challengesAnswered > 0) state.staleRetried = true;
    state.challengesAnswered++;
    state.answer = new DigestNonce(next, this.#makeCnonce);
    this.#current = state.answer;
    return { action: 'retry' };
  }

  complete(request: AuthRequest, status: number, headers: ResponseHeaders, body?: Uint8Array | null): void {
    checkAuthRequest(request, 'DigestAuthenticator.complete()');
    if (!Number.isInteger(status)) throw new AuthError('invalid-argument', 'DigestAuthenticator.complete(): status must be an integer.');
    const sent = this.#requests.get(request)?.sent;
    const info = headerValue(headers, 'authentication-info');
    if (!sent || info === undefined) return;
    let params: Record<string, string>;
    try {
      params = parseAuthParams(info);
    } catch {
      return; // Unreadable: nothing to take from it. (A forger could as well have left it out.)
    }
    const { rspauth, nextnonce } = params;
    // rspauth exists only with qop; under auth-int it covers the response body, so it needs one.
    const checkable = rspauth !== undefined && (sent.input.qop === 'auth' || (sent.input.qop === 'auth-int' && body !== undefined));
    if (checkable) {
      if (rspauth.toLowerCase() !== digestRspauth(sent.input, body ?? null)) {
        if (this.#current === sent.nonce) this.#current = null;
        throw new AuthError(
          'auth-server-mismatch',
          `The server's Digest proof (rspauth) for ${request.method} ${request.target} is wrong: whoever answered does not know the password of "${this.username}". ` +
            'Do not trust this response: check that the URL points at the right server and prefer HTTPS (a proxy or an attacker may be in the way).',
        );
      }
    }
    if (nextnonce !== undefined && nextnonce !== '' && this.#current === sent.nonce) this.#current = sent.nonce.withNonce(nextnonce, this.#makeCnonce);
  }

  #stateOf(request: AuthRequest): RequestState {
    let state = this.#requests.get(request);
    if (state === undefined) {
      state = { answer: null, challengesAnswered: 0, staleRetried: false, sent: null };
      this.#requests.set(request, state);
    }
    return state;
  }

  #rejected(state: RequestState, realm: string, stale: boolean): AuthError {
    const answered = state.sent?.nonce.challenge.realm;
    const who = `"${this.username}"`;
    if (stale && state.staleRetried) {
      return new AuthError('auth-rejected', `The server keeps calling fresh Digest nonces stale (realm "${realm}"): check that its clock is right and its nonce lifetime is not zero.`);
    }
    if (answered !== undefined && answered !== realm) {
      return new AuthError('auth-rejected', `The server refused the Digest credentials of ${who} for realm "${answered}" and now asks for realm "${realm}": check that the URL points at the right server and that the account belongs to that realm.`);
    }
    return new AuthError('auth-rejected', `The server refused the Digest credentials of ${who} (realm "${realm}"): check the password, and that the username is the one the server expects (often the XUI without "sip:", e.g. alice@example.com).`);
  }
}

function giveUp(error: AuthError): ChallengeVerdict {
  return { action: 'give-up', error };
}

/** Wraps the cnonce source so a broken one fails loudly instead of producing a bad header. */
function checkedCnonce(make: () => string): () => string {
  return () => {
    const cnonce: unknown = make();
    if (typeof cnonce !== 'string' || cnonce === '' || ![...cnonce].every((char) => char.charCodeAt(0) < 0x7f && isQuotable(char.charCodeAt(0)))) {
      throw new AuthError('invalid-argument', 'The cnonce option must return non-empty printable ASCII.');
    }
    return cnonce;
  };
}
