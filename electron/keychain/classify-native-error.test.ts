/** The words of the real stores (seen on Debian 12 with gnome-keyring 42.1 and @napi-rs/keyring 2.1.2) and the errors they become. */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifyNativeError } from './classify-native-error';

function native(message: string, inner?: string): Error {
  const error = new Error(message, inner === undefined ? undefined : { cause: new Error(inner) });
  return Object.assign(error, { code: 'GenericFailure' });
}

const context = { operation: 'get', service: 'xcap-console', account: 'profile:lab:password', platform: 'linux' } as const;

describe('classifyNativeError', () => {
  it.each([
    ['Platform failure: DBus error: Failed to connect to socket /nonexistent: No such file or directory', 'keychain-unavailable'],
    ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'keychain-unavailable'],
    ['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', 'keychain-unavailable'],
    ["Couldn't access platform storage: No DBus session or Secret Service provider found", 'keychain-unavailable'],
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'keychain-prompt-dismissed'],
    ["Couldn't access platform storage: SS error: prompt dismissed", 'keychain-prompt-dismissed'],
    ["Couldn't access platform storage: Secret Service: object locked", 'keychain-locked'],
    ["Couldn't access platform storage: SS Error: object locked", 'keychain-locked'],
    ['Store data is malformed: bad attribute', 'keychain-error'],
    ['Entry is matched by 2 credentials', 'keychain-error'],
  ])('%s → %s', (message, code) => {
    expect(classifyNativeError(native(message), context).code).toBe(code);
  });

  it('tells what to do next for a missing Secret Service, and never offers plaintext', () => {
    const error = classifyNativeError(native('Platform failure: DBus error: Failed to connect to socket /x: No such file or directory'), context);
    expect(error.message).toMatch(/start gnome-keyring or another Secret Service.*or run inside dbus-run-session/);
    expect(error.message).toMatch(/never falls back to storing passwords in plaintext/);
    expect(error.message).toContain('Failed to connect to socket /x');
    expect(error).toMatchObject({ operation: 'get', service: 'xcap-console', account: 'profile:lab:password' });
  });

  it('says the keyring is locked when an unlock prompt is dismissed', () => {
    const error = classifyNativeError(native("Couldn't access platform storage: Secret Service: unlock prompt was dismissed"), context);
    expect(error.message).toMatch(/^the keyring is locked and its unlock prompt was dismissed/);
  });

  it('reads a set into a Secret Service without a default collection as unavailable, with the fix', () => {
    const error = classifyNativeError(native("Couldn't access platform storage: Secret Service: no result found"), { ...context, operation: 'set' });
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message).toMatch(/no default keyring.*create one/);
    expect(classifyNativeError(native("Couldn't access platform storage: Secret Service: no result found"), context).code).toBe('keychain-error');
  });

  it('reads nested causes once', () => {
    const error = classifyNativeError(native('Platform failure: DBus error: Failed to connect', 'Failed to connect'), context);
    expect(error.detail).toBe('Platform failure: DBus error: Failed to connect');
  });

  it('gives macOS and Windows their own advice', () => {
    const error = classifyNativeError(native('No DBus session or Secret Service provider found'), { ...context, platform: 'darwin' });
    expect(error.message).toMatch(/^the system keychain is not reachable/);
  });

  it('removes an echoed secret from every form of the error', () => {
    const error = classifyNativeError(native('Invalid attribute hunter2-value', 'hunter2-value rejected'), { ...context, operation: 'set', secretValue: 'hunter2-value' });
    for (const text of [error.message, error.detail ?? '', JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true })]) {
      expect(text).not.toContain('hunter2');
    }
    expect(error.detail).toContain('<redacted>');
  });

  it('accepts anything thrown', () => {
    expect(classifyNativeError('just a string', context)).toMatchObject({ code: 'keychain-error', detail: 'just a string' });
    expect(classifyNativeError(undefined, context)).toMatchObject({ code: 'keychain-error', detail: 'no details' });
  });
});
