/**
 * RFC 8187 ext-value: a parameter value in UTF-8 that plain header syntax cannot carry, as in
 * Digest's `username*=UTF-8''J%C3%A4s%C3%B8n%20Doe` (RFC 7616 §3.4.4).
 *
 *   ext-value = charset "'" [ language ] "'" value-chars
 *   attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
 */
const ATTR_CHAR = /[A-Za-z0-9!#$&+\-.^_`|~]/;
const ENCODER = new TextEncoder();

/** `UTF-8''` and the UTF-8 bytes of `text`, every byte outside attr-char percent-encoded (uppercase hex). */
export function encodeExtValue(text: string): string {
  let out = "UTF-8''";
  for (const byte of ENCODER.encode(text)) {
    const char = String.fromCharCode(byte);
    out += byte < 0x80 && ATTR_CHAR.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
