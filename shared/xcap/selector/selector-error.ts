/**
 * Building the errors the parser throws. Messages name the 1-based column themselves so that they
 * make sense on their own (log lines, CLI output), and the column is also on the error for the UI.
 */
import { XcapCoreError } from '../errors';
import { formatCodePoint } from '../xml/chars';

export function invalidSelector(message: string, offset: number): XcapCoreError {
  return new XcapCoreError('invalid-selector', message, { column: columnOf(offset) });
}

export function columnOf(offset: number): number {
  return offset + 1;
}

/** `"x"` for a visible character, `a space`, `U+0009` for other invisible ones, or `the end of the selector`. */
export function describeCharAt(text: string, offset: number): string {
  const codePoint = text.codePointAt(offset);
  if (codePoint === undefined) return 'the end of the selector';
  if (codePoint === 0x20) return 'a space';
  const invisible = codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0xa0) || (codePoint >= 0xd800 && codePoint <= 0xdfff);
  return invisible ? formatCodePoint(codePoint) : `"${String.fromCodePoint(codePoint)}"`;
}

/** `expected X at column N, found Y`: the shape of most syntax errors, pointing at what was found instead. */
export function expectedAt(expectation: string, text: string, offset: number): XcapCoreError {
  return invalidSelector(`expected ${expectation} at column ${columnOf(offset)}, found ${describeCharAt(text, offset)}`, offset);
}

/**
 * A step that is not one of the RFC 4825 forms is, by the grammar, an extension-selector
 * (anything without "/"). The RFC defines none, so we cannot evaluate it.
 */
export function unsupportedExtension(text: string, offset: number): XcapCoreError {
  const slash = text.indexOf('/', offset);
  const step = text.slice(offset, slash === -1 ? text.length : slash);
  // Selectors copied from a request URI are still percent-encoded (list%5b@name=%22x%22%5d).
  const hint = /%[0-9A-Fa-f]{2}/.test(step) ? ' (it looks percent-encoded: decode it first)' : '';
  return new XcapCoreError(
    'unsupported-extension-selector',
    `unsupported extension selector ${quoteExcerpt(step)} at column ${columnOf(offset)}${hint}: only name, name[n], ` +
      `name[@attr="value"], name[n][@attr="value"] (name may be *), @attr and namespace::* are supported`,
    { column: columnOf(offset) },
  );
}

/** A short quotation of user text for messages (selectors can be very long). */
export function quoteExcerpt(excerpt: string, maxLength = 40): string {
  const shortened = excerpt.length > maxLength ? `${excerpt.slice(0, maxLength)}…` : excerpt;
  return JSON.stringify(shortened);
}
