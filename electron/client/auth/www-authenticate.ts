/**
 * Parses WWW-Authenticate field values (RFC 9110 §11.6.1) into challenges:
 *
 *   WWW-Authenticate = #challenge
 *   challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param       = token BWS "=" BWS ( token / quoted-string )
 *
 * One field value may hold several challenges separated by commas, and a comma also separates the
 * parameters of one challenge: after a comma, `name=` continues the current challenge while a token
 * not followed by "=" starts the next one.
 *
 * Strict where leniency would be ambiguous (a parameter named twice, text after a value, an
 * unterminated quote, a control character); lenient where RFC 9110 asks recipients to be (any case
 * in scheme and parameter names, empty list elements, OWS around "=") and where servers commonly
 * slip: an unquoted value may also hold "/" and "=" (a base64 nonce sent without quotes).
 *
 * Never throws anything but AuthError ('malformed-challenge', with the `position`, or
 * 'invalid-argument' for a non-string).
 */
import { AuthError, assertString } from './auth-error';
import { isCommaAt, isTchar, readQuotedString, skipOws, skipOwsAndCommas, token68End, tokenEnd } from './http-syntax';

export interface Challenge {
  /** Lowercased, e.g. "digest". */
  readonly scheme: string;
  /** Parameter names lowercased, values unquoted. A null-prototype object: "__proto__" is just a name. */
  readonly params: Readonly<Record<string, string>>;
  /** For schemes that send a token68 instead of parameters (e.g. Negotiate). */
  readonly token68?: string;
}

/** Parses one WWW-Authenticate field value (or several joined by commas). Throws AuthError 'malformed-challenge'. */
export function parseWwwAuthenticate(value: string): Challenge[] {
  assertString(value, 'The WWW-Authenticate value');
  const challenges: Challenge[] = [];
  let index = skipOwsAndCommas(value, 0);
  while (index < value.length) {
    const read = readChallenge(value, index);
    challenges.push(read.challenge);
    index = skipOwsAndCommas(value, read.end);
  }
  return challenges;
}

/**
 * Every challenge of a response's WWW-Authenticate fields. Each field is parsed on its own, so one
 * malformed field does not hide a good challenge in another; its error is reported in `errors`.
 */
export function readChallenges(values: readonly string[]): { challenges: Challenge[]; errors: AuthError[] } {
  if (!Array.isArray(values)) throw new AuthError('invalid-argument', 'The WWW-Authenticate values must be an array of strings.');
  const challenges: Challenge[] = [];
  const errors: AuthError[] = [];
  for (const value of values) {
    try {
      challenges.push(...parseWwwAuthenticate(value));
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      errors.push(error);
    }
  }
  return { challenges, errors };
}

/**
 * Parses a `#auth-param` list, such as an Authentication-Info value (RFC 9110 §11.6.3), into a
 * null-prototype object keyed by lowercased name. Throws AuthError 'malformed-challenge'.
 */
export function parseAuthParams(value: string, header = 'Authentication-Info'): Record<string, string> {
  assertString(value, `The ${header} value`);
  const params: Record<string, string> = Object.create(null);
  let index = skipOwsAndCommas(value, 0);
  while (index < value.length) {
    const param = readParam(value, index, header);
    if (param === null) fail(value, index, 'expected name=value', header);
    index = skipOwsAndCommas(value, addParam(params, param, value, index, header));
  }
  return params;
}

interface Param {
  readonly name: string;
  readonly value: string;
  readonly end: number;
}

function readChallenge(text: string, start: number): { challenge: Challenge; end: number } {
  const schemeEnd = tokenEnd(text, start);
  if (schemeEnd === start) fail(text, start, 'expected an authentication scheme');
  const scheme = text.slice(start, schemeEnd).toLowerCase();
  const params: Record<string, string> = Object.create(null);
  if (schemeEnd < text.length && !isCommaAt(text, schemeEnd) && text.charAt(schemeEnd) !== ' ' && text.charAt(schemeEnd) !== '\t') {
    fail(text, schemeEnd, `expected a space after the scheme "${text.slice(start, schemeEnd)}"`);
  }
  let index = skipOws(text, schemeEnd);

  const token68 = readToken68(text, index);
  if (token68 !== null) {
    const next = skipOwsAndCommas(text, token68.end);
    if (next < text.length && readParam(text, next, 'WWW-Authenticate') !== null) fail(text, next, 'a challenge with a token68 takes no parameters');
    return { challenge: { scheme, params, token68: token68.value }, end: token68.end };
  }

  // The first parameter follows the scheme's space; later ones follow a comma.
  let afterComma = false;
  for (;;) {
    const elementStart = skipOwsAndCommas(text, index);
    afterComma ||= elementStart > index && text.slice(index, elementStart).includes(',');
    if (elementStart >= text.length) return { challenge: { scheme, params }, end: elementStart };
    const param = readParam(text, elementStart, 'WWW-Authenticate');
    if (param === null) {
      // Not name=value: the next challenge starts here, which only a comma may announce.
      if (!afterComma) fail(text, elementStart, 'expected name=value');
      return { challenge: { scheme, params }, end: elementStart };
    }
    index = addParam(params, param, text, elementStart, 'WWW-Authenticate');
    afterComma = false;
  }
}

/** A token68 standing alone (followed by the end or a comma), or null. */
function readToken68(text: string, start: number): { value: string; end: number } | null {
  const end = token68End(text, start);
  if (end === start) return null;
  const after = skipOws(text, end);
  if (after < text.length && !isCommaAt(text, after)) return null;
  return { value: text.slice(start, end), end };
}

/** `name = value` at `start`, or null when the token there is not followed by "=". Throws for a broken value. */
function readParam(text: string, start: number, header: string): Param | null {
  const nameEnd = tokenEnd(text, start);
  if (nameEnd === start) fail(text, start, 'expected a parameter name', header);
  const equals = skipOws(text, nameEnd);
  if (text.charAt(equals) !== '=') return null;
  const name = text.slice(start, nameEnd).toLowerCase();
  const valueStart = skipOws(text, equals + 1);
  if (text.charAt(valueStart) === '"') {
    const quoted = readQuotedString(text, valueStart);
    if ('error' in quoted) fail(text, quoted.at, `${quoted.error} (parameter ${name})`, header);
    return { name, value: quoted.value, end: quoted.end };
  }
  const valueEnd = unquotedValueEnd(text, valueStart);
  if (valueEnd === valueStart) fail(text, valueStart, `expected a value for parameter ${name}`, header);
  return { name, value: text.slice(valueStart, valueEnd), end: valueEnd };
}

/** Stores `param`; returns where the next list element may start. Throws on a repeated name or trailing text. */
function addParam(params: Record<string, string>, param: Param, text: string, start: number, header: string): number {
  if (Object.hasOwn(params, param.name)) fail(text, start, `parameter ${param.name} given twice`, header);
  params[param.name] = param.value;
  const after = skipOws(text, param.end);
  if (after < text.length && !isCommaAt(text, after)) fail(text, after, `expected "," after the value of ${param.name}`, header);
  return after;
}

// token, plus "/" and "=" for unquoted base64 values.
function unquotedValueEnd(text: string, start: number): number {
  let index = start;
  for (; index < text.length; index++) {
    const char = text.charAt(index);
    if (!isTchar(text.charCodeAt(index)) && char !== '/' && char !== '=') break;
  }
  return index;
}

function fail(text: string, position: number, problem: string, header = 'WWW-Authenticate'): never {
  throw new AuthError('malformed-challenge', `The server sent a malformed ${header} header: ${problem} at character ${position + 1} of ${excerpt(text)}.`, { position });
}

// Enough of the value to recognise it, without flooding a log line; control characters made visible.
function excerpt(text: string): string {
  const shown = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  // eslint-disable-next-line no-control-regex -- these are exactly the characters to make visible
  return JSON.stringify(shown.replace(/[\u0000-\u001f\u007f]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
