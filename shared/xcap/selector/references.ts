/**
 * References inside a selector's att-value, decoded by the XML layer and reported as
 * invalid-selector errors pointing at the "&".
 */
import type { DecodedReference } from '../xml/references';
import { decodeReference } from '../xml/references';
import { columnOf, invalidSelector, quoteExcerpt } from './selector-error';

export type { DecodedReference } from '../xml/references';

/** Decodes the reference whose "&" is at `ampOffset`, or throws invalid-selector pointing at the "&". */
export function decodeReferenceAt(text: string, ampOffset: number): DecodedReference {
  const decoded = decodeReference(text, ampOffset);
  if (!('problem' in decoded)) return decoded;
  const column = columnOf(ampOffset);
  switch (decoded.problem) {
    case 'no-digits': {
      const hint = decoded.uppercaseX ? ' (XML requires a lowercase "x": &#x41;)' : '';
      throw invalidSelector(`malformed character reference at column ${column}: expected ${decoded.hex ? 'hex digits after "&#x"' : 'digits after "&#"'}${hint}`, ampOffset);
    }
    case 'missing-semicolon':
      throw invalidSelector(`character reference at column ${column} is missing its closing ";"`, ampOffset);
    case 'not-xml-char':
      throw invalidSelector(`character reference ${quoteExcerpt(text.slice(ampOffset, decoded.end))} at column ${column} does not denote a character allowed in XML`, ampOffset);
    case 'raw-ampersand':
      throw invalidSelector(`raw "&" in attribute value at column ${column}: write it as &amp;`, ampOffset);
    case 'unknown-entity':
      throw invalidSelector(
        `unknown entity reference ${quoteExcerpt(text.slice(ampOffset, decoded.end))} at column ${column}: only &lt; &gt; &amp; &quot; &apos; and character references such as &#160; are allowed`,
        ampOffset,
      );
  }
}
