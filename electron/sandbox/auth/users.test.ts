import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isSandboxAuthError } from './auth-error';
import { User } from './user';
import { parseUserFlag, parseUsersFile, UserDirectory } from './users';

const SECRET = 'hunter2-Sekrit';

function thrown(action: () => unknown): { code: string; line: number | undefined; message: string } {
  try {
    action();
  } catch (error) {
    if (isSandboxAuthError(error)) return { code: error.code, line: error.line, message: error.message };
    throw error;
  }
  throw new Error('expected a SandboxAuthError');
}

describe('parseUserFlag', () => {
  it('splits XUI=PASSWORD at the first "=", so passwords may contain "="', () => {
    const user = parseUserFlag('sip:alice@example.com=a=b=c');
    expect(user.xui).toBe('sip:alice@example.com');
    expect(user.password).toBe('a=b=c');
    expect(user.digestUsername).toBe('alice@example.com');
  });

  it('derives the Digest username by dropping the sip:, sips: or tel: scheme', () => {
    expect(parseUserFlag('tel:+15551234=x').digestUsername).toBe('+15551234');
    expect(parseUserFlag('SIPS:bob@example.com=x').digestUsername).toBe('bob@example.com');
  });

  it('refuses values it cannot split, with a clear message', () => {
    expect(thrown(() => parseUserFlag('sip:alice@example.com'))).toMatchObject({ code: 'invalid-user', message: '--user: expected XUI=PASSWORD, found no "=".' });
    expect(thrown(() => parseUserFlag('=secret'))).toMatchObject({ code: 'invalid-user', message: '--user: expected XUI=PASSWORD, found nothing before "=".' });
    expect(thrown(() => parseUserFlag('sip:alice@example.com='))).toMatchObject({ code: 'invalid-user', message: '--user: sip:alice@example.com has an empty password.' });
    expect(thrown(() => parseUserFlag('alice=secret'))).toMatchObject({ code: 'invalid-user', message: '--user: an XUI must start with sip:, sips: or tel:.' });
    expect(thrown(() => parseUserFlag('sip:=secret')).message).toContain('needs something after its scheme');
    expect(thrown(() => parseUserFlag('sip:al ice@example.com=secret')).message).toContain('spaces');
  });

  it('refuses an XUI with name=value parameters rather than split inside one', () => {
    expect(thrown(() => parseUserFlag('tel:1234;phone-context=example.com=secret'))).toMatchObject({
      code: 'invalid-user',
      message: '--user: the XUI would end in a URI parameter without a value; XUIs with name=value parameters cannot be given as XUI=PASSWORD.',
    });
    expect(thrown(() => parseUserFlag('sip:+1555@example.com;user=phone=secret')).code).toBe('invalid-user');
  });

  it('never quotes the value in an error, since it may hold the password', () => {
    for (const value of [SECRET, `${SECRET}=sip:alice@example.com`, `sip:a b=${SECRET}`, ` =${SECRET}`]) {
      expect(thrown(() => parseUserFlag(value)).message).not.toContain(SECRET);
    }
  });

  it('checks its argument', () => {
    expect(thrown(() => parseUserFlag(42 as unknown as string)).code).toBe('invalid-argument');
  });
});

describe('parseUsersFile', () => {
  it('reads one XUI=PASSWORD per line, skipping blank and # lines, with CRLF and a BOM', () => {
    const text = `\uFEFF# sandbox users\r\n\r\nsip:alice@example.com=${SECRET}\r\n   # indented comment\n  tel:+15551234 = with spaces #not a comment\n`;
    const users = parseUsersFile(text);
    expect(users.map((user) => user.xui)).toEqual(['sip:alice@example.com', 'tel:+15551234']);
    expect(users[0]?.password).toBe(SECRET);
    expect(users[1]?.password).toBe(' with spaces #not a comment');
  });

  it('names the line of an error', () => {
    expect(thrown(() => parseUsersFile('# users\nsip:alice@example.com=a\nbob\n'))).toEqual({
      code: 'invalid-user',
      line: 3,
      message: 'line 3: expected XUI=PASSWORD, found no "=".',
    });
    expect(thrown(() => parseUsersFile('\n\nmailto:a@b=c'))).toMatchObject({ code: 'invalid-user', line: 3 });
  });

  it('refuses a user defined twice, naming both lines', () => {
    expect(thrown(() => parseUsersFile('sip:alice@example.com=a\n\nSIP:alice@EXAMPLE.COM=b'))).toEqual({
      code: 'duplicate-user',
      line: 3,
      message: 'line 3: SIP:alice@EXAMPLE.COM is the same user as sip:alice@example.com on line 1.',
    });
    expect(thrown(() => parseUsersFile('sip:alice@example.com=a\nsips:alice@example.com=b'))).toMatchObject({
      code: 'duplicate-user',
      line: 2,
      message: 'line 2: sips:alice@example.com is the same Digest username as sip:alice@example.com on line 1.',
    });
  });

  it('never quotes a password in an error', () => {
    for (const text of [SECRET, `sip:alice@example.com=${SECRET}\nsip:alice@example.com=${SECRET}`, `x=${SECRET}`, `${SECRET}=sip:a@b`]) {
      expect(thrown(() => parseUsersFile(text)).message).not.toContain(SECRET);
    }
  });
});

describe('UserDirectory', () => {
  const alice = { xui: 'sip:alice@example.com', password: SECRET };

  it('finds users by exact Digest username and by normalised XUI', () => {
    const users = new UserDirectory([alice, parseUserFlag('tel:+15551234=x')]);
    expect(users.findByDigestUsername('alice@example.com')?.xui).toBe('sip:alice@example.com');
    expect(users.findByDigestUsername('Alice@example.com')).toBeUndefined();
    expect(users.findByDigestUsername('sip:alice@example.com')).toBeUndefined();
    expect(users.findByXui('SIP:alice@Example.COM')?.xui).toBe('sip:alice@example.com');
    expect(users.findByXui('sip:Alice@example.com')).toBeUndefined();
    expect(users.findByXui('tel:+1-555-1234')?.xui).toBe('tel:+15551234');
    expect(users.list().map((user) => user.xui)).toEqual(['sip:alice@example.com', 'tel:+15551234']);
    expect(users.size).toBe(2);
  });

  it('add() returns the stored user and refuses duplicates', () => {
    const users = new UserDirectory();
    expect(users.add(alice)).toBeInstanceOf(User);
    expect(thrown(() => users.add({ xui: 'sip:alice@EXAMPLE.com', password: 'other' })).code).toBe('duplicate-user');
    expect(thrown(() => users.add({ xui: 'sips:alice@example.com', password: 'other' })).code).toBe('duplicate-user');
    expect(thrown(() => users.add({ xui: 'alice', password: 'x' })).code).toBe('invalid-user');
    expect(thrown(() => users.add(null as unknown as User)).code).toBe('invalid-argument');
  });

  it('never shows a password in JSON, toString, util.inspect or enumerable keys', () => {
    const users = new UserDirectory([alice]);
    const user = users.list()[0] as User;
    const renderings = [
      JSON.stringify(user),
      JSON.stringify(users),
      JSON.stringify({ user }),
      String(user),
      `${user}`,
      inspect(user, { showHidden: true, depth: 5, getters: true }),
      inspect(users, { showHidden: true, depth: 5 }),
      inspect(users.list()),
      JSON.stringify(Object.entries(user)),
    ];
    for (const text of renderings) expect(text).not.toContain(SECRET);
    expect(JSON.parse(JSON.stringify(user))).toEqual({ xui: 'sip:alice@example.com' });
    expect(String(user)).toBe('sip:alice@example.com');
    expect(user.password).toBe(SECRET);
  });
});
