/**
 * Picks the Digest challenge to answer among a 401's challenges, and reads it into typed fields.
 *
 * Preference: the strongest hash (SHA-512-256 > SHA-256 > MD5), then a challenge with qop (RFC
 * 2069's has no cnonce or nonce-count), then the plain algorithm over its -sess variant; among
 * equals, the server's order (RFC 7616 §3.7: servers list their preferred challenge first). Within a
 * challenge, qop=auth is preferred over auth-int when both are offered: auth-int adds little over
 * TLS and is where servers' implementations most often disagree.
 */
import { algorithmRank, digestAlgorithmOf, isSessionAlgorithm, type DigestAlgorithm } from './digest-algorithm';
import type { DigestQop } from './digest-response';
import type { Challenge } from './www-authenticate';

export interface DigestChallenge {
  /** Exactly as the server sent it (wire form), for echoing back. */
  readonly realm: string;
  readonly nonce: string;
  readonly opaque: string | undefined;
  readonly algorithm: DigestAlgorithm;
  /** Whether the challenge named its algorithm; if not, the answer does not name it either. */
  readonly algorithmNamed: boolean;
  /** The qop the client will use; null when the challenge had none (RFC 2069 compatibility). */
  readonly qop: DigestQop | null;
  /** The server accepts H(username ":" realm) in place of the username (RFC 7616 §3.4.4). */
  readonly userhash: boolean;
  /** The previous credentials were right but their nonce had expired (RFC 7616 §3.3). */
  readonly stale: boolean;
}

export type DigestChoice = { readonly ok: true; readonly challenge: DigestChallenge } | { readonly ok: false; readonly problems: readonly string[] };

/** The best Digest challenge among `challenges`, or why none can be answered (one reason per Digest challenge). */
export function chooseDigestChallenge(challenges: readonly Challenge[]): DigestChoice {
  const problems: string[] = [];
  let best: { challenge: DigestChallenge; score: number } | null = null;
  for (const challenge of challenges) {
    if (challenge.scheme !== 'digest') continue;
    const read = readDigestChallenge(challenge);
    if (typeof read === 'string') {
      problems.push(read);
      continue;
    }
    const score = algorithmRank(read.algorithm) + (read.qop === null ? 0 : 100);
    if (best === null || score > best.score) best = { challenge: read, score };
  }
  return best === null ? { ok: false, problems } : { ok: true, challenge: best.challenge };
}

/** One Digest challenge as typed fields, or the reason it cannot be answered. */
export function readDigestChallenge(challenge: Challenge): DigestChallenge | string {
  const { params } = challenge;
  if (challenge.token68 !== undefined) return 'a Digest challenge without parameters';
  const realm = params.realm;
  const nonce = params.nonce;
  if (realm === undefined) return 'a Digest challenge without a realm';
  if (nonce === undefined || nonce === '') return `a Digest challenge for realm "${realm}" without a nonce`;
  const algorithm = digestAlgorithmOf(params.algorithm);
  if (algorithm === null) return `Digest with algorithm=${params.algorithm ?? ''}, which this client does not implement`;
  const qop = chooseQop(params.qop);
  if (qop === undefined) return `Digest with qop="${params.qop ?? ''}" (this client does auth and auth-int)`;
  // The -sess A1 needs a cnonce, and a cnonce exists only with qop (RFC 2617 §3.2.2).
  if (qop === null && isSessionAlgorithm(algorithm)) return `Digest with algorithm=${algorithm} but no qop, which cannot be answered`;
  return {
    realm,
    nonce,
    opaque: params.opaque,
    algorithm,
    algorithmNamed: params.algorithm !== undefined,
    qop,
    userhash: params.userhash?.toLowerCase() === 'true',
    stale: params.stale?.toLowerCase() === 'true',
  };
}

/** null: no qop offered; undefined: only kinds this client does not do. */
function chooseQop(offered: string | undefined): DigestQop | null | undefined {
  if (offered === undefined) return null;
  const options = offered.split(',').map((option) => option.trim().toLowerCase());
  if (options.includes('auth')) return 'auth';
  if (options.includes('auth-int')) return 'auth-int';
  return undefined;
}
