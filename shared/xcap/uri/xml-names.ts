/**
 * XML 1.0 (5th ed.) names as used by Namespaces in XML: NCName (no colon) and QName
 * (prefix:local). Needed for xmlns() prefixes and for recognising node-selector steps in
 * pre-RFC 4825 URIs.
 */

// NameStartChar without ":" (XML 1.0 §2.3), as inclusive code point ranges.
const NAME_START_RANGES: readonly (readonly [number, number])[] = [
  [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x2ff], [0x370, 0x37d],
  [0x37f, 0x1fff], [0x200c, 0x200d], [0x2070, 0x218f], [0x2c00, 0x2fef], [0x3001, 0xd7ff], [0xf900, 0xfdcf],
  [0xfdf0, 0xfffd], [0x10000, 0xeffff],
];
// The extra NameChar ranges: "-", ".", digits, U+00B7, combining marks, U+203F-2040.
const NAME_EXTRA_RANGES: readonly (readonly [number, number])[] = [
  [0x2d, 0x2e], [0x30, 0x39], [0xb7, 0xb7], [0x300, 0x36f], [0x203f, 0x2040],
];

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([low, high]) => codePoint >= low && codePoint <= high);
}

const ASCII_NAME_START = 1;
const ASCII_NAME_CHAR = 2;
const ASCII_NAME = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (inRanges(code, NAME_START_RANGES)) ASCII_NAME[code] = ASCII_NAME_START | ASCII_NAME_CHAR;
  else if (inRanges(code, NAME_EXTRA_RANGES)) ASCII_NAME[code] = ASCII_NAME_CHAR;
}

export function isNCName(text: string): boolean {
  if (text === '') return false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const needed = index === 0 ? ASCII_NAME_START : ASCII_NAME_CHAR;
    if (code < 0x80) {
      if (((ASCII_NAME[code] ?? 0) & needed) === 0) return false;
      continue;
    }
    // Non-ASCII: the slow path through the ranges, by code point.
    const codePoint = text.codePointAt(index) ?? 0;
    const allowed = inRanges(codePoint, NAME_START_RANGES) || (index > 0 && inRanges(codePoint, NAME_EXTRA_RANGES));
    if (!allowed) return false;
    if (codePoint > 0xffff) index++;
  }
  return true;
}

export function isQName(text: string): boolean {
  const colon = text.indexOf(':');
  if (colon < 0) return isNCName(text);
  return isNCName(text.slice(0, colon)) && isNCName(text.slice(colon + 1));
}
