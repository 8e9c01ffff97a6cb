/**
 * Finds the URI in pasted text: surrounding whitespace and an HTTP request line around it
 * ("PUT http://... HTTP/1.1", as the examples of RFC 4825 and TS 24.141 are written) are
 * not part of it.
 */

const METHOD = /^(?:GET|PUT|DELETE|POST|HEAD|PATCH|OPTIONS)[ \t]+/;
const VERSION = /[ \t]+HTTP\/\d(?:\.\d)?$/;

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** The [start, end) range of the URI inside `text`. */
export function stripRequestLine(text: string): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  const method = METHOD.exec(text.slice(start, start + 16));
  if (method !== null) start += method[0].length;
  const version = VERSION.exec(text.slice(Math.max(start, end - 32), end));
  if (version !== null) end -= version[0].length;
  return { start, end };
}
