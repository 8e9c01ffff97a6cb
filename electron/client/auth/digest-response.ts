/**
 * The pure computations of HTTP Digest (RFC 7616 §3.4.1–§3.4.4, RFC 2617 §3.2.2, RFC 2069):
 *
 *   response = KD(H(A1), nonce ":" nc ":" cnonce ":" qop ":" H(A2))   with qop
 *            = KD(H(A1), nonce ":" H(A2))                              without (RFC 2069)
 *   A1       = username ":" realm ":" password
 *   H(A1)    = H(H(A1) ":" nonce ":" cnonce)                           for the -sess algorithms
 *   A2       = method ":" uri [ ":" H(entity-body) ]                   the last part for auth-int
 *   rspauth  = the response with an empty method (RFC 7616 §3.5), over the response's body
 *   userhash = H(username ":" realm)
 *
 * The password is revealed here and nowhere else in Digest.
 */
import type { Secret } from '../../secrets/secret';
import { digestHash, isSessionAlgorithm, type DigestAlgorithm } from './digest-algorithm';

export type DigestQop = 'auth' | 'auth-int';

export interface DigestResponseInput {
  readonly algorithm: DigestAlgorithm;
  /** The real username (also with userhash: A1 always has the name itself). */
  readonly username: string;
  readonly password: Secret;
  /** As text (see wire-text.ts): hashed as UTF-8. */
  readonly realm: string;
  readonly nonce: string;
  /** null for RFC 2069 (no qop). */
  readonly qop: DigestQop | null;
  /** 8 hex digits, e.g. "00000001"; null without qop. */
  readonly nc: string | null;
  /** null without qop. */
  readonly cnonce: string | null;
  readonly method: string;
  /** The `uri` parameter: the request-target as sent. */
  readonly uri: string;
  /** The entity-body auth-int covers (null hashes as empty). Ignored for qop=auth. */
  readonly body: Uint8Array | null;
}

/** The `response` parameter of the Authorization header. */
export function digestResponse(input: DigestResponseInput): string {
  return kd(input, input.method, input.body);
}

/** The `rspauth` a server that knows the password sends in Authentication-Info, given the response's body. */
export function digestRspauth(input: DigestResponseInput, responseBody: Uint8Array | null): string {
  return kd(input, '', responseBody);
}

/** The `username` sent with userhash=true (RFC 7616 §3.4.4). */
export function digestUserhash(algorithm: DigestAlgorithm, username: string, realm: string): string {
  return digestHash(algorithm, `${username}:${realm}`);
}

function kd(input: DigestResponseInput, method: string, body: Uint8Array | null): string {
  const { algorithm, nonce, qop, nc, cnonce } = input;
  const ha1 = hashA1(input);
  const a2 = qop === 'auth-int' ? `${method}:${input.uri}:${digestHash(algorithm, body ?? new Uint8Array(0))}` : `${method}:${input.uri}`;
  const ha2 = digestHash(algorithm, a2);
  if (qop === null) return digestHash(algorithm, `${ha1}:${nonce}:${ha2}`);
  return digestHash(algorithm, `${ha1}:${nonce}:${nc ?? ''}:${cnonce ?? ''}:${qop}:${ha2}`);
}

function hashA1(input: DigestResponseInput): string {
  const { algorithm, username, realm, password, nonce, cnonce } = input;
  const ha1 = digestHash(algorithm, `${username}:${realm}:${password.reveal()}`);
  return isSessionAlgorithm(algorithm) ? digestHash(algorithm, `${ha1}:${nonce}:${cnonce ?? ''}`) : ha1;
}
