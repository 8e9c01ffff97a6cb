import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

describe('contentSecurityPolicy', () => {
  const policy = Object.fromEntries(contentSecurityPolicy(['ws://127.0.0.1:1234']).split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allows only the app\'s own scripts (and WebAssembly), no inline or eval', () => {
    expect(policy['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy['default-src']).toEqual(["'self'"]);
  });

  it('forbids plugins, framing, base changes and form posts', () => {
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'none'"]);
  });

  it('connects only to itself and the given sources', () => {
    expect(policy['connect-src']).toEqual(["'self'", 'ws://127.0.0.1:1234']);
  });
});
