import { describe, expect, it } from 'vitest';
import { digestUsernameOf, normalizeXui, xuiProblem, xuiScheme } from './xui';

describe('xuiScheme and xuiProblem', () => {
  it('accepts sip:, sips: and tel: URIs in any case', () => {
    expect(xuiScheme('sip:alice@example.com')).toBe('sip');
    expect(xuiScheme('SIPS:alice@example.com')).toBe('sips');
    expect(xuiScheme('Tel:+1555')).toBe('tel');
    expect(xuiScheme('mailto:alice@example.com')).toBeNull();
    expect(xuiProblem('sip:alice@example.com')).toBeNull();
  });

  it('explains what is wrong without quoting the text', () => {
    expect(xuiProblem('alice@example.com')).toBe('an XUI must start with sip:, sips: or tel:');
    expect(xuiProblem('tel:')).toBe('an XUI needs something after its scheme');
    expect(xuiProblem('sip:alice@example.com\n')).toBe('an XUI cannot contain spaces or control characters');
  });
});

describe('digestUsernameOf', () => {
  it('drops the scheme and keeps the rest as written', () => {
    expect(digestUsernameOf('sip:Alice@Example.com')).toBe('Alice@Example.com');
    expect(digestUsernameOf('tel:+15551234')).toBe('+15551234');
  });
});

describe('normalizeXui', () => {
  it('makes scheme and host case-insensitive and keeps the user part case-sensitive', () => {
    expect(normalizeXui('SIP:Alice@EXAMPLE.com')).toBe('sip:Alice@example.com');
    expect(normalizeXui('sip:alice@example.com')).not.toBe(normalizeXui('sip:Alice@example.com'));
    expect(normalizeXui('sip:EXAMPLE.com')).toBe('sip:example.com');
  });

  it('keeps parameters as written and sip: apart from sips:', () => {
    expect(normalizeXui('sip:a@EX.com:5060;Transport=TCP')).toBe('sip:a@ex.com:5060;Transport=TCP');
    expect(normalizeXui('sips:a@b')).not.toBe(normalizeXui('sip:a@b'));
  });

  it('decodes escaped unreserved characters in the user part only', () => {
    expect(normalizeXui('sip:%61lice@example.com')).toBe('sip:alice@example.com');
    expect(normalizeXui('sip:a%3bb@example.com')).toBe('sip:a%3Bb@example.com');
  });

  it('compares tel URIs case-insensitively without visual separators', () => {
    expect(normalizeXui('tel:+1-555-(123).4')).toBe('tel:+15551234');
    expect(normalizeXui('TEL:1234;Phone-Context=EXAMPLE.com')).toBe('tel:1234;phone-context=example.com');
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', ':', 'x', 'http:A', 'sip:', 'sip:@', 'tel:;']) expect(typeof normalizeXui(text)).toBe('string');
    expect(normalizeXui('HTTP:A')).toBe('http:A');
  });
});
