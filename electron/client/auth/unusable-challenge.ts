/**
 * The AuthError for a 401 an authenticator cannot answer, saying what the server offered and which
 * `--auth` choice would answer it. Shared by Digest, Basic and "none" so the advice reads the same.
 */
import { AuthError } from './auth-error';
import type { Challenge } from './www-authenticate';

const DISPLAY_NAMES: ReadonlyMap<string, string> = new Map([
  ['digest', 'Digest'],
  ['basic', 'Basic'],
  ['bearer', 'Bearer'],
  ['negotiate', 'Negotiate'],
  ['ntlm', 'NTLM'],
]);

/** How the scheme is usually written, e.g. "Digest" for "digest". */
export function schemeDisplayName(scheme: string): string {
  return DISPLAY_NAMES.get(scheme) ?? scheme;
}

/**
 * `wanted`: the scheme of the authenticator that gives up ('none' when nothing is configured).
 * `problems`: why each of the server's challenges of that scheme cannot be answered.
 */
export function noUsableChallenge(wanted: string, challenges: readonly Challenge[], parseErrors: readonly AuthError[], problems: readonly string[] = []): AuthError {
  const offered = [...new Set(challenges.map((challenge) => challenge.scheme))];
  const firstParseError = parseErrors[0];
  if (wanted === 'none') return authRequired(offered, firstParseError);
  if (offered.length === 0 && firstParseError !== undefined) return firstParseError;
  if (offered.length === 0) {
    return new AuthError(
      'unsupported-challenge',
      'The server answered 401 Unauthorized without a WWW-Authenticate challenge, so there is nothing to answer: it may expect a client certificate or an authenticating proxy in front of it.',
      { offered },
    );
  }
  const name = schemeDisplayName(wanted);
  if (problems.length > 0) {
    return new AuthError('unsupported-challenge', `The server's ${name} challenge cannot be answered: ${problems.join('; ')}.`, { offered });
  }
  const other = advice(offered.filter((scheme) => scheme !== wanted));
  // A malformed field may have been the very challenge that was wanted: say so.
  const unreadable = firstParseError === undefined ? '' : ` (another WWW-Authenticate header could not be read: ${firstParseError.message})`;
  return new AuthError('unsupported-challenge', `The server does not offer ${name} authentication (${offersText(offered)})${other === null ? '' : `: try ${other}`}${unreadable}.`, { offered });
}

/** The 401 when no authentication is configured: always 'auth-required', with the advice the challenges allow. */
function authRequired(offered: readonly string[], parseError: AuthError | undefined): AuthError {
  const what = offered.length > 0 ? offersText(offered) : parseError !== undefined ? `its challenge could not be read: ${parseError.message}` : 'it sent no challenge';
  return new AuthError('auth-required', `The server requires authentication (${what}): give a username and password with ${advice(offered) ?? '--auth digest or --auth basic'}.`, { offered });
}

function offersText(offered: readonly string[]): string {
  return `it offers ${offered.map(schemeDisplayName).join(', ')}`;
}

function advice(offered: readonly string[]): string | null {
  const choices: string[] = [];
  if (offered.includes('digest')) choices.push('--auth digest');
  if (offered.includes('basic')) choices.push('--auth basic (over HTTPS only)');
  return choices.length === 0 ? null : choices.join(' or ');
}
