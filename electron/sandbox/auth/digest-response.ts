/**
 * The pure computations of HTTP Digest (RFC 7616 §3.4.1, §3.4.4) for qop=auth:
 *
 *   response = KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))
 *   A1       = username ":" realm ":" password
 *   A2       = method ":" request-uri
 *   userhash = H(username ":" realm)
 *
 * Strings are hashed as UTF-8 (RFC 7616 §4, charset=UTF-8); digests are lowercase hex.
 */
import { createHash } from 'node:crypto';
import { assertString, SandboxAuthError } from './auth-error';

export type DigestAlgorithm = 'MD5' | 'SHA-256';

export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['SHA-256', 'MD5'];

/** Hex length of each algorithm's digest: a response of another length cannot be right. */
export const DIGEST_HEX_LENGTH: Readonly<Record<DigestAlgorithm, number>> = { MD5: 32, 'SHA-256': 64 };

export interface DigestResponseParams {
  algorithm: DigestAlgorithm;
  username: string;
  realm: string;
  password: string;
  method: string;
  /** The `uri` parameter, which is the request-target. */
  uri: string;
  nonce: string;
  /** Exactly as sent: 8 hex digits, e.g. "00000001". */
  nc: string;
  cnonce: string;
  qop: 'auth';
}

export function isDigestAlgorithm(value: unknown): value is DigestAlgorithm {
  return value === 'MD5' || value === 'SHA-256';
}

export function digestHash(algorithm: DigestAlgorithm, data: string): string {
  assertAlgorithm(algorithm);
  return createHash(algorithm === 'MD5' ? 'md5' : 'sha256').update(data, 'utf8').digest('hex');
}

/** The `response` a client must send. Throws SandboxAuthError 'invalid-argument' for bad params. */
export function digestResponse(params: DigestResponseParams): string {
  if (typeof params !== 'object' || params === null) throw new SandboxAuthError('invalid-argument', 'digestResponse() expects a parameter object.');
  const { algorithm, username, realm, password, method, uri, nonce, nc, cnonce, qop } = params;
  assertAlgorithm(algorithm);
  for (const [name, value] of Object.entries({ username, realm, password, method, uri, nonce, nc, cnonce })) assertString(value, name);
  if (qop !== 'auth') throw new SandboxAuthError('invalid-argument', 'Only qop "auth" is supported.');
  if (!/^[0-9A-Fa-f]{8}$/.test(nc)) throw new SandboxAuthError('invalid-argument', 'nc must be 8 hexadecimal digits.');
  const ha1 = digestHash(algorithm, `${username}:${realm}:${password}`);
  const ha2 = digestHash(algorithm, `${method}:${uri}`);
  return digestHash(algorithm, `${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`);
}

/** The `username` a client sends with userhash=true. */
export function digestUserhash(algorithm: DigestAlgorithm, username: string, realm: string): string {
  assertString(username, 'username');
  assertString(realm, 'realm');
  return digestHash(algorithm, `${username}:${realm}`);
}

function assertAlgorithm(algorithm: unknown): asserts algorithm is DigestAlgorithm {
  if (!isDigestAlgorithm(algorithm)) throw new SandboxAuthError('invalid-argument', 'algorithm must be "MD5" or "SHA-256".');
}
