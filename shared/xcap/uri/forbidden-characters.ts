/**
 * Characters no part of an XCAP URI may hold, raw or typed: control characters (Cc) and
 * unpaired UTF-16 surrogates (not characters at all, and without a UTF-8 form).
 */
import { XcapCoreError } from '../errors';
import { codePointLabel } from './char-classes';

/** Index of the first forbidden character in text[start, end), or -1. */
export function findForbiddenCharacter(text: string, start: number, end: number): number {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x20 && code < 0x7f) continue; // the common case first: printable ASCII
    if (code < 0x20 || code <= 0x9f) return index;
    if (code < 0xd800 || code > 0xdfff) continue;
    const next = text.charCodeAt(index + 1);
    if (code <= 0xdbff && index + 1 < end && next >= 0xdc00 && next <= 0xdfff) {
      index++; // a surrogate pair: one character
      continue;
    }
    return index;
  }
  return -1;
}

export function forbiddenCharacterError(text: string, index: number): XcapCoreError {
  const code = text.charCodeAt(index);
  const what = code >= 0xd800 && code <= 0xdfff ? 'Unpaired surrogate' : 'Control character';
  const column = index + 1;
  return new XcapCoreError('invalid-uri', `${what} ${codePointLabel(code)} at column ${column} is not allowed in an XCAP URI.`, { column });
}

/** Throws XcapCoreError('invalid-uri') at the first forbidden character of text[start, end). */
export function checkForbiddenCharacters(text: string, start: number, end: number): void {
  const index = findForbiddenCharacter(text, start, end);
  if (index >= 0) throw forbiddenCharacterError(text, index);
}
