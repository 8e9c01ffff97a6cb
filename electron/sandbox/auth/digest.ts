/**
 * Server-side HTTP Digest authentication (RFC 7616) for the sandbox, qop=auth with SHA-256
 * and MD5. The first step of TS 24.141 §6.3.2: authenticate, then authorize, then act.
 *
 *   const digest = new DigestAuthenticator({ realm: 'example.com' });
 *   const result = digest.verify({ method: req.method, uri: req.url, authorization: req.headers.authorization }, users);
 *   if (!result.ok) { res.writeHead(401, { 'WWW-Authenticate': digest.challenge(result.stale) }); … }
 *
 * Nonces are stateless (see nonce.ts); the only state is the nonce-count table that stops
 * replays (see nonce-counts.ts), bounded in time and size.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { assertString, SandboxAuthError } from './auth-error';
import { readDigestCredentials, type DigestCredentials } from './digest-credentials';
import { DIGEST_ALGORITHMS, digestResponse, digestUserhash, isDigestAlgorithm, type DigestAlgorithm } from './digest-response';
import { isQuotable, quoteString } from './http-credentials';
import { HmacNonceSource, type NonceSource } from './nonce';
import { NonceCounts } from './nonce-counts';
import type { User } from './user';

export interface DigestAuthenticatorOptions {
  /** The protection space, e.g. the home network domain. Any text a quoted-string can hold. */
  realm: string;
  /** Offered in this order, one challenge each. Default ['SHA-256', 'MD5']. */
  algorithms?: readonly DigestAlgorithm[];
  /** How long a nonce is good for. Default 300 000 (5 minutes). */
  nonceLifetimeMs?: number;
  /** HMAC key for nonces, at least 16 bytes. Default: 32 random bytes (nonces die with the process). */
  secret?: Uint8Array;
  /** The clock, ms since the epoch. Default Date.now. */
  now?: () => number;
  /** The opaque value sent in challenges. Default: derived from random bytes. */
  opaque?: string;
  /** Nonces tracked for replay protection before the oldest is evicted. Default 100 000. */
  maxTrackedNonces?: number;
  /** Replaces the HMAC nonces (e.g. to replay RFC 7616 §3.9.1); `secret` is then unused. */
  nonceSource?: NonceSource;
}

export type DigestFailureReason = 'missing' | 'malformed' | 'unknown-user' | 'wrong-response' | 'stale' | 'replay' | 'bad-nonce' | 'uri-mismatch' | 'unsupported';

export type DigestVerification<U extends DigestUser = User> = { ok: true; user: U } | { ok: false; reason: DigestFailureReason; stale: boolean };

export interface DigestRequest {
  /** As received, e.g. "GET". */
  method: string;
  /** The request-target as received (req.url), e.g. "/xcap-root/…". */
  uri: string;
  /** The Authorization header value, or undefined when there is none. */
  authorization: string | undefined;
}

/** What Digest needs of a user: the name it authenticates as, its password, and the XUI it acts as. */
export interface DigestUser {
  readonly xui: string;
  readonly digestUsername: string;
  readonly password: string;
}

/**
 * The part of UserDirectory Digest needs: a way to find users by name, and the list for userhash.
 * Other sources fit too: GBA's NAF mode finds "users" by B-TID (sandbox/gba/naf-users.ts).
 */
export interface DigestUsers<U extends DigestUser = User> {
  findByDigestUsername(username: string): U | undefined;
  list(): U[];
}

export class DigestAuthenticator {
  readonly realm: string;
  readonly algorithms: readonly DigestAlgorithm[];
  readonly nonceLifetimeMs: number;
  readonly #opaque: string;
  readonly #now: () => number;
  readonly #nonces: NonceSource;
  readonly #counts: NonceCounts;
  // Unknown users still cost one response computation, so timing does not reveal who exists.
  readonly #decoyPassword = randomBytes(16).toString('hex');

  constructor(options: DigestAuthenticatorOptions) {
    if (typeof options !== 'object' || options === null) throw new SandboxAuthError('invalid-argument', 'DigestAuthenticator expects an options object.');
    this.realm = checkQuotable(options.realm, 'realm');
    this.algorithms = checkAlgorithms(options.algorithms ?? DIGEST_ALGORITHMS);
    this.nonceLifetimeMs = options.nonceLifetimeMs ?? 300_000;
    if (!Number.isSafeInteger(this.nonceLifetimeMs) || this.nonceLifetimeMs <= 0) {
      throw new SandboxAuthError('invalid-argument', 'nonceLifetimeMs must be a positive integer.');
    }
    this.#now = options.now ?? Date.now;
    if (typeof this.#now !== 'function') throw new SandboxAuthError('invalid-argument', 'now must be a function.');
    this.#opaque = checkQuotable(options.opaque ?? randomBytes(24).toString('base64url'), 'opaque');
    this.#nonces = options.nonceSource ?? new HmacNonceSource(options.secret ?? randomBytes(32), this.#now);
    this.#counts = new NonceCounts(options.maxTrackedNonces ?? 100_000, this.nonceLifetimeMs);
  }

  /**
   * The WWW-Authenticate values for a 401, one per algorithm in preference order (RFC 7616
   * §3.3), sharing one fresh nonce. `stale` tells the client its credentials were right but
   * the nonce was old, so it retries without asking the user.
   */
  challenge(stale = false): string[] {
    if (typeof stale !== 'boolean') throw new SandboxAuthError('invalid-argument', 'stale must be a boolean.');
    const nonce = quoteString(this.#nonces.issue());
    const realm = quoteString(this.realm);
    const opaque = quoteString(this.#opaque);
    return this.algorithms.map((algorithm) =>
      [
        `Digest realm=${realm}`,
        'qop="auth"',
        `algorithm=${algorithm}`,
        `nonce=${nonce}`,
        `opaque=${opaque}`,
        'charset=UTF-8',
        'userhash=true',
        ...(stale ? ['stale=true'] : []),
      ].join(', '),
    );
  }

  /**
   * Checks a request's Digest credentials. The checks run from cheapest to dearest and a
   * correct response is required before 'stale' or 'replay' is reported, so neither says
   * anything to someone who does not know the password.
   */
  verify<U extends DigestUser = User>(request: DigestRequest, users: DigestUsers<U>): DigestVerification<U> {
    checkRequest(request);
    if (typeof users?.findByDigestUsername !== 'function' || typeof users.list !== 'function') {
      throw new SandboxAuthError('invalid-argument', 'users must be a UserDirectory.');
    }
    const { authorization } = request;
    if (authorization === undefined || authorization.trim() === '') return failure('missing');
    const credentials = readDigestCredentials(authorization);
    if (typeof credentials === 'string') return failure(credentials);
    if (!this.algorithms.includes(credentials.algorithm)) return failure('unsupported');
    // Credentials for another realm were computed with another A1: they cannot be right here.
    if (credentials.realm !== this.realm) return failure('wrong-response');
    if (credentials.uri !== request.uri) return failure('uri-mismatch');
    if (credentials.opaque !== undefined && credentials.opaque !== this.#opaque) return failure('bad-nonce');
    const issuedAt = this.#nonces.issuedAt(credentials.nonce);
    const now = this.#now();
    // A nonce from the future means a secret shared with another clock, or a forgery: refuse.
    if (issuedAt === null || issuedAt - now > this.nonceLifetimeMs) return failure('bad-nonce');

    const user = this.#findUser(credentials, users);
    const expected = digestResponse({
      algorithm: credentials.algorithm,
      username: user?.digestUsername ?? credentials.username,
      realm: this.realm,
      password: user?.password ?? this.#decoyPassword,
      method: request.method,
      uri: credentials.uri,
      nonce: credentials.nonce,
      nc: credentials.ncText,
      cnonce: credentials.cnonce,
      qop: credentials.qop,
    });
    if (!user) return failure('unknown-user');
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(credentials.response))) return failure('wrong-response');

    if (now - issuedAt > this.nonceLifetimeMs) return failure('stale');
    switch (this.#counts.record(credentials.nonce, issuedAt, credentials.nc, now)) {
      case 'replay':
        return failure('replay');
      case 'forgotten':
        return failure('stale');
      case 'fresh':
        return { ok: true, user };
    }
  }

  // With userhash the username is H(username ":" realm): hash each user's name to find it.
  // Sandbox directories are small, so a scan is fine.
  #findUser<U extends DigestUser>(credentials: DigestCredentials, users: DigestUsers<U>): U | undefined {
    if (!credentials.userhash) return users.findByDigestUsername(credentials.username);
    const wanted = credentials.username.toLowerCase();
    return users.list().find((user) => digestUserhash(credentials.algorithm, user.digestUsername, this.realm) === wanted);
  }
}

function failure(reason: DigestFailureReason): { ok: false; reason: DigestFailureReason; stale: boolean } {
  return { ok: false, reason, stale: reason === 'stale' };
}

function checkRequest(request: DigestRequest): void {
  if (typeof request !== 'object' || request === null) throw new SandboxAuthError('invalid-argument', 'verify() expects { method, uri, authorization }.');
  assertString(request.method, 'request.method');
  assertString(request.uri, 'request.uri');
  if (request.method === '') throw new SandboxAuthError('invalid-argument', 'request.method must not be empty.');
  if (request.authorization !== undefined) assertString(request.authorization, 'request.authorization');
}

function checkQuotable(value: unknown, what: string): string {
  assertString(value, what);
  if (value === '' || ![...value].every((character) => isQuotable(character.charCodeAt(0)) && character.length === 1)) {
    throw new SandboxAuthError('invalid-argument', `${what} must be non-empty text without control characters (Latin-1 only: it goes into an HTTP header).`);
  }
  return value;
}

function checkAlgorithms(algorithms: readonly DigestAlgorithm[]): readonly DigestAlgorithm[] {
  if (!Array.isArray(algorithms) || algorithms.length === 0) throw new SandboxAuthError('invalid-argument', 'algorithms must be a non-empty array.');
  for (const algorithm of algorithms) {
    if (!isDigestAlgorithm(algorithm)) throw new SandboxAuthError('invalid-argument', 'algorithms may contain only "SHA-256" and "MD5".');
  }
  if (new Set(algorithms).size !== algorithms.length) throw new SandboxAuthError('invalid-argument', 'algorithms must not repeat an algorithm.');
  return Object.freeze([...algorithms]);
}
