/**
 * Formats the Digest Authorization value (RFC 7616 §3.4), in the order of the RFC's examples:
 *
 *   Digest username="…", realm="…", uri="…", algorithm=…, nonce="…", nc=…, cnonce="…", qop=…,
 *          response="…", opaque="…", userhash=true
 *
 * The username goes as `username="…"` when it is printable ASCII, as the hash with userhash=true,
 * and otherwise as `username*=UTF-8''…` (RFC 8187), never with userhash. nc, qop and algorithm are
 * tokens and go unquoted, as RFC 7616 requires (some servers reject qop="auth").
 */
import type { DigestAlgorithm } from './digest-algorithm';
import type { DigestQop } from './digest-response';
import { encodeExtValue } from './ext-value';
import { quoteString } from './http-syntax';

export interface DigestAuthorizationFields {
  /** The username as configured, or with userhash its hash. */
  readonly username: string;
  readonly userhash: boolean;
  /** Server values as received, echoed byte for byte. */
  readonly realm: string;
  readonly nonce: string;
  readonly opaque: string | undefined;
  readonly uri: string;
  /** null: the challenge did not name one, so neither does the answer. */
  readonly algorithm: DigestAlgorithm | null;
  readonly qop: DigestQop | null;
  readonly nc: string | null;
  readonly cnonce: string | null;
  readonly response: string;
}

export function formatDigestAuthorization(fields: DigestAuthorizationFields): string {
  const parts = [usernameParam(fields.username, fields.userhash), `realm=${quoteString(fields.realm, 'The realm')}`, `uri=${quoteString(fields.uri, 'The request-target')}`];
  if (fields.algorithm !== null) parts.push(`algorithm=${fields.algorithm}`);
  parts.push(`nonce=${quoteString(fields.nonce, 'The nonce')}`);
  if (fields.qop !== null) parts.push(`nc=${fields.nc ?? ''}`, `cnonce=${quoteString(fields.cnonce ?? '', 'The cnonce')}`, `qop=${fields.qop}`);
  parts.push(`response="${fields.response}"`);
  if (fields.opaque !== undefined) parts.push(`opaque=${quoteString(fields.opaque, 'The opaque value')}`);
  if (fields.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

function usernameParam(username: string, userhash: boolean): string {
  if (userhash || /^[\x20-\x7e]*$/.test(username)) return `username=${quoteString(username, 'The username')}`;
  return `username*=${encodeExtValue(username)}`;
}
