/**
 * HTTP Basic authentication (RFC 7617), which sends the password itself: the sandbox may
 * offer it over TLS only, so verifyBasic refuses ('insecure') before even reading the
 * header when the connection is not secure.
 *
 * The user-id is the user's Digest username (`alice@example.com`); it ends at the first ":"
 * of the decoded credentials, as RFC 7617 §2 says, so the password may contain ":".
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { assertString, SandboxAuthError } from './auth-error';
import { quoteString, splitCredentials } from './http-credentials';
import type { User } from './user';
import type { UserDirectory } from './users';

export type BasicFailureReason = 'insecure' | 'missing' | 'malformed' | 'unsupported' | 'unknown-user' | 'wrong-password';

export type BasicVerification = { ok: true; user: User } | { ok: false; reason: BasicFailureReason };

export interface BasicOptions {
  /** Whether the request came over TLS (e.g. `req.socket.encrypted === true`). */
  secure: boolean;
}

// Standard base64, padded, as RFC 7617 clients send it.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function verifyBasic(authorization: string | undefined, users: Pick<UserDirectory, 'findByDigestUsername'>, options: BasicOptions): BasicVerification {
  if (authorization !== undefined) assertString(authorization, 'authorization');
  if (typeof users?.findByDigestUsername !== 'function') throw new SandboxAuthError('invalid-argument', 'users must be a UserDirectory.');
  if (typeof options?.secure !== 'boolean') throw new SandboxAuthError('invalid-argument', 'options.secure must be a boolean.');
  if (!options.secure) return { ok: false, reason: 'insecure' };
  if (authorization === undefined || authorization.trim() === '') return { ok: false, reason: 'missing' };

  const split = splitCredentials(authorization);
  if (split === null) return { ok: false, reason: 'malformed' };
  if (split.scheme.toLowerCase() !== 'basic') return { ok: false, reason: 'unsupported' };
  if (split.rest === '' || !BASE64.test(split.rest)) return { ok: false, reason: 'malformed' };
  let decoded: string;
  try {
    decoded = UTF8.decode(Buffer.from(split.rest, 'base64'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const colon = decoded.indexOf(':');
  if (colon === -1) return { ok: false, reason: 'malformed' };

  const user = users.findByDigestUsername(decoded.slice(0, colon));
  // Compared as fixed-length hashes so neither the length nor the content leaks through timing.
  const matches = timingSafeEqual(sha256(decoded.slice(colon + 1)), sha256(user?.password ?? ''));
  if (!user) return { ok: false, reason: 'unknown-user' };
  return matches ? { ok: true, user } : { ok: false, reason: 'wrong-password' };
}

/** The WWW-Authenticate value offering Basic (RFC 7617 §2.1). */
export function basicChallenge(realm: string): string {
  assertString(realm, 'realm');
  return `Basic realm=${quoteString(realm)}, charset="UTF-8"`;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
