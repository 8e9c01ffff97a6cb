/**
 * fast-check arbitraries for node selector ASTs. Attribute values are generated as (raw, decoded)
 * pieces so the expected decoded value is known independently of the parser under test.
 */
import fc from 'fast-check';
import type { AttributeTest, NameTest, NodeSelector, QName, Step, TerminalSelector } from '../ast';
import type { AttQuote } from '../att-value';
import { MAX_POSITION } from '../parse-predicates';

const codePointIn = (min: number, max: number): fc.Arbitrary<string> => fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp));

/** Every NameStartChar range of XML 1.0 5th ed. (minus ":"), endpoints included by fc's bias. */
const nameStartChar = fc.oneof(
  { arbitrary: fc.constantFrom(...'ABCXYZ_abcxyz'), weight: 6 },
  codePointIn(0xc0, 0xd6),
  codePointIn(0xd8, 0xf6),
  codePointIn(0xf8, 0x2ff),
  codePointIn(0x370, 0x37d),
  codePointIn(0x37f, 0x1fff),
  codePointIn(0x200c, 0x200d),
  codePointIn(0x2070, 0x218f),
  codePointIn(0x2c00, 0x2fef),
  codePointIn(0x3001, 0xd7ff),
  codePointIn(0xf900, 0xfdcf),
  codePointIn(0xfdf0, 0xfffd),
  codePointIn(0x10000, 0xeffff),
);

const nameChar = fc.oneof(
  { arbitrary: nameStartChar, weight: 4 },
  fc.constantFrom('-', '.', '0', '9', '\u00b7'),
  codePointIn(0x300, 0x36f),
  codePointIn(0x203f, 0x2040),
);

export const ncNameArb: fc.Arbitrary<string> = fc
  .tuple(nameStartChar, fc.array(nameChar, { maxLength: 6 }))
  .map(([start, rest]) => start + rest.join(''));

export const qNameArb: fc.Arbitrary<QName> = fc.record({ prefix: fc.option(ncNameArb, { freq: 3 }), local: ncNameArb });

const nameTestArb: fc.Arbitrary<NameTest> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'any' } as const), weight: 1 },
  { arbitrary: qNameArb.map((name) => ({ kind: 'name' as const, ...name })), weight: 4 },
);

/** A raw att-value fragment and what it decodes to. */
type Piece = readonly [raw: string, decoded: string];

/** XML Chars that may appear raw in any att-value: not "<", "&", quotes, or whitespace that normalizes. */
const plainChar = fc
  .oneof(codePointIn(0x20, 0x7e), codePointIn(0xa0, 0xd7ff), codePointIn(0xe000, 0xfffd), codePointIn(0x10000, 0x10ffff))
  .filter((char) => !'<&"\''.includes(char));

/** Code points a character reference may denote (XML Char). */
const xmlCodePoint = fc.oneof(
  fc.constantFrom(0x9, 0xa, 0xd, 0x20, 0x22, 0x26, 0x27, 0x3c, 0xd7ff, 0xe000, 0xfffd, 0x10000, 0x10ffff),
  fc.integer({ min: 0x20, max: 0xd7ff }),
  fc.integer({ min: 0x10000, max: 0x10ffff }),
);

const characterReference: fc.Arbitrary<Piece> = fc
  .tuple(xmlCodePoint, fc.constantFrom('dec', 'hex', 'HEX', 'zero-padded'))
  .map(([cp, style]): Piece => {
    const written =
      style === 'dec' ? `&#${cp};` : style === 'hex' ? `&#x${cp.toString(16)};` : style === 'HEX' ? `&#x${cp.toString(16).toUpperCase()};` : `&#000${cp};`;
    return [written, String.fromCodePoint(cp)];
  });

const entityReference = fc.constantFrom<Piece>(['&lt;', '<'], ['&gt;', '>'], ['&amp;', '&'], ['&quot;', '"'], ['&apos;', "'"]);

/** Literal whitespace is normalized to one space, CR LF included (a lone CR is left to unit tests, as a following LF piece would merge with it). */
const whitespace = fc.constantFrom<Piece>(['\t', ' '], ['\n', ' '], ['\r\n', ' '], [' ', ' ']);

function pieceArb(quote: AttQuote): fc.Arbitrary<Piece> {
  const otherQuote = quote === '"' ? "'" : '"';
  return fc.oneof(
    { arbitrary: plainChar.map((char): Piece => [char, char]), weight: 6 },
    { arbitrary: fc.constantFrom<Piece>([otherQuote, otherQuote], ['/', '/'], [']', ']'], ['[', '['], ['>', '>']), weight: 2 },
    { arbitrary: characterReference, weight: 2 },
    { arbitrary: entityReference, weight: 2 },
    { arbitrary: whitespace, weight: 1 },
  );
}

export const attributeTestArb: fc.Arbitrary<AttributeTest> = fc.constantFrom<AttQuote>('"', "'").chain((quote) =>
  fc.record({ name: qNameArb, pieces: fc.array(pieceArb(quote), { maxLength: 8 }) }).map(({ name, pieces }) => ({
    name,
    value: pieces.map(([, decoded]) => decoded).join(''),
    rawValue: pieces.map(([raw]) => raw).join(''),
    quote,
  })),
);

/** Offsets are 0 here: they are not part of the syntax and are compared separately. */
const stepArb: fc.Arbitrary<Step> = fc.record({
  test: nameTestArb,
  position: fc.option(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(1, 9, 10, MAX_POSITION - 1, MAX_POSITION)), { freq: 2 }),
  attribute: fc.option(attributeTestArb, { freq: 2 }),
  start: fc.constant(0),
  end: fc.constant(0),
});

const terminalArb: fc.Arbitrary<TerminalSelector | null> = fc.option(
  fc.oneof(
    qNameArb.map((name) => ({ kind: 'attribute' as const, name, start: 0, end: 0 })),
    fc.constant({ kind: 'namespace' as const, start: 0, end: 0 }),
  ),
  { freq: 2 },
);

export const nodeSelectorArb: fc.Arbitrary<NodeSelector> = fc.record({
  steps: fc.array(stepArb, { minLength: 1, maxLength: 5 }),
  terminal: terminalArb,
});

/** The selector with every start/end offset removed, for comparisons that ignore them. */
export function withoutOffsets(selector: NodeSelector): unknown {
  return {
    steps: selector.steps.map(({ start: _start, end: _end, ...rest }) => rest),
    terminal: selector.terminal === null ? null : (({ start: _start, end: _end, ...rest }) => rest)(selector.terminal),
  };
}

/** Strings made of selector tokens: far more likely than random text to be valid or almost valid. */
export const selectorishStringArb: fc.Arbitrary<string> = fc
  .array(
    fc.constantFrom(
      'a', 'b:c', 'é', '\u{10000}', '*', '/', '[', ']', '1', '0', '12', '-', '+', '@', '=', '"', "'",
      '&amp;', '&#x41;', '&#65;', '&', '&#', ';', '<', 'namespace::*', '::', ':', ' ', '\t', '\r', '\ud800', 'text()',
    ),
    { maxLength: 30 },
  )
  .map((tokens) => tokens.join(''));
