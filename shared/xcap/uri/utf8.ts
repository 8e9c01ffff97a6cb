/**
 * Just enough UTF-8 for percent-encoding: bytes of one code point, and the well-formedness
 * rules of Unicode Table 3-7 (no overlongs, no surrogates, nothing above U+10FFFF).
 * Hand-written rather than TextEncoder/TextDecoder because the decoder must say *which*
 * %-sequence is bad, and TextDecoder only reports that something is.
 */

/** Appends the UTF-8 bytes of `codePoint` (a scalar value, never a lone surrogate) to `out`. */
export function appendUtf8Bytes(codePoint: number, out: number[]): void {
  if (codePoint < 0x80) {
    out.push(codePoint);
  } else if (codePoint < 0x800) {
    out.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
  } else if (codePoint < 0x10000) {
    out.push(0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
  } else {
    out.push(
      0xf0 | (codePoint >> 18),
      0x80 | ((codePoint >> 12) & 0x3f),
      0x80 | ((codePoint >> 6) & 0x3f),
      0x80 | (codePoint & 0x3f),
    );
  }
}

/**
 * Length of the sequence a lead byte starts (1-4), or 0 when the byte cannot start one
 * (a continuation byte, C0/C1 — always overlong — or F5..FF).
 */
export function utf8SequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * Whether `byte` may follow `lead` as the second byte of a sequence. The narrower ranges after
 * E0, ED, F0 and F4 are what exclude overlongs, surrogates and code points above U+10FFFF.
 */
export function isValidSecondByte(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
  if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
  if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  return isContinuationByte(byte);
}

export function isContinuationByte(byte: number): boolean {
  return byte >= 0x80 && byte <= 0xbf;
}
