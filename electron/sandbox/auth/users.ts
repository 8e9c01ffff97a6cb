/**
 * The sandbox's user directory, and the two ways users are configured:
 *
 *   --user sip:alice@example.com=secret          (parseUserFlag, repeatable)
 *   --users users.txt                             (parseUsersFile: one XUI=PASSWORD per line)
 *
 * A value splits at its first "=" and the password is everything after it, verbatim: it may
 * contain "=", "#" and spaces. The price: an XUI cannot contain "=", so XUIs with name=value
 * URI parameters (`tel:1234;phone-context=example.com`) cannot be configured this way, and
 * the split inside such a parameter is detected and refused. No error message quotes a
 * password or anything that could be one.
 */
import { SandboxAuthError, assertString, isSandboxAuthError } from './auth-error';
import { User, type UserCredentials } from './user';
import { normalizeXui } from './xui';

export class UserDirectory {
  readonly #byXui = new Map<string, User>();
  readonly #byDigestUsername = new Map<string, User>();

  constructor(users: Iterable<User | UserCredentials> = []) {
    for (const user of users) this.add(user);
  }

  /**
   * Adds a user; returns the stored User. Throws SandboxAuthError 'duplicate-user' when the
   * XUI (after normalisation) or the Digest username is taken, so a Digest username always
   * names one user; 'invalid-user' when the XUI or password is unusable.
   */
  add(user: User | UserCredentials): User {
    if (typeof user !== 'object' || user === null) throw new SandboxAuthError('invalid-argument', 'add() expects { xui, password }.');
    const stored = user instanceof User ? user : new User(user.xui, user.password);
    const key = normalizeXui(stored.xui);
    const sameXui = this.#byXui.get(key);
    if (sameXui) throw new SandboxAuthError('duplicate-user', `${stored.xui} is already a user (as ${sameXui.xui}).`);
    const sameName = this.#byDigestUsername.get(stored.digestUsername);
    if (sameName) {
      throw new SandboxAuthError('duplicate-user', `${stored.xui} and ${sameName.xui} would share the Digest username "${stored.digestUsername}".`);
    }
    this.#byXui.set(key, stored);
    this.#byDigestUsername.set(stored.digestUsername, stored);
    return stored;
  }

  /** Exact, case-sensitive match on the username as a client sends it (`alice@example.com`). */
  findByDigestUsername(username: string): User | undefined {
    assertString(username, 'username');
    return this.#byDigestUsername.get(username);
  }

  /** Match after XUI normalisation (see normalizeXui): `SIP:alice@EXAMPLE.com` finds `sip:alice@example.com`. */
  findByXui(xui: string): User | undefined {
    assertString(xui, 'xui');
    return this.#byXui.get(normalizeXui(xui));
  }

  /** All users, in the order they were added. */
  list(): User[] {
    return [...this.#byXui.values()];
  }

  get size(): number {
    return this.#byXui.size;
  }

  toJSON(): { xui: string }[] {
    return this.list().map((user) => user.toJSON());
  }
}

/** One `--user XUI=PASSWORD` value. Throws SandboxAuthError 'invalid-user'. */
export function parseUserFlag(text: string): User {
  assertString(text, '--user value');
  return parseAssignment(text, '--user:');
}

/**
 * A users file: one `XUI=PASSWORD` per line; blank lines and lines whose first non-blank
 * character is "#" are skipped. Spaces around the XUI are ignored; the password runs to the
 * end of the line, verbatim. Throws SandboxAuthError 'invalid-user' or 'duplicate-user' with
 * the 1-based `line`.
 */
export function parseUsersFile(text: string): User[] {
  assertString(text, 'users file');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const users = new UserDirectory();
  const lineOf = new Map<User, number>();
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) return;
    const where = `line ${lineNumber}:`;
    let user: User;
    try {
      user = parseAssignment(content, where);
    } catch (error) {
      if (!isSandboxAuthError(error)) throw error;
      throw new SandboxAuthError(error.code, error.message, { line: lineNumber });
    }
    // Checked here rather than left to add() so the message can name the earlier line.
    const earlier = users.findByXui(user.xui) ?? users.findByDigestUsername(user.digestUsername);
    if (earlier) {
      const clash = normalizeXui(earlier.xui) === normalizeXui(user.xui) ? 'the same user as' : 'the same Digest username as';
      throw new SandboxAuthError('duplicate-user', `${where} ${user.xui} is ${clash} ${earlier.xui} on line ${lineOf.get(earlier)}.`, { line: lineNumber });
    }
    lineOf.set(users.add(user), lineNumber);
  });
  return users.list();
}

function parseAssignment(text: string, where: string): User {
  const equals = text.indexOf('=');
  if (equals === -1) throw new SandboxAuthError('invalid-user', `${where} expected XUI=PASSWORD, found no "=".`);
  const xui = text.slice(0, equals).trim();
  const password = text.slice(equals + 1);
  if (xui === '') throw new SandboxAuthError('invalid-user', `${where} expected XUI=PASSWORD, found nothing before "=".`);
  // `tel:1234;phone-context=example.com=pw` would split inside the parameter: refuse, not guess.
  if (/;[^;=]*$/.test(xui)) {
    throw new SandboxAuthError('invalid-user', `${where} the XUI would end in a URI parameter without a value; XUIs with name=value parameters cannot be given as XUI=PASSWORD.`);
  }
  try {
    return new User(xui, password);
  } catch (error) {
    if (!isSandboxAuthError(error)) throw error;
    throw new SandboxAuthError(error.code, `${where} ${uncapitalize(error.message)}`);
  }
}

function uncapitalize(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
