import type { IncomingMessage } from 'node:http';
import type { DigestAuthenticator, UserDirectory } from './auth';
import { assertedIdentity, basicChallenge, verifyBasic } from './auth';
import type { GbaNaf } from './gba/naf';

export interface AuthenticationSetup {
  readonly digest: DigestAuthenticator;
  readonly users: UserDirectory;
  readonly realm: string;
  /** Basic is offered and accepted only over TLS. */
  readonly secure: boolean;
  /** Addresses of authentication proxies whose X-3GPP-Asserted-Identity is trusted (TS 24.141 6.2.3). */
  readonly trustedProxies: readonly string[];
  /** NAF mode (TS 24.109 §5.3): GBA Digest with B-TIDs of the sandbox BSF; null when off. */
  readonly gba?: GbaNaf | null;
}

export type Authentication = { readonly ok: true; readonly xui: string; readonly via: 'digest' | 'basic' | 'proxy' | 'gba' } | { readonly ok: false; readonly challenges: string[] };

/**
 * TS 24.141 6.3.2: authenticate first. A trusted authentication proxy vouches with
 * X-3GPP-Asserted-Identity; everyone else answers an HTTP Digest (RFC 7616) challenge, or Basic
 * over TLS, or in NAF mode the GBA Digest challenge (realm 3GPP-bootstrapping@host). A failed attempt gets fresh challenges, with stale=true when only the nonce was old.
 */
export function authenticate(request: IncomingMessage, setup: AuthenticationSetup): Authentication {
  const asserted = assertedIdentity(request.headers, request.socket.remoteAddress, setup.trustedProxies);
  if (asserted !== null) return { ok: true, xui: asserted, via: 'proxy' };
  const authorization = request.headers.authorization;
  if (setup.secure && /^basic\s/i.test(authorization ?? '')) {
    const basic = verifyBasic(authorization, setup.users, { secure: true });
    if (basic.ok) return { ok: true, xui: basic.user.xui, via: 'basic' };
  } else {
    // GBA users (IMPUs of the subscribers) have no password: they get in through the NAF realm only.
    const gba = setup.gba?.verify(request);
    if (gba?.ok) return { ok: true, xui: gba.user.xui, via: 'gba' };
    const digest = setup.digest.verify({ method: request.method ?? 'GET', uri: request.url ?? '/', authorization }, setup.users);
    if (digest.ok) return { ok: true, xui: digest.user.xui, via: 'digest' };
    if (digest.stale || gba?.stale) return { ok: false, challenges: challenges(setup, digest.stale, gba?.stale ?? false) };
  }
  return { ok: false, challenges: challenges(setup, false, false) };
}

function challenges(setup: AuthenticationSetup, stale: boolean, gbaStale: boolean): string[] {
  const gba = setup.gba?.challenge(gbaStale) ?? [];
  // In NAF mode without password users, the ordinary Digest challenge would only mislead clients.
  const digest = setup.gba && setup.users.size === 0 ? [] : setup.digest.challenge(stale);
  return setup.secure ? [...gba, ...digest, basicChallenge(setup.realm)] : [...gba, ...digest];
}
