/**
 * HTTP Digest AKAv1-MD5 (RFC 3310 §3.3): RFC 2617 Digest with MD5 whose password is RES, taken as
 * the raw RES octets (not hex, not base64): H(A1) = MD5(username ":" realm ":" RES). On a
 * synchronisation failure the client answers with an empty password and `auts` (RFC 3310 §3.4).
 *
 *   response = MD5( H(A1) ":" nonce ":" nc ":" cnonce ":" qop ":" H(A2) )   with qop
 *            = MD5( H(A1) ":" nonce ":" H(A2) )                             without (RFC 2069)
 *   A2       = method ":" uri [ ":" MD5(entity-body) ]                      the last part for auth-int
 *
 * The existing Digest code hashes passwords as UTF-8 text, which would corrupt RES octets above
 * 0x7F; hence this one computation on bytes, used by the Ub client and the sandbox BSF alike.
 */
import { createHash } from 'node:crypto';

export type AkaQop = 'auth' | 'auth-int';

export interface AkaDigestInput {
  readonly username: string;
  readonly realm: string;
  /** RES, or an empty array with `auts`. */
  readonly password: Uint8Array;
  readonly nonce: string;
  readonly method: string;
  readonly uri: string;
  readonly qop: AkaQop | null;
  readonly nc: string | null;
  readonly cnonce: string | null;
  /** The request body auth-int covers (null: empty). */
  readonly body: Uint8Array | null;
}

function md5(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/** The `response` parameter (a server computes the same with XRES to check it). */
export function akaDigestResponse(input: AkaDigestInput): string {
  return kd(input, input.method, input.body);
}

/** The `rspauth` of Authentication-Info (RFC 2617 §3.2.3: empty method), over the response body for auth-int. */
export function akaDigestRspauth(input: AkaDigestInput, responseBody: Uint8Array | null): string {
  return kd(input, '', responseBody);
}

function kd(input: AkaDigestInput, method: string, body: Uint8Array | null): string {
  const ha1 = md5(`${input.username}:${input.realm}:`, input.password);
  const a2 = input.qop === 'auth-int' ? `${method}:${input.uri}:${md5(body ?? new Uint8Array(0))}` : `${method}:${input.uri}`;
  const ha2 = md5(a2);
  if (input.qop === null) return md5(`${ha1}:${input.nonce}:${ha2}`);
  return md5(`${ha1}:${input.nonce}:${input.nc ?? ''}:${input.cnonce ?? ''}:${input.qop}:${ha2}`);
}
