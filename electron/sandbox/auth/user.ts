/**
 * One sandbox user: an XUI and its password. The password is readable (the verifiers need it)
 * but never printed: it is a private field behind a getter, so JSON.stringify, String(),
 * util.inspect and test-runner diffs show the XUI only.
 */
import { inspect } from 'node:util';
import { assertString, SandboxAuthError } from './auth-error';
import { digestUsernameOf, xuiProblem } from './xui';

export interface UserCredentials {
  readonly xui: string;
  readonly password: string;
}

export class User implements UserCredentials {
  /** As given, e.g. `sip:alice@example.com`. */
  readonly xui: string;
  /** The HTTP Digest (and Basic) username: the XUI without its scheme, e.g. `alice@example.com`. */
  readonly digestUsername: string;
  readonly #password: string;

  /** Throws SandboxAuthError 'invalid-user' for an unusable XUI or an empty password. */
  constructor(xui: string, password: string) {
    assertString(xui, 'xui');
    assertString(password, 'password');
    const problem = xuiProblem(xui);
    if (problem !== null) throw new SandboxAuthError('invalid-user', `${capitalize(problem)}.`);
    if (password === '') throw new SandboxAuthError('invalid-user', `${xui} has an empty password.`);
    this.xui = xui;
    this.digestUsername = digestUsernameOf(xui);
    this.#password = password;
  }

  get password(): string {
    return this.#password;
  }

  toJSON(): { xui: string } {
    return { xui: this.xui };
  }

  toString(): string {
    return this.xui;
  }

  [inspect.custom](): string {
    return `User(${this.xui})`;
  }
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
