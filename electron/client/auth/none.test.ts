import { describe, expect, it } from 'vitest';
import type { AuthRequest } from './authenticator';
import { NoAuthenticator } from './none';

const request: AuthRequest = { method: 'GET', url: new URL('http://xcap.example.com/x'), target: '/x', body: null, secure: false };

describe('NoAuthenticator', () => {
  it('sends no credentials', async () => {
    expect(await new NoAuthenticator().authorize(request)).toBeNull();
  });

  it.each([
    [['Digest realm="x", nonce="n"', 'Basic realm="x"'], /it offers Digest, Basic.*--auth digest or --auth basic \(over HTTPS only\)/, ['digest', 'basic']],
    [['Basic realm="x"'], /it offers Basic.*--auth basic/, ['basic']],
    [['Negotiate'], /it offers Negotiate.*--auth digest or --auth basic/, ['negotiate']],
    [[], /it sent no challenge.*--auth digest or --auth basic/, []],
    [['Digest realm="x'], /could not be read/, []],
  ])('a 401 with %j gives up with auth-required and advice', async (values, message, offered) => {
    const verdict = await new NoAuthenticator().challenge(request, values);
    expect(verdict).toMatchObject({ action: 'give-up', error: { code: 'auth-required', message: expect.stringMatching(message), offered } });
  });

  it('checks its arguments', async () => {
    await expect(new NoAuthenticator().authorize({} as AuthRequest)).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(new NoAuthenticator().challenge(request, [1] as unknown as string[])).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
