import { describe, expect, it } from 'vitest';
import { authorize, type AuthorizationTarget } from './authorize';

const ALICE = 'sip:alice@example.com';

describe('authorize', () => {
  it("lets a user do anything in its own users/ and mime/users/ trees", () => {
    for (const kind of ['users', 'mime'] as const) {
      for (const method of ['GET', 'PUT', 'DELETE', 'HEAD']) expect(authorize(ALICE, { kind, xui: ALICE }, method)).toBe('allow');
    }
  });

  it("forbids other users' trees", () => {
    for (const kind of ['users', 'mime'] as const) {
      expect(authorize(ALICE, { kind, xui: 'sip:bob@example.com' }, 'GET')).toBe('forbidden');
      expect(authorize(ALICE, { kind, xui: 'sips:alice@example.com' }, 'GET')).toBe('forbidden');
      expect(authorize(ALICE, { kind, xui: '' }, 'GET')).toBe('forbidden');
    }
  });

  it('compares XUIs with scheme and host case-insensitive, user part case-sensitive', () => {
    expect(authorize(ALICE, { kind: 'users', xui: 'SIP:alice@EXAMPLE.COM' }, 'PUT')).toBe('allow');
    expect(authorize('sip:alice@Example.com', { kind: 'users', xui: ALICE }, 'PUT')).toBe('allow');
    expect(authorize(ALICE, { kind: 'users', xui: 'sip:Alice@example.com' }, 'PUT')).toBe('forbidden');
    expect(authorize('tel:+15551234', { kind: 'users', xui: 'tel:+1-555-1234' }, 'GET')).toBe('allow');
  });

  it('makes global documents read-only', () => {
    expect(authorize(ALICE, { kind: 'global' }, 'GET')).toBe('allow');
    expect(authorize(ALICE, { kind: 'global' }, 'HEAD')).toBe('allow');
    for (const method of ['PUT', 'DELETE', 'POST', 'get']) expect(authorize(ALICE, { kind: 'global' }, method)).toBe('forbidden');
  });

  it('forbids everything else', () => {
    for (const method of ['GET', 'PUT', 'DELETE']) expect(authorize(ALICE, { kind: 'other' }, method)).toBe('forbidden');
  });

  it('checks its arguments', () => {
    const invalid = expect.objectContaining({ code: 'invalid-argument' });
    expect(() => authorize(ALICE, { kind: 'user' } as unknown as AuthorizationTarget, 'GET')).toThrow(invalid);
    expect(() => authorize(ALICE, null as unknown as AuthorizationTarget, 'GET')).toThrow(invalid);
    expect(() => authorize(ALICE, { kind: 'users' } as AuthorizationTarget, 'GET')).toThrow(invalid);
    expect(() => authorize('', { kind: 'global' }, 'GET')).toThrow(invalid);
    expect(() => authorize(ALICE, { kind: 'global' }, '')).toThrow(invalid);
  });
});
