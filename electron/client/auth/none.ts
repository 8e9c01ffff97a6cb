/**
 * No authentication: requests go without credentials, and a 401 is a clear error that says which
 * `--auth` choice the server's challenges call for. For servers behind an authenticating proxy
 * (TS 24.141 §6.2.3), or sandboxes and labs without access control.
 */
import { checkAuthRequest, checkHeaderValues } from './auth-request';
import type { Authenticator, AuthRequest, ChallengeVerdict } from './authenticator';
import { noUsableChallenge } from './unusable-challenge';
import { readChallenges } from './www-authenticate';

export class NoAuthenticator implements Authenticator {
  readonly scheme = 'none';

  async authorize(request: AuthRequest): Promise<string | null> {
    checkAuthRequest(request, 'NoAuthenticator.authorize()');
    return null;
  }

  async challenge(request: AuthRequest, wwwAuthenticate: readonly string[]): Promise<ChallengeVerdict> {
    checkAuthRequest(request, 'NoAuthenticator.challenge()');
    checkHeaderValues(wwwAuthenticate, 'NoAuthenticator.challenge()');
    const { challenges, errors } = readChallenges(wwwAuthenticate);
    const error = noUsableChallenge('none', challenges, errors);
    return { action: 'give-up', error };
  }
}
