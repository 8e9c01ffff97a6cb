import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isXcapCoreError } from '../errors';
import { buildXcapUri, detectLegacyXcapUri, formatXcapUriForDisplay, parseXcapUri, parseXcapUriLenient } from './index';
import { isPathChar } from './char-classes';
import { encodeNodeSelector, encodePathSegment, encodeQueryText, percentDecode } from './percent';
import { rootIsDetectable, text, xcapUri } from './test-support/arbitraries';

const RUNS = { numRuns: 1000 };

/** Percent-encodes, in the part after the root, some characters that may stay raw: any valid spelling must parse the same. */
function respell(wire: string, rootLength: number, picks: readonly boolean[], lowercase: boolean): string {
  let out = wire.slice(0, rootLength);
  for (let index = rootLength; index < wire.length; index++) {
    const char = wire.charAt(index);
    if (char === '%') {
      const escape = wire.slice(index, index + 3);
      out += lowercase ? escape.toLowerCase() : escape;
      index += 2;
    } else if (isPathChar(char.charCodeAt(0)) && picks[index % picks.length] === true) {
      const escape = `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
      out += lowercase ? escape : escape.toUpperCase();
    } else {
      out += char;
    }
  }
  return out;
}

describe('round-trips', () => {
  it('parseXcapUri(buildXcapUri(u), { root: u.root }) deep-equals u', () => {
    fc.assert(
      fc.property(xcapUri, (uri) => {
        expect(parseXcapUri(buildXcapUri(uri), { root: uri.root })).toEqual(uri);
      }),
      RUNS,
    );
  });

  it('parseXcapUri(buildXcapUri(u)) deep-equals u when the root can be found without options.root', () => {
    fc.assert(
      fc.property(
        xcapUri.filter((uri) => rootIsDetectable(uri)),
        (uri) => {
          expect(parseXcapUri(buildXcapUri(uri))).toEqual(uri);
        },
      ),
      RUNS,
    );
  });

  it('buildXcapUri(parseXcapUri(s)) === s for canonical s', () => {
    fc.assert(
      fc.property(xcapUri, (uri) => {
        const canonical = buildXcapUri(uri);
        expect(buildXcapUri(parseXcapUri(canonical, { root: uri.root }))).toBe(canonical);
      }),
      RUNS,
    );
  });

  it('parseXcapUriLenient inverts formatXcapUriForDisplay and reads canonical URIs like parseXcapUri', () => {
    fc.assert(
      fc.property(xcapUri, (uri) => {
        expect(parseXcapUriLenient(formatXcapUriForDisplay(uri), { root: uri.root })).toEqual(uri);
        expect(parseXcapUriLenient(buildXcapUri(uri), { root: uri.root })).toEqual(uri);
      }),
      RUNS,
    );
  });

  it('any valid spelling (lowercase hex, needless escapes) parses to the same value', () => {
    fc.assert(
      fc.property(xcapUri, fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }), fc.boolean(), (uri, picks, lowercase) => {
        const spelled = respell(buildXcapUri(uri), uri.root.length, picks, lowercase);
        expect(parseXcapUri(spelled, { root: uri.root })).toEqual(uri);
      }),
      RUNS,
    );
  });
});

describe('percent-encoding', () => {
  const anyString = fc.oneof(text(0, 30), fc.string({ unit: 'binary' }));
  // In "u" mode \p{Cs} matches only unpaired surrogates (String.prototype.isWellFormed is ES2024).
  const isWellFormed = (value: string): boolean => !/\p{Cs}/u.test(value);
  const wellFormed = anyString.filter((value) => isWellFormed(value) && !/\p{Cc}/u.test(value));

  it('decodes what each encoder wrote back to the original', () => {
    fc.assert(
      fc.property(wellFormed, (value) => {
        expect(percentDecode(encodePathSegment(value))).toBe(value);
        expect(percentDecode(encodeNodeSelector(value))).toBe(value);
        expect(percentDecode(encodeQueryText(value))).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes only characters a URI may carry, escapes in uppercase', () => {
    fc.assert(
      fc.property(anyString.filter(isWellFormed), (value) => {
        expect(encodePathSegment(value)).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-F]{2})*$/);
        expect(encodeNodeSelector(value)).toMatch(/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/);
        expect(encodeQueryText(value)).toMatch(/^(?:[A-Za-z0-9\-._~!$&()*+,;=:@/?]|%[0-9A-F]{2})*$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('robustness', () => {
  const uriAlphabet = fc.constantFrom(...'htps:/[]@?#%~.=()"\'^ 0123456789abcdefABCDEFuxmln-_é😀\n\u0000', 'users', 'global', '~~', 'xmlns(', '%C3', '%A9', '.xml', 'http://', 'PUT ', ' HTTP/1.1');
  const uriLike = fc.array(uriAlphabet, { maxLength: 60 }).map((parts) => parts.join(''));
  const mutatedUri = fc
    .tuple(xcapUri, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.oneof(uriAlphabet, fc.string({ unit: 'binary', maxLength: 2 }))), { maxLength: 4 }))
    .map(([uri, edits]) => {
      let wire = formatXcapUriForDisplay(uri);
      for (const [at, remove, insert] of edits) {
        const index = at % (wire.length + 1);
        wire = wire.slice(0, index) + insert + wire.slice(index + remove);
      }
      return wire;
    });
  const loneSurrogates = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) });
  const anything = fc.oneof(fc.string({ unit: 'binary' }), loneSurrogates, uriLike, mutatedUri);

  it('throws nothing but XcapCoreError for arbitrary text', () => {
    fc.assert(
      fc.property(anything, fc.option(fc.constantFrom('http://h', 'https://xcap.example.com/services', 'bad root', 'http://h/'), { nil: undefined }), (input, root) => {
        const options = root === undefined ? {} : { root };
        for (const parse of [parseXcapUri, parseXcapUriLenient]) {
          try {
            const uri = parse(input, options);
            // Whatever parses must build, and build to something that parses to the same value.
            expect(parseXcapUri(buildXcapUri(uri), { root: uri.root })).toEqual(uri);
          } catch (error) {
            if (!isXcapCoreError(error)) throw error;
            if (error.column !== undefined) expect(error.message).toContain(`column ${error.column}`);
          }
        }
        detectLegacyXcapUri(input, options);
      }),
      { numRuns: 6000 },
    );
  });
});
