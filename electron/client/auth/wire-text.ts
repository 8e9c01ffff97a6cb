/**
 * Header values are bytes. node:http and undici hand them over, and send them, as Latin-1 strings
 * (one character per byte). A server that means UTF-8 text (a realm "Zürich" under charset=UTF-8)
 * therefore arrives as "ZÃ¼rich": these two functions move between the bytes and the text.
 */

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const ENCODER = new TextEncoder();

/**
 * The text a received header value stands for: bytes that form valid UTF-8 are read as UTF-8;
 * anything else (plain ASCII, a lone Latin-1 byte, text already decoded) stays as it is. Hashing the
 * result as UTF-8 then reproduces the server's bytes, which is what the server hashed.
 */
export function textFromWire(value: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII needs no work; chars above U+00FF are already text
  if (/^[\u0000-\u007f]*$/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return UTF8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

/** The Latin-1 string whose bytes Node sends for `value`: characters above U+00FF go as UTF-8. */
export function wireFromText(value: string): string {
  // eslint-disable-next-line no-control-regex -- the range is "any Latin-1 character"
  if (!/[^\u0000-\u00ff]/.test(value)) return value;
  return Buffer.from(ENCODER.encode(value)).toString('latin1');
}
