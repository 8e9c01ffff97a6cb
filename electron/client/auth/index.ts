/**
 * Client-side HTTP authentication for the XCAP client (issue 4).
 *
 * An Authenticator (authenticator.ts) is what the transport talks to: authorize() before sending,
 * challenge() on a 401, complete() on the final response. Implementations:
 * - DigestAuthenticator: RFC 7616 / 2617 / 2069 Digest, MD5, SHA-256, SHA-512-256 and -sess, qop
 *   auth and auth-int, userhash, username*, nonce reuse with nonce-counts, stale=true, rspauth.
 * - BasicAuthenticator: RFC 7617, over TLS only unless allowCleartext.
 * - NoAuthenticator: sends nothing; a 401 becomes 'auth-required' with advice.
 * The GBA / Digest-AKA authenticator (TS 33.222) is meant to plug in beside them.
 *
 * Passwords are always Secret; they appear in no message, log or error.
 */
export type { AuthRequest, AuthSchemeName, Authenticator, ChallengeVerdict, ResponseHeaders } from './authenticator';
export { AuthError, isAuthError, type AuthErrorCode, type AuthErrorDetails } from './auth-error';
export { parseAuthParams, parseWwwAuthenticate, readChallenges, type Challenge } from './www-authenticate';
export { DigestAuthenticator, type DigestOptions } from './digest';
export { DIGEST_ALGORITHMS, digestHash, type DigestAlgorithm } from './digest-algorithm';
export { digestResponse, digestRspauth, digestUserhash, type DigestQop, type DigestResponseInput } from './digest-response';
export { chooseDigestChallenge, readDigestChallenge, type DigestChallenge, type DigestChoice } from './digest-challenge';
export { BasicAuthenticator, type BasicOptions } from './basic';
export { NoAuthenticator } from './none';
export { GbaAuthenticator, isBootstrappingRealm, type GbaOptions } from './gba';
