/**
 * Authorization of an authenticated user's XCAP request (TS 24.141 §6.3.2, second step):
 *
 *   users/<XUI>/…  and  mime/users/<XUI>/…   the user's own trees: any method, for its own XUI only
 *   global/…                                  read-only for everyone: GET and HEAD
 *   anything else                             forbidden
 *
 * "Any method" on the own tree means authorization does not stand in the way; whether the
 * method makes sense there (405) is the XCAP server's business. XUIs compare after
 * normalizeXui: scheme and host case-insensitive, user part case-sensitive.
 */
import { assertString, SandboxAuthError } from './auth-error';
import { normalizeXui } from './xui';

export type AuthorizationTarget = { kind: 'users'; xui: string } | { kind: 'global' } | { kind: 'mime'; xui: string } | { kind: 'other' };

export type AuthorizationDecision = 'allow' | 'forbidden';

// Methods are case-sensitive (RFC 9110 §9.1): "get" is not a read.
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

export function authorize(user: string, target: AuthorizationTarget, method: string): AuthorizationDecision {
  assertString(user, 'user');
  assertString(method, 'method');
  if (user === '') throw new SandboxAuthError('invalid-argument', 'user must be an XUI.');
  if (method === '') throw new SandboxAuthError('invalid-argument', 'method must not be empty.');
  if (typeof target !== 'object' || target === null) throw new SandboxAuthError('invalid-argument', 'target must be an object with a kind.');
  switch (target.kind) {
    case 'users':
    case 'mime':
      assertString(target.xui, 'target.xui');
      return target.xui !== '' && normalizeXui(target.xui) === normalizeXui(user) ? 'allow' : 'forbidden';
    case 'global':
      return READ_METHODS.has(method) ? 'allow' : 'forbidden';
    case 'other':
      return 'forbidden';
    default:
      throw new SandboxAuthError('invalid-argument', 'target.kind must be "users", "global", "mime" or "other".');
  }
}
