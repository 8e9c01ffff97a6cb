/** Scanning a QName (Namespaces in XML: NCName [":" NCName]) at a given offset of the selector. */
import type { QName } from './ast';
import { columnOf, expectedAt, invalidSelector, quoteExcerpt } from './selector-error';
import { matchNCNameAt } from '../xml/names';

export interface ScannedQName extends QName {
  readonly end: number;
}

/**
 * Returns null when no name starts at `offset`. A following "::" is left alone: that is XPath
 * axis syntax (e.g. namespace::*), which the caller classifies.
 */
export function scanQNameAt(text: string, offset: number): ScannedQName | null {
  const firstEnd = matchNCNameAt(text, offset);
  if (firstEnd === -1) return null;
  const first = text.slice(offset, firstEnd);
  if (text[firstEnd] !== ':' || text[firstEnd + 1] === ':') {
    return { prefix: null, local: first, end: firstEnd };
  }
  const localStart = firstEnd + 1;
  const localEnd = matchNCNameAt(text, localStart);
  if (localEnd === -1) throw expectedAt(`a local name after the prefix ${quoteExcerpt(`${first}:`)}`, text, localStart);
  if (text[localEnd] === ':') {
    throw invalidSelector(`a name can contain only one ":", found a second one at column ${columnOf(localEnd)}`, localEnd);
  }
  return { prefix: first, local: text.slice(localStart, localEnd), end: localEnd };
}
