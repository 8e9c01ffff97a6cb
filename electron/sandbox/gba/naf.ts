/**
 * NAF mode of the sandbox XCAP server (TS 24.109 §5.3, TS 33.222): XCAP requests authenticate
 * with HTTP Digest in the realm "3GPP-bootstrapping@<host>", username = a B-TID the sandbox BSF
 * issued and has not expired, password = base64(Ks_NAF) derived for the NAF FQDN the client used
 * (the request's Host, as TS 33.220 §4.5.3 lets a NAF with several names do).
 *
 * The XCAP user is an IMPU of the B-TID's IMPI: X-3GPP-Intended-Identity when it names one of
 * them, else the first. An intended identity that is not the IMPI's is ignored, so authorization
 * then forbids the other user's documents (403).
 */
import type { IncomingMessage } from 'node:http';
import { inspect } from 'node:util';
import { deriveKsNaf } from '../../gba/kdf';
import { firstIdentity } from '../auth/asserted-identity';
import { DigestAuthenticator, type DigestUser, type DigestUsers, type DigestVerification } from '../auth/digest';
import { normalizeXui } from '../auth/xui';
import type { Bsf } from './bsf';

export const INTENDED_IDENTITY_HEADER = 'x-3gpp-intended-identity';

/** A B-TID as a Digest "user": never prints its password (base64 Ks_NAF). */
class NafUser implements DigestUser {
  readonly xui: string;
  readonly digestUsername: string;
  readonly #password: string;

  constructor(xui: string, btid: string, password: string) {
    this.xui = xui;
    this.digestUsername = btid;
    this.#password = password;
  }

  get password(): string {
    return this.#password;
  }

  toJSON(): { xui: string } {
    return { xui: this.xui };
  }

  [inspect.custom](): string {
    return `NafUser(${this.xui})`;
  }
}

export class GbaNaf {
  readonly bsf: Bsf;
  readonly digest: DigestAuthenticator;

  constructor(bsf: Bsf, options: { host: string; nonceLifetimeMs?: number }) {
    this.bsf = bsf;
    // TS 24.109 §5.2.2: MD5 Digest in the realm 3GPP-bootstrapping@<NAF FQDN>.
    this.digest = new DigestAuthenticator({ realm: `3GPP-bootstrapping@${options.host}`, algorithms: ['MD5'], ...(options.nonceLifetimeMs !== undefined && { nonceLifetimeMs: options.nonceLifetimeMs }) });
  }

  verify(request: IncomingMessage): DigestVerification<NafUser> {
    const users = this.#usersFor(nafFqdnOf(request), intendedIdentity(request));
    return this.digest.verify({ method: request.method ?? 'GET', uri: request.url ?? '/', authorization: request.headers.authorization }, users);
  }

  challenge(stale: boolean): string[] {
    return this.digest.challenge(stale);
  }

  #usersFor(nafFqdn: string, intended: string | null): DigestUsers<NafUser> {
    return {
      findByDigestUsername: (btid) => {
        const key = this.bsf.lookup(btid);
        const subscriber = key === null ? undefined : this.bsf.subscriber(key.impi);
        if (key === null || subscriber === undefined) return undefined;
        const wanted = intended === null ? null : normalizeXui(intended);
        const xui = subscriber.impus.find((impu) => normalizeXui(impu) === wanted) ?? subscriber.impus[0] ?? `sip:${key.impi}`;
        return new NafUser(xui, btid, deriveKsNaf(key.ks, key.rand, key.impi, nafFqdn).toString('base64'));
      },
      // userhash would hide the B-TID: GBA clients send it in clear.
      list: () => [],
    };
  }
}

/** The host name the client addressed (Host without port or IPv6 brackets), lowercase. */
function nafFqdnOf(request: IncomingMessage): string {
  const host = request.headers.host ?? '';
  const bracketed = /^\[([^\]]*)\]/.exec(host);
  return (bracketed ? (bracketed[1] ?? '') : host.replace(/:\d*$/, '')).toLowerCase();
}

function intendedIdentity(request: IncomingMessage): string | null {
  const value = request.headers[INTENDED_IDENTITY_HEADER];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? firstIdentity(first) : null;
}
