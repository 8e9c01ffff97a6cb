/**
 * Authentication and authorization for the sandbox XCAP server, in the order TS 24.141
 * §6.3.2 prescribes: authenticate, then authorize, then act.
 *
 * Authenticate, one of:
 * - HTTP Digest (RFC 7616; qop=auth, SHA-256 and MD5, userhash): DigestAuthenticator. A
 *   failed verify() answers 401 with `challenge(result.stale)` as the WWW-Authenticate values.
 * - HTTP Basic (RFC 7617), over TLS only: verifyBasic, basicChallenge.
 * - Authentication proxy (TS 24.141 §6.2.3): assertedIdentity trusts X-3GPP-Asserted-Identity
 *   from the configured proxy addresses only.
 *
 * Users come from `--user XUI=PASSWORD` (parseUserFlag) and users files (parseUsersFile) into
 * a UserDirectory. A user's Digest/Basic username is its XUI without the scheme.
 *
 * Authorize: authorize(xui, target, method) → 'allow' (act) or 'forbidden' (403). Users reach
 * their own users/<XUI> and mime/users/<XUI> trees; global documents are read-only.
 *
 * Passwords are never in error messages, String(user), JSON or util.inspect output.
 */
export { isSandboxAuthError, SandboxAuthError, type SandboxAuthErrorCode } from './auth-error';
export { User, type UserCredentials } from './user';
export { parseUserFlag, parseUsersFile, UserDirectory } from './users';
export { digestUsernameOf, normalizeXui, xuiProblem, xuiScheme, type XuiScheme } from './xui';
export {
  DigestAuthenticator,
  type DigestAuthenticatorOptions,
  type DigestFailureReason,
  type DigestRequest,
  type DigestUser,
  type DigestUsers,
  type DigestVerification,
} from './digest';
export { digestHash, digestResponse, digestUserhash, type DigestAlgorithm, type DigestResponseParams } from './digest-response';
export { HmacNonceSource, type NonceSource } from './nonce';
export { basicChallenge, verifyBasic, type BasicFailureReason, type BasicOptions, type BasicVerification } from './basic';
export { authorize, type AuthorizationDecision, type AuthorizationTarget } from './authorize';
export { assertedIdentity, ASSERTED_IDENTITY_HEADER, type HeaderMap } from './asserted-identity';
