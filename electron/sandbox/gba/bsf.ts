/**
 * The sandbox's BSF (TS 33.220 §4.5.2, TS 24.109 §4.5) with a built-in HSS: Digest AKAv1-MD5
 * (RFC 3310) on GET /bsf, authentication vectors made with MILENAGE from the subscriber table,
 * re-synchronisation from AUTS, and B-TIDs with a lifetime that the NAF side looks up.
 *
 *   GET /bsf  Authorization: Digest username="<IMPI>", nonce="" …   → 401 AKA challenge (fresh AV, SQN_HE + 1)
 *   GET /bsf  Authorization: Digest …, response=<with XRES>          → 200 BootstrappingInfo (B-TID, lifetime)
 *   GET /bsf  Authorization: Digest …, auts=…  (empty password)      → SQN_HE = SQN_MS, 401 with a fresh AV
 *
 * Unknown IMPI, wrong RES, a bad AUTS: 403. Each challenge answers once. Nothing secret is logged.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { akaDigestResponse, type AkaQop } from '../../gba/aka-digest';
import { encodeAkaNonce } from '../../gba/aka-nonce';
import { BSF_MEDIA_TYPE, formatBootstrappingInfo } from '../../gba/bootstrap-info';
import { impiRealm } from '../../gba/bsf-address';
import { buildAutn, sqnMsFromAuts } from '../../gba/usim';
import { parseAuthParams, splitCredentials } from '../auth/http-credentials';
import { plain, type SandboxResponse } from '../respond';
import type { Subscriber } from './subscriber';

export interface BsfOptions {
  readonly subscribers: readonly Subscriber[];
  /** The domain in B-TIDs (base64(RAND)@domain). */
  readonly domain: string;
  /** How long a bootstrapped key lives. Default one hour. */
  readonly keyLifetimeMs?: number;
  readonly now?: () => number;
}

/** What the NAF needs of a bootstrapped key. */
export interface BootstrappedKey {
  readonly impi: string;
  readonly rand: Buffer;
  /** Ks = CK ‖ IK. */
  readonly ks: Buffer;
  readonly expiresAt: number;
}

interface PendingChallenge {
  readonly subscriber: Subscriber;
  readonly rand: Buffer;
  readonly xres: Buffer;
  readonly ks: Buffer;
  readonly issuedAt: number;
}

const AMF = Buffer.alloc(2); // separation bit 0: not an E-UTRAN vector (TS 33.102 Annex H)
const CHALLENGE_LIFETIME_MS = 5 * 60_000;
const MAX_PENDING = 10_000;

export class Bsf {
  readonly #subscribers = new Map<string, Subscriber>();
  readonly #domain: string;
  readonly #keyLifetimeMs: number;
  readonly #now: () => number;
  readonly #pending = new Map<string, PendingChallenge>();
  readonly #keys = new Map<string, BootstrappedKey>();

  constructor(options: BsfOptions) {
    for (const subscriber of options.subscribers) this.#subscribers.set(subscriber.impi, subscriber);
    this.#domain = options.domain;
    this.#keyLifetimeMs = options.keyLifetimeMs ?? 3_600_000;
    this.#now = options.now ?? Date.now;
  }

  subscriber(impi: string): Subscriber | undefined {
    return this.#subscribers.get(impi);
  }

  subscribers(): Subscriber[] {
    return [...this.#subscribers.values()];
  }

  /** The live key a B-TID names, or null (unknown, or its lifetime is over). */
  lookup(btid: string): BootstrappedKey | null {
    const key = this.#keys.get(btid);
    if (key === undefined) return null;
    if (this.#now() >= key.expiresAt) {
      this.#keys.delete(btid);
      return null;
    }
    return key;
  }

  /** Answers one request to the BSF path; `user` is the IMPI for the request log. */
  handle(request: { method: string; target: string; authorization: string | undefined }): { response: SandboxResponse; user: string | null } {
    if (request.method !== 'GET') return { response: plain(405, 'the BSF takes GET (TS 24.109 §4.5.2)', { Allow: 'GET' }), user: null };
    const split = request.authorization === undefined ? null : splitCredentials(request.authorization);
    const params = split !== null && split.scheme.toLowerCase() === 'digest' ? parseAuthParams(split.rest) : null;
    const impi = params?.get('username');
    if (params === null || impi === undefined || impi === '') {
      return { response: plain(400, 'bootstrapping starts with Authorization: Digest username="<IMPI>", realm="<IMPI realm>", nonce="", uri="…", response="" (TS 24.109 §4.5.2)'), user: null };
    }
    const subscriber = this.#subscribers.get(impi);
    if (subscriber === undefined) return { response: plain(403, `no subscriber ${impi} in the sandbox HSS`), user: impi };
    const nonce = params.get('nonce') ?? '';
    const pending = this.#takePending(nonce);
    if (pending === null || pending.subscriber !== subscriber) return { response: this.#challenge(subscriber), user: impi };

    const qop = params.get('qop')?.toLowerCase();
    const input = {
      username: impi,
      realm: params.get('realm') ?? '',
      nonce,
      method: request.method,
      uri: params.get('uri') ?? '',
      qop: qop === 'auth' || qop === 'auth-int' ? (qop as AkaQop) : null,
      nc: params.get('nc') ?? null,
      cnonce: params.get('cnonce') ?? null,
      body: null,
    };
    if (input.uri !== request.target) return { response: plain(400, 'the Digest uri does not match the request-target'), user: impi };
    const auts = params.get('auts');
    if (auts !== undefined) {
      // RFC 3310 §3.4: the response to a synchronisation failure is made with an empty password.
      const sqnMs = sqnMsFromAuts(subscriber.milenage, pending.rand, Buffer.from(auts, 'base64'));
      if (!matches(akaDigestResponse({ ...input, password: new Uint8Array(0) }), params.get('response')) || sqnMs === null) {
        return { response: plain(403, 'the AUTS does not verify (MAC-S) for this subscriber'), user: impi };
      }
      subscriber.resynchronise(sqnMs);
      return { response: this.#challenge(subscriber), user: impi };
    }
    if (!matches(akaDigestResponse({ ...input, password: pending.xres }), params.get('response'))) {
      return { response: plain(403, 'the AKA response does not match XRES'), user: impi };
    }
    const btid = `${pending.rand.toString('base64')}@${this.#domain}`;
    const expiresAt = this.#now() + this.#keyLifetimeMs;
    this.#keys.set(btid, { impi, rand: pending.rand, ks: pending.ks, expiresAt });
    return { response: { status: 200, body: formatBootstrappingInfo({ btid, expiresAt: new Date(expiresAt) }), contentType: BSF_MEDIA_TYPE }, user: impi };
  }

  #challenge(subscriber: Subscriber): SandboxResponse {
    const rand = randomBytes(16);
    const sqn = subscriber.nextSqn();
    const autn = buildAutn(subscriber.milenage, rand, sqn, AMF);
    const { res, ck, ik } = subscriber.milenage.f2345(rand);
    const nonce = encodeAkaNonce(rand, autn, randomBytes(16));
    this.#prune();
    this.#pending.set(nonce, { subscriber, rand, xres: res, ks: Buffer.concat([ck, ik]), issuedAt: this.#now() });
    const realm = impiRealm(subscriber.impi);
    return plain(401, 'bootstrapping: answer the AKA challenge', { 'WWW-Authenticate': `Digest realm="${realm}", nonce="${nonce}", algorithm=AKAv1-MD5, qop="auth-int"` });
  }

  #takePending(nonce: string): PendingChallenge | null {
    const pending = this.#pending.get(nonce);
    if (pending === undefined) return null;
    this.#pending.delete(nonce); // one answer per challenge
    return this.#now() - pending.issuedAt > CHALLENGE_LIFETIME_MS ? null : pending;
  }

  #prune(): void {
    const now = this.#now();
    for (const [nonce, pending] of this.#pending) if (now - pending.issuedAt > CHALLENGE_LIFETIME_MS) this.#pending.delete(nonce);
    while (this.#pending.size >= MAX_PENDING) {
      const oldest = this.#pending.keys().next().value;
      if (oldest === undefined) break;
      this.#pending.delete(oldest);
    }
    for (const [btid, key] of this.#keys) if (now >= key.expiresAt) this.#keys.delete(btid);
  }
}

function matches(expected: string, sent: string | undefined): boolean {
  return sent !== undefined && sent.length === expected.length && timingSafeEqual(Buffer.from(expected), Buffer.from(sent.toLowerCase()));
}
