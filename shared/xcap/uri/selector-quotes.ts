/**
 * Where a node selector's quoted attribute values are (`list[@name="a/b?c"]`).
 *
 * One tiny state machine shared by the wire encoder (a "/" inside a value is data, not a
 * step separator, so it is sent as %2F), the display form and the lenient parser (a "?" or
 * "#" typed inside a value does not end the selector). Any `"` or `'` opens a quoted value
 * and only the same character closes it; an unbalanced quote (a typo such as
 * `entry[@name=user2"]`) leaves the rest of the text "inside quotes", which every user of
 * this file handles explicitly.
 */

/** 0 outside quotes, else the char code of the open quote. */
export type QuoteState = number;

export const OUTSIDE_QUOTES: QuoteState = 0;

const DOUBLE_QUOTE = 0x22;
const APOSTROPHE = 0x27;

export function nextQuoteState(state: QuoteState, code: number): QuoteState {
  if (state === OUTSIDE_QUOTES) return code === DOUBLE_QUOTE || code === APOSTROPHE ? code : OUTSIDE_QUOTES;
  return code === state ? OUTSIDE_QUOTES : state;
}

/** Whether the selector text ends inside a quoted value (has an unbalanced quote). */
export function endsInsideQuotes(selector: string): boolean {
  let state = OUTSIDE_QUOTES;
  for (let index = 0; index < selector.length; index++) state = nextQuoteState(state, selector.charCodeAt(index));
  return state !== OUTSIDE_QUOTES;
}

function isQueryOrFragmentMark(code: number): boolean {
  return code === 0x3f || code === 0x23;
}

/**
 * End of a node selector typed unencoded in text[start, end): the first "?" or "#" outside
 * quoted values. When the text runs out inside a quote (unbalanced quote), the quotes cannot
 * be trusted and the first "?" or "#" anywhere ends the selector.
 */
export function findTypedSelectorEnd(text: string, start: number, end: number): number {
  let state = OUTSIDE_QUOTES;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (state === OUTSIDE_QUOTES && isQueryOrFragmentMark(code)) return index;
    state = nextQuoteState(state, code);
  }
  if (state === OUTSIDE_QUOTES) return end;
  for (let index = start; index < end; index++) {
    if (isQueryOrFragmentMark(text.charCodeAt(index))) return index;
  }
  return end;
}
