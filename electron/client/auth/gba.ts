/**
 * GBA on the Ut/Ua interface (TS 33.220, TS 24.109 §5, TS 33.222): the NAF (the XCAP server)
 * answers 401 with a Digest challenge whose realm starts with "3GPP-bootstrapping"; the client
 * bootstraps with the BSF if it has no valid key (ub-client.ts), derives Ks_NAF for the NAF's FQDN
 * (the request host) and answers Digest with
 *
 *   username = B-TID,   password = base64(Ks_NAF)
 *
 * through the ordinary DigestAuthenticator (one per NAF host and key). Later requests reuse its
 * nonce preemptively until the key's lifetime ends; then the next request goes without credentials
 * and its 401 bootstraps again. When the NAF refuses the B-TID (a second 401, not stale, after the
 * B-TID was sent: the BSF forgot or expired it), the client bootstraps once more and answers again;
 * a 401 after that is 'auth-rejected'.
 *
 * X-3GPP-Intended-Identity is a request header, not an Authorization: the XcapClient adds it from
 * the profile (or --intended-identity). Ks, Ks_NAF and the USIM keys are never printed.
 */
import type { Dispatcher } from 'undici';
import type { GbaKey } from '../../gba/gba-key';
import { isGbaError } from '../../gba/gba-error';
import { UA_HTTP_DIGEST } from '../../gba/kdf';
import { bootstrap } from '../../gba/ub-client';
import type { SoftUsim } from '../../gba/usim';
import { AuthError, assertString } from './auth-error';
import { checkAuthRequest, checkHeaderValues } from './auth-request';
import type { Authenticator, AuthRequest, ChallengeVerdict, ResponseHeaders } from './authenticator';
import { DigestAuthenticator } from './digest';
import { quoteString } from './http-syntax';
import { noUsableChallenge } from './unusable-challenge';
import { readChallenges, type Challenge } from './www-authenticate';

export interface GbaOptions {
  /** The IMS private identity the USIM belongs to. */
  readonly impi: string;
  readonly usim: SoftUsim;
  /** The undici dispatcher for Ub (pass the XcapClient's, so the recorder shows bootstrapping). */
  readonly dispatcher: Dispatcher;
  /** The BSF; default derived from the IMPI (TS 23.003 §16.2). */
  readonly bsfUrl?: string | URL;
  /** TS 33.220 Annex H identifier in NAF_Id; default (0x01,0x00,0x00,0x00,0x02), HTTP Digest per TS 24.109. */
  readonly uaProtocolId?: Uint8Array;
  /** The clock for key lifetimes (ms since the epoch). Default Date.now. */
  readonly now?: () => number;
  readonly cnonce?: () => string;
}

/** One NAF host's Digest state under one key. */
interface NafSession {
  readonly key: GbaKey;
  readonly digest: DigestAuthenticator;
}

interface RequestState {
  challenges: number;
  rebootstrapped: boolean;
  /** The session whose credentials the last authorize() sent, or null. */
  sent: NafSession | null;
  /** The session challenge() chose for the retry. */
  answering: NafSession | null;
}

const MAX_CHALLENGES = 3;

export class GbaAuthenticator implements Authenticator {
  readonly scheme = 'gba';
  readonly impi: string;
  readonly #options: GbaOptions;
  readonly #now: () => number;
  #key: GbaKey | null = null;
  #bootstrapping: Promise<GbaKey> | null = null;
  readonly #sessions = new Map<string, NafSession>();
  readonly #requests = new WeakMap<AuthRequest, RequestState>();

  constructor(options: GbaOptions) {
    if (typeof options !== 'object' || options === null) throw new AuthError('invalid-argument', 'GbaAuthenticator expects { impi, usim, dispatcher }.');
    assertString(options.impi, 'impi');
    if (!/^[^@\s]+@[^@\s]+$/.test(options.impi)) throw new AuthError('invalid-argument', 'the IMPI must look like user@realm, e.g. 234150999999999@ims.mnc015.mcc234.3gppnetwork.org.');
    this.impi = options.impi;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The current key's B-TID, or null before bootstrapping (for status lines; not a secret). */
  get btid(): string | null {
    return this.#key?.btid ?? null;
  }

  async authorize(request: AuthRequest): Promise<string | null> {
    checkAuthRequest(request, 'GbaAuthenticator.authorize()');
    const state = this.#stateOf(request);
    state.sent = null;
    const session = state.answering ?? this.#sessions.get(hostOf(request));
    if (session === undefined) return null;
    if (session.key.isExpired(this.#now())) {
      // Ks has expired: send nothing, and let the NAF's 401 start a new bootstrap.
      this.#forget(session.key);
      return null;
    }
    const authorization = await session.digest.authorize(request);
    if (authorization !== null) state.sent = session;
    return authorization;
  }

  async challenge(request: AuthRequest, wwwAuthenticate: readonly string[]): Promise<ChallengeVerdict> {
    checkAuthRequest(request, 'GbaAuthenticator.challenge()');
    checkHeaderValues(wwwAuthenticate, 'GbaAuthenticator.challenge()');
    const state = this.#stateOf(request);
    const { challenges, errors } = readChallenges(wwwAuthenticate);
    const gba = challenges.filter((c) => c.scheme === 'digest' && isBootstrappingRealm(c.params.realm));
    if (gba.length === 0) return giveUp(notGba(challenges, errors));
    const variant = gba.find((c) => /^3GPP-bootstrapping-(uicc|digest)@/i.test(c.params.realm ?? ''));
    if (variant !== undefined && gba.every((c) => /^3GPP-bootstrapping-(uicc|digest)@/i.test(c.params.realm ?? ''))) {
      return giveUp(new AuthError('unsupported-challenge', `The NAF asks for ${variant.params.realm?.split('@')[0] ?? ''} (GBA_U or GBA_Digest), which a software USIM cannot do: only GBA_ME (realm "3GPP-bootstrapping@…") is supported.`));
    }
    if (++state.challenges > MAX_CHALLENGES) return giveUp(this.#rejected(request));
    const stale = gba.some((c) => c.params.stale?.toLowerCase() === 'true');
    if (state.sent !== null && !stale) {
      // The NAF refused a B-TID it should know: the BSF has forgotten or expired it. Bootstrap once more.
      if (state.rebootstrapped) return giveUp(this.#rejected(request));
      state.rebootstrapped = true;
      this.#forget(state.sent.key);
    }
    let key: GbaKey;
    try {
      key = await this.#currentKey();
    } catch (error) {
      if (!isGbaError(error)) throw error; // transport failures (XcapClientError) keep their own code
      return giveUp(new AuthError('bootstrap-failed', `GBA bootstrapping of ${this.impi} failed: ${error.message}`));
    }
    const session = this.#sessionFor(request, key);
    state.answering = session;
    return session.digest.challenge(request, gba.map(formatChallenge));
  }

  complete(request: AuthRequest, status: number, headers: ResponseHeaders, body?: Uint8Array | null): void {
    checkAuthRequest(request, 'GbaAuthenticator.complete()');
    this.#requests.get(request)?.sent?.digest.complete(request, status, headers, body);
  }

  async #currentKey(): Promise<GbaKey> {
    if (this.#key !== null && !this.#key.isExpired(this.#now())) return this.#key;
    // Concurrent requests share one bootstrap.
    this.#bootstrapping ??= bootstrap({
      dispatcher: this.#options.dispatcher,
      impi: this.impi,
      usim: this.#options.usim,
      ...(this.#options.bsfUrl !== undefined && { bsfUrl: this.#options.bsfUrl }),
      ...(this.#options.cnonce !== undefined && { cnonce: this.#options.cnonce }),
    }).finally(() => {
      this.#bootstrapping = null;
    });
    this.#key = await this.#bootstrapping;
    return this.#key;
  }

  #sessionFor(request: AuthRequest, key: GbaKey): NafSession {
    const host = hostOf(request);
    const existing = this.#sessions.get(host);
    if (existing?.key === key) return existing;
    const session: NafSession = {
      key,
      digest: new DigestAuthenticator({
        username: key.btid,
        password: key.nafPassword(host, this.#options.uaProtocolId ?? UA_HTTP_DIGEST),
        // The NAF looks the B-TID up at the BSF: it must see it, not a hash of it.
        userhash: false,
        ...(this.#options.cnonce !== undefined && { cnonce: this.#options.cnonce }),
      }),
    };
    this.#sessions.set(host, session);
    return session;
  }

  #forget(key: GbaKey): void {
    if (this.#key === key) this.#key = null;
    for (const [host, session] of this.#sessions) if (session.key === key) this.#sessions.delete(host);
  }

  #stateOf(request: AuthRequest): RequestState {
    let state = this.#requests.get(request);
    if (state === undefined) {
      state = { challenges: 0, rebootstrapped: false, sent: null, answering: null };
      this.#requests.set(request, state);
    }
    return state;
  }

  #rejected(request: AuthRequest): AuthError {
    return new AuthError(
      'auth-rejected',
      `The NAF ${request.url.host} refused the GBA credentials of ${this.impi} even with a freshly bootstrapped B-TID: check that the NAF trusts this BSF (--bsf), and that it derives Ks_NAF for the host name in the URL.`,
    );
  }
}

/** TS 24.109 §5.2.2: the NAF's realm is "3GPP-bootstrapping@<NAF FQDN>" (or the -uicc/-digest variants). */
export function isBootstrappingRealm(realm: string | undefined): boolean {
  return realm !== undefined && /^3GPP-bootstrapping(?:-uicc|-digest)?(?:@|$)/i.test(realm);
}

/** The NAF FQDN the key is derived for: the request's host name, without port or IPv6 brackets. */
function hostOf(request: AuthRequest): string {
  return request.url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** A parsed challenge back in header form, so the inner Digest sees the GBA challenges only. */
function formatChallenge(challenge: Challenge): string {
  return `Digest ${Object.entries(challenge.params)
    .map(([name, value]) => `${name}=${quoteString(value, `The ${name} parameter`)}`)
    .join(', ')}`;
}

function notGba(challenges: readonly Challenge[], errors: readonly AuthError[]): AuthError {
  const digest = challenges.find((c) => c.scheme === 'digest');
  if (digest !== undefined) {
    return new AuthError(
      'unsupported-challenge',
      `The server asks for ordinary Digest (realm "${digest.params.realm ?? ''}"), not GBA (a realm starting with "3GPP-bootstrapping"): use --auth digest with a user and password.`,
      { offered: [...new Set(challenges.map((c) => c.scheme))] },
    );
  }
  return noUsableChallenge('gba', challenges, errors);
}

function giveUp(error: AuthError): ChallengeVerdict {
  return { action: 'give-up', error };
}
