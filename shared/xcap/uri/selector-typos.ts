/** A light check of selectors recovered from legacy URIs, whose examples have typos. */
import { nextQuoteState, OUTSIDE_QUOTES } from './selector-quotes';

/**
 * Why a selector recovered from a legacy URI is visibly malformed (TS 24.141 A.8.2-5 has
 * `entry[@name=user2"]`), or null. Only the quoting and bracketing a typo breaks; the
 * selector grammar itself is checked where selectors are parsed.
 */
export function selectorTypoProblem(selector: string): string | null {
  let quote = OUTSIDE_QUOTES;
  let depth = 0;
  for (let index = 0; index < selector.length; index++) {
    const code = selector.charCodeAt(index);
    const outside = quote === OUTSIDE_QUOTES;
    quote = nextQuoteState(quote, code);
    if (!outside) continue;
    if (code === 0x5b) depth++; // [
    if (code === 0x5d && --depth < 0) return `"]" at index ${index} closes no "["`;
    if (code === 0x3d && depth > 0 && !/^\s*["']/.test(selector.slice(index + 1, index + 64))) {
      return `the attribute value after "=" at index ${index} is not quoted`;
    }
  }
  if (quote !== OUTSIDE_QUOTES) return `a quoted value opened with ${String.fromCharCode(quote)} is never closed`;
  if (depth > 0) return 'a "[" is never closed';
  return null;
}
