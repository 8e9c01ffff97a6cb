/**
 * Credentials out of everything that leaves the process: the inspector's IPC, `-v`, HAR, curl, JSON.
 *
 * What stays visible, and why it is safe:
 * - `Authorization`/`Proxy-Authorization: Digest …`: username, realm, uri, algorithm, qop, nc, cnonce,
 *   nonce, opaque, userhash, charset, `username*`. These say who authenticated where, which is what
 *   an interop session needs to see; none is derived from the password.
 *   `response` (a keyed hash of the password: offline-guessable with nonce and cnonce) and any
 *   parameter not listed are replaced.
 * - Every other scheme (`Basic` — its token68 is the password in base64 —, `Bearer`, …): only the
 *   scheme stays.
 * - `Authentication-Info`/`Proxy-Authentication-Info`: nextnonce, qop, nc, cnonce stay; `rspauth`
 *   (the server's proof, derived from the password like `response`) is replaced.
 * - `Cookie`/`Set-Cookie`: names and Set-Cookie attributes stay, values are replaced.
 * - A password in the URL's userinfo is replaced.
 * Identities (`X-3GPP-Intended-Identity`, `X-3GPP-Asserted-Identity`, XUIs in URLs) are not secrets
 * and stay. Redacting a redacted value changes nothing.
 */
import type { Exchange, HeaderPair } from './exchange';
import { parseAuthParams } from './auth-params';

export const REDACTED = '<redacted>';

export interface RedactOptions {
  /** Return raw values. Only when the user explicitly asked to see secrets. Default false. */
  readonly reveal?: boolean;
  /** More headers whose whole value is secret (e.g. a custom `X-Api-Key` a profile adds). */
  readonly secretHeaders?: readonly string[];
}

const DIGEST_SAFE: ReadonlySet<string> = new Set(['username', 'username*', 'realm', 'uri', 'algorithm', 'qop', 'nc', 'cnonce', 'nonce', 'opaque', 'userhash', 'charset']);
const AUTH_INFO_SAFE: ReadonlySet<string> = new Set(['nextnonce', 'qop', 'nc', 'cnonce']);

/** Headers this module rewrites (lowercase). */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'authentication-info', 'proxy-authentication-info', 'cookie', 'set-cookie']);

/** The value to show for one header. */
export function redactHeaderValue(name: string, value: string, options: RedactOptions = {}): string {
  if (options.reveal) return value;
  const lower = name.toLowerCase();
  switch (lower) {
    case 'authorization':
    case 'proxy-authorization':
      return redactCredentials(value);
    case 'authentication-info':
    case 'proxy-authentication-info':
      return redactParams(value, AUTH_INFO_SAFE) ?? REDACTED;
    case 'cookie':
      return redactCookie(value);
    case 'set-cookie':
      return redactSetCookie(value);
    default:
      return options.secretHeaders?.some((secret) => secret.toLowerCase() === lower) ? REDACTED : value;
  }
}

/** Whether a header's value is (partly) secret, under these options. */
export function isSecretHeader(name: string, options: RedactOptions = {}): boolean {
  const lower = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(lower) || (options.secretHeaders?.some((secret) => secret.toLowerCase() === lower) ?? false);
}

export function redactHeaders(headers: readonly HeaderPair[], options: RedactOptions = {}): HeaderPair[] {
  return headers.map(([name, value]) => [name, redactHeaderValue(name, value, options)]);
}

/** `scheme://user:password@host/…` → `scheme://user:<redacted>@host/…`. */
export function redactUrl(url: string, options: RedactOptions = {}): string {
  if (options.reveal) return url;
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, `$1:${REDACTED}@`);
}

/** The exchange with every credential replaced (the same object when `reveal`). Bodies are shared, not copied. */
export function redactExchange(exchange: Exchange, options: RedactOptions = {}): Exchange {
  if (options.reveal) return exchange;
  const { request, response } = exchange;
  return {
    ...exchange,
    request: { ...request, url: redactUrl(request.url, options), headers: redactHeaders(request.headers, options) },
    response: response && { ...response, headers: redactHeaders(response.headers, options), trailers: redactHeaders(response.trailers, options) },
    redacted: true,
  };
}

function redactCredentials(value: string): string {
  const match = /^\s*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)(?:[ \t]+([\s\S]*))?$/.exec(value);
  if (!match) return REDACTED;
  const scheme = match[1] ?? '';
  const rest = match[2] ?? '';
  if (rest === '') return scheme;
  if (scheme.toLowerCase() === 'digest') {
    const params = redactParams(rest, DIGEST_SAFE);
    if (params !== null) return `${scheme} ${params}`;
  }
  return `${scheme} ${REDACTED}`;
}

/** `a=1, b="2"` with every parameter not in `safe` given the value <redacted>; null if not a parameter list. */
function redactParams(text: string, safe: ReadonlySet<string>): string | null {
  const params = parseAuthParams(text);
  if (params === null || params.length === 0) return null;
  return params.map((p) => (safe.has(p.name) ? p.text : `${p.rawName}=${REDACTED}`)).join(', ');
}

function redactCookie(value: string): string {
  return value
    .split(';')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? (pair.trim() === '' ? pair : ` ${REDACTED}`.slice(pair.startsWith(' ') ? 0 : 1)) : `${pair.slice(0, equals)}=${REDACTED}`;
    })
    .join(';');
}

function redactSetCookie(value: string): string {
  const semicolon = value.indexOf(';');
  const first = semicolon < 0 ? value : value.slice(0, semicolon);
  const equals = first.indexOf('=');
  const pair = equals < 0 ? REDACTED : `${first.slice(0, equals)}=${REDACTED}`;
  return semicolon < 0 ? pair : `${pair}${value.slice(semicolon)}`;
}

/**
 * What "reveal" may show outside the main process (the inspector): everything, except credentials
 * that can be replayed as they are — Basic/Bearer tokens (Basic is the password in base64) and
 * cookies. Digest parameters (the response hash, nonces) are shown: they prove nothing beyond the
 * request they were computed for.
 */
export function revealForInspector(exchange: Exchange): Exchange {
  const keepSecret = (name: string, value: string) => {
    const lower = name.toLowerCase();
    if (lower === 'cookie' || lower === 'set-cookie') return true;
    return (lower === 'authorization' || lower === 'proxy-authorization') && !/^\s*digest\s/i.test(value);
  };
  const headers = (pairs: readonly HeaderPair[]): HeaderPair[] => pairs.map(([name, value]) => [name, keepSecret(name, value) ? redactHeaderValue(name, value) : value]);
  return {
    ...exchange,
    request: { ...exchange.request, headers: headers(exchange.request.headers) },
    response: exchange.response && { ...exchange.response, headers: headers(exchange.response.headers) },
  };
}
