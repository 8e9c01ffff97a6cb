/**
 * The display form of an XCAP URI: canonical, except that the node selector reads as typed
 * (`.../~~/list[@name="friends"]`), which is what engineers read and paste back.
 * parseXcapUriLenient(formatXcapUriForDisplay(u)) deep-equals u.
 *
 * To keep that exact, a few characters of the selector are still escaped:
 *   - every "%" as %25, because the lenient parser decodes %XX sequences;
 *   - "?" and "#" outside quoted values (all of them when a quote is unbalanced), because
 *     there they would end the selector;
 *   - trailing spaces, because the lenient parser trims pasted text.
 */
import { assertBuildable, writeXcapUri } from './build-xcap-uri';
import { endsInsideQuotes, nextQuoteState, OUTSIDE_QUOTES } from './selector-quotes';
import type { XcapUri } from './xcap-uri';

export function selectorForDisplay(selector: string): string {
  const trusted = !endsInsideQuotes(selector);
  let trailingSpaces = 0;
  while (selector.charCodeAt(selector.length - 1 - trailingSpaces) === 0x20) trailingSpaces++;
  const body = selector.length - trailingSpaces;

  const chunks: string[] = [];
  let quote = OUTSIDE_QUOTES;
  let rawRunStart = 0;
  for (let index = 0; index < body; index++) {
    const char = selector.charAt(index);
    const outside = quote === OUTSIDE_QUOTES || !trusted;
    quote = nextQuoteState(quote, selector.charCodeAt(index));
    const escape = char === '%' ? '%25' : outside && char === '?' ? '%3F' : outside && char === '#' ? '%23' : null;
    if (escape === null) continue;
    chunks.push(selector.slice(rawRunStart, index), escape);
    rawRunStart = index + 1;
  }
  chunks.push(selector.slice(rawRunStart, body), '%20'.repeat(trailingSpaces));
  return chunks.join('');
}

/** `uri` for people: canonical, with the node selector unencoded. Throws like buildXcapUri. */
export function formatXcapUriForDisplay(uri: XcapUri): string {
  assertBuildable(uri);
  return writeXcapUri(uri, selectorForDisplay);
}
