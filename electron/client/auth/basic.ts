/**
 * HTTP Basic authentication (RFC 7617): the username and password, UTF-8, base64. Anyone on the
 * path can read them, so Basic is sent over TLS only unless `allowCleartext: true` says otherwise.
 *
 * Credentials go out only once the server has asked for Basic (a 401 with a Basic challenge);
 * after that, with `preemptive` (the default), with every request, saving the 401 round trip.
 * The charset is always UTF-8: RFC 7617 §2.1 defines no other, and ASCII is unaffected.
 */
import { Secret } from '../../secrets/secret';
import { AuthError, assertString, optionalBoolean } from './auth-error';
import { checkAuthRequest, checkHeaderValues } from './auth-request';
import type { Authenticator, AuthRequest, ChallengeVerdict } from './authenticator';
import { noUsableChallenge } from './unusable-challenge';
import { readChallenges } from './www-authenticate';

export interface BasicOptions {
  /** The user-id. RFC 7617 §2: it cannot contain ":" (the first ":" ends it). */
  readonly username: string;
  readonly password: Secret;
  /** Send the password over plain HTTP too. Default false: it would travel readable. */
  readonly allowCleartext?: boolean;
  /** Once the server has asked for Basic, send credentials with every request. Default true. */
  readonly preemptive?: boolean;
}

interface RequestState {
  challenges: number;
  /** Whether the last authorize() for this request gave credentials. */
  sent: boolean;
  /** challenge() said 'retry': the next authorize() answers it. */
  answering: boolean;
}

export class BasicAuthenticator implements Authenticator {
  readonly scheme = 'basic';
  readonly username: string;
  readonly #password: Secret;
  readonly #allowCleartext: boolean;
  readonly #preemptive: boolean;
  /** Whether the server has asked for Basic: until then credentials stay home. */
  #asked = false;
  readonly #requests = new WeakMap<AuthRequest, RequestState>();

  constructor(options: BasicOptions) {
    if (typeof options !== 'object' || options === null) throw new AuthError('invalid-argument', 'BasicAuthenticator expects { username, password }.');
    assertString(options.username, 'username');
    if (options.username.includes(':')) throw new AuthError('invalid-argument', 'A Basic username cannot contain ":" (RFC 7617 §2): the server would split it there.');
    // eslint-disable-next-line no-control-regex -- control characters are what RFC 7617 §2 forbids
    if (/[\u0000-\u001f\u007f]/.test(options.username) || /\p{Cs}/u.test(options.username)) {
      throw new AuthError('invalid-argument', 'A Basic username cannot contain control characters or lone surrogates.');
    }
    if (!(options.password instanceof Secret)) throw new AuthError('invalid-argument', 'password must be a Secret (electron/secrets/secret.ts), so it cannot leak into logs.');
    this.username = options.username;
    this.#password = options.password;
    this.#allowCleartext = optionalBoolean(options.allowCleartext, 'allowCleartext', false);
    this.#preemptive = optionalBoolean(options.preemptive, 'preemptive', true);
  }

  async authorize(request: AuthRequest): Promise<string | null> {
    checkAuthRequest(request, 'BasicAuthenticator.authorize()');
    const state = this.#stateOf(request);
    state.sent = false;
    if (!(state.answering || (this.#preemptive && this.#asked))) return null;
    if (!request.secure && !this.#allowCleartext) return null;
    state.sent = true;
    return `Basic ${Buffer.from(`${this.username}:${this.#password.reveal()}`, 'utf8').toString('base64')}`;
  }

  async challenge(request: AuthRequest, wwwAuthenticate: readonly string[]): Promise<ChallengeVerdict> {
    checkAuthRequest(request, 'BasicAuthenticator.challenge()');
    checkHeaderValues(wwwAuthenticate, 'BasicAuthenticator.challenge()');
    const state = this.#stateOf(request);
    const { challenges, errors } = readChallenges(wwwAuthenticate);
    const basic = challenges.find((challenge) => challenge.scheme === 'basic');
    if (basic === undefined) return giveUp(noUsableChallenge('basic', challenges, errors));
    if (!request.secure && !this.#allowCleartext) {
      return giveUp(
        new AuthError(
          'basic-cleartext',
          `Refusing to send the Basic password of "${this.username}" to ${request.url.origin} over plain HTTP: anyone on the network path could read it. ` +
            'Use an https:// URL, or Digest if the server offers it; to send it anyway (a lab network), set allowCleartext: true (--allow-cleartext).',
        ),
      );
    }
    // Basic credentials never change, and Basic has no stale: a 401 to any sent credentials means they are wrong.
    if (state.sent || state.challenges > 0) {
      const realm = basic.params.realm === undefined ? '' : ` for realm "${basic.params.realm}"`;
      return giveUp(new AuthError('auth-rejected', `The server refused the Basic credentials of "${this.username}"${realm}: check the username and password.`));
    }
    state.challenges++;
    state.answering = true;
    this.#asked = true;
    return { action: 'retry' };
  }

  #stateOf(request: AuthRequest): RequestState {
    let state = this.#requests.get(request);
    if (state === undefined) {
      state = { challenges: 0, sent: false, answering: false };
      this.#requests.set(request, state);
    }
    return state;
  }
}

function giveUp(error: AuthError): ChallengeVerdict {
  return { action: 'give-up', error };
}
