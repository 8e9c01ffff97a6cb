/** Fuzzing the WWW-Authenticate parser: it never throws anything but its typed error, and reads back what a server writes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthError } from './auth-error';
import { parseAuthParams, parseWwwAuthenticate, readChallenges, type Challenge } from './www-authenticate';

const RUNS = { numRuns: 3000 };

const TCHARS = [..."!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"];
const TOKEN68_CHARS = [...'-._~+/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
const token = fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 8 });
const token68 = fc.tuple(fc.string({ unit: fc.constantFrom(...TOKEN68_CHARS), minLength: 1, maxLength: 12 }), fc.nat(2)).map(([body, pad]) => body + '='.repeat(pad));
// Any character a quoted-string can hold: HTAB, SP, VCHAR, obs-text.
const quotable = fc.oneof(fc.constant('\t'), fc.integer({ min: 0x20, max: 0xff }).filter((code) => code !== 0x7f).map((code) => String.fromCharCode(code)));
const ows = fc.constantFrom('', ' ', '  ', '\t', ' \t');
// Characters that steer the parser into its branches, plus some it must refuse.
const headerish = fc.string({ unit: fc.constantFrom(...'Digest realm="a\\b", nonce=x/y==,\t\r\n\u0000\u00e9\u20ac'.split('')), maxLength: 60 });

interface Generated {
  scheme: string;
  params: [string, string][];
  token68: string | null;
}

const challenge: fc.Arbitrary<Generated> = fc.record({
  scheme: token,
  token68: fc.option(token68, { freq: 4 }),
  params: fc.uniqueArray(fc.tuple(token, fc.string({ unit: quotable, maxLength: 12 })), { selector: ([name]) => name.toLowerCase(), maxLength: 5 }),
});

/** Writes challenges the way servers do, with random spacing, quoting and name case. */
function write(challenges: readonly Generated[], spacing: readonly string[], quoteAll: boolean): string {
  let at = 0;
  const space = () => spacing[at++ % spacing.length] ?? '';
  return challenges
    .map(({ scheme, params, token68: t68 }) => {
      if (t68 !== null) return `${scheme} ${t68}`;
      const written = params.map(([name, value]) => {
        const unquoted = !quoteAll && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value);
        return `${name}${space()}=${space()}${unquoted ? value : `"${value.replace(/["\\]/g, '\\$&')}"`}`;
      });
      return written.length === 0 ? scheme : `${scheme} ${written.join(`${space()},${space()}`)}`;
    })
    .join(`${space()},${space()}`);
}

function expected(challenges: readonly Generated[]): Challenge[] {
  return challenges.map(({ scheme, params, token68: t68 }) => ({
    scheme: scheme.toLowerCase(),
    params: Object.fromEntries(t68 === null ? params.map(([name, value]) => [name.toLowerCase(), value]) : []),
    ...(t68 === null ? {} : { token68: t68 }),
  }));
}

function plain(challenges: readonly Challenge[]): Challenge[] {
  return challenges.map((item) => ({ ...item, params: { ...item.params } }));
}

/** Runs `parse`; anything thrown must be the typed error. */
function onlyTypedErrors(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('malformed-challenge');
    expect(typeof (error as AuthError).position).toBe('number');
  }
}

describe('parseWwwAuthenticate, fuzzed', () => {
  it('never throws anything but AuthError malformed-challenge, whatever the input', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), headerish);
    fc.assert(
      fc.property(anyText, (text) => {
        onlyTypedErrors(() => parseWwwAuthenticate(text));
        onlyTypedErrors(() => parseAuthParams(text));
        expect(() => readChallenges([text, text])).not.toThrow();
      }),
      RUNS,
    );
  });

  it('reads back what a server writes: schemes, token68, parameters with any quotable value', () => {
    const list = fc.array(challenge, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(list, fc.array(ows, { minLength: 1, maxLength: 6 }), fc.boolean(), (challenges, spacing, quoteAll) => {
        expect(plain(parseWwwAuthenticate(write(challenges, spacing, quoteAll)))).toEqual(expected(challenges));
      }),
      RUNS,
    );
  });

  it('mutated valid headers still only ever throw the typed error', () => {
    fc.assert(
      fc.property(fc.array(challenge, { minLength: 1, maxLength: 3 }), fc.nat(), fc.string({ maxLength: 3 }), fc.nat(3), (challenges, at, insert, remove) => {
        const text = write(challenges, [' '], false);
        const cut = at % (text.length + 1);
        onlyTypedErrors(() => parseWwwAuthenticate(text.slice(0, cut) + insert + text.slice(cut + remove)));
      }),
      RUNS,
    );
  });
});
