/**
 * The Digest algorithms (RFC 7616 §3.3, §6.1; RFC 2617 for MD5 and MD5-sess) and how strong each
 * is, so the client can take the strongest one a server offers.
 *
 * SHA-512-256 is SHA-512/256 of FIPS 180-4 (its own initial values), not SHA-512 cut to 256 bits:
 * RFC 7616 erratum 4897 corrects the §3.9.2 example, which had used the latter.
 */
import { createHash } from 'node:crypto';
import { AuthError } from './auth-error';

export type DigestAlgorithm = 'MD5' | 'MD5-sess' | 'SHA-256' | 'SHA-256-sess' | 'SHA-512-256' | 'SHA-512-256-sess';

interface AlgorithmInfo {
  /** node:crypto's name for the hash. */
  readonly hash: 'md5' | 'sha256' | 'sha512-256';
  /** -sess: A1 also covers the nonce and cnonce (RFC 7616 §3.4.2). */
  readonly session: boolean;
  /** Higher is stronger; the -sess variant ranks just below its plain one (same hash, more moving parts). */
  readonly rank: number;
}

// A Map, not an object literal: "constructor" or "__proto__" must not look like algorithms.
const ALGORITHMS: ReadonlyMap<DigestAlgorithm, AlgorithmInfo> = new Map([
  ['SHA-512-256', { hash: 'sha512-256', session: false, rank: 6 }],
  ['SHA-512-256-sess', { hash: 'sha512-256', session: true, rank: 5 }],
  ['SHA-256', { hash: 'sha256', session: false, rank: 4 }],
  ['SHA-256-sess', { hash: 'sha256', session: true, rank: 3 }],
  ['MD5', { hash: 'md5', session: false, rank: 2 }],
  ['MD5-sess', { hash: 'md5', session: true, rank: 1 }],
]);

const BY_LOWERCASE_NAME: ReadonlyMap<string, DigestAlgorithm> = new Map([...ALGORITHMS.keys()].map((name) => [name.toLowerCase(), name]));

export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = [...ALGORITHMS.keys()];

/** The algorithm a challenge's `algorithm` parameter names (any case; absent means MD5), or null when unknown. */
export function digestAlgorithmOf(parameter: string | undefined): DigestAlgorithm | null {
  if (parameter === undefined) return 'MD5';
  return BY_LOWERCASE_NAME.get(parameter.toLowerCase()) ?? null;
}

export function isDigestAlgorithm(value: unknown): value is DigestAlgorithm {
  return typeof value === 'string' && ALGORITHMS.has(value as DigestAlgorithm);
}

export function isSessionAlgorithm(algorithm: DigestAlgorithm): boolean {
  return info(algorithm).session;
}

export function algorithmRank(algorithm: DigestAlgorithm): number {
  return info(algorithm).rank;
}

/** H(data) in lowercase hex; strings are hashed as UTF-8 (RFC 7616 §4, charset=UTF-8). */
export function digestHash(algorithm: DigestAlgorithm, data: string | Uint8Array): string {
  const hash = createHash(info(algorithm).hash);
  if (typeof data === 'string') hash.update(data, 'utf8');
  else hash.update(data);
  return hash.digest('hex');
}

function info(algorithm: DigestAlgorithm): AlgorithmInfo {
  const found = ALGORITHMS.get(algorithm);
  if (found === undefined) throw new AuthError('invalid-argument', `algorithm must be one of ${DIGEST_ALGORITHMS.join(', ')}, got ${JSON.stringify(String(algorithm))}.`);
  return found;
}
