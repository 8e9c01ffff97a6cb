import { CaptureError } from './capture-error';
import type { Exchange } from './exchange';
import { firstHeader } from './header-pairs';
import { parseAuthParams } from './auth-params';
import { isSecretHeader, type RedactOptions } from './redact';
import { printfBytesArguments, shellQuote, shellQuoteWithVariable } from './shell-quote';

export interface CurlOptions extends RedactOptions {
  /** Shell variable holding the password in the redacted form. Default XCAP_PASSWORD. */
  readonly passwordVariable?: string;
  /** One option per line with `\` continuations (default), or a single line. */
  readonly multiline?: boolean;
}

/** Headers undici writes itself, which curl writes on its own (host, framing) or leaves out (connection). */
const TRANSPORT_HEADERS: ReadonlySet<string> = new Set(['connection', 'keep-alive', 'content-length', 'transfer-encoding']);
/** Headers curl adds by default, removed with `--header 'Name:'` when the original request had none. */
const CURL_DEFAULTS = ['User-Agent', 'Accept'] as const;

/**
 * A POSIX shell command that makes the same request with curl: same method, same request-target
 * byte for byte (`--globoff` so [] are not globs, `--path-as-is` so ../ is not squashed), the same
 * headers in the same order, the same body bytes (`printf %b … | curl --data-binary @-`).
 *
 * Redacted (the default), credentials come from the environment instead of the record:
 * Digest and Basic become `--digest`/`--basic --user 'name:'"$XCAP_PASSWORD"` (curl answers the
 * challenge itself, so a Digest exchange is reproduced with a fresh nonce), Bearer becomes
 * `--oauth2-bearer "$XCAP_TOKEN"`, and any other secret header `Name: "$XCAP_NAME"`.
 * With `reveal: true` the recorded headers are sent as they were. Give it the raw record
 * (`recorder.get(id, { reveal: true })`) even when not revealing: it redacts by itself, and a
 * pre-redacted record has lost the Basic user name (the user then sets XCAP_USERNAME).
 *
 * Throws CaptureError 'body-truncated' when the stored body is incomplete.
 */
export function toCurl(exchange: Exchange, options: CurlOptions = {}): string {
  const { request } = exchange;
  if (request.body?.truncated) {
    throw new CaptureError('body-truncated', `the request body was ${request.body.size} bytes and only ${request.body.bytes.byteLength} were kept: raise the recorder's maxBodyBytes to export it`);
  }
  if (exchange.redacted && options.reveal) {
    throw new CaptureError('invalid-option', 'this exchange was redacted before export: get it with { reveal: true } from the recorder to reveal it');
  }
  const passwordVariable = options.passwordVariable ?? 'XCAP_PASSWORD';
  const words: string[] = ['curl'];
  const h2 = request.httpVersion === 'HTTP/2';
  words.push(h2 ? (request.url.startsWith('https:') ? '--http2' : '--http2-prior-knowledge') : '--http1.1', '--globoff', '--path-as-is');
  words.push(request.method === 'HEAD' ? '--head' : `--request ${shellQuote(request.method)}`);
  words.push(`--url ${shellQuote(request.url)}`);
  const authority = authorityOf(request.url);
  const sent = request.headers.filter(([name]) => {
    const lower = name.toLowerCase();
    if (lower.startsWith(':') || TRANSPORT_HEADERS.has(lower)) return false;
    return !(lower === 'host' && authority !== null && firstHeader(request.headers, 'host')?.toLowerCase() === authority);
  });
  for (const [name, value] of sent) words.push(...headerWords(name, value, options, passwordVariable));
  for (const name of CURL_DEFAULTS) if (firstHeader(request.headers, name) === null) words.push(`--header ${shellQuote(`${name}:`)}`);
  let input = '';
  if (request.body !== null) {
    // curl would add a form Content-Type and, above 1 KiB, Expect: 100-continue.
    if (firstHeader(request.headers, 'content-type') === null) words.push(`--header ${shellQuote('Content-Type:')}`);
    if (firstHeader(request.headers, 'expect') === null) words.push(`--header ${shellQuote('Expect:')}`);
    words.push('--data-binary @-');
    input = `printf ${printfBytesArguments(request.body.bytes)} | `;
  }
  const separator = options.multiline === false ? ' ' : ' \\\n  ';
  return `${input}${words.join(separator)}`;
}

function headerWords(name: string, value: string, options: CurlOptions, passwordVariable: string): string[] {
  if (options.reveal || !isSecretHeader(name, options)) return [`--header ${shellQuote(`${name}: ${value}`)}`];
  if (name.toLowerCase() === 'authorization') {
    const credentials = authorizationWords(value, passwordVariable);
    if (credentials) return credentials;
  }
  return [`--header ${shellQuoteWithVariable(`${name}: `, variableFor(name))}`];
}

/** curl's own authentication for the schemes it knows, fed from the environment. */
function authorizationWords(value: string, passwordVariable: string): string[] | null {
  const match = /^\s*(\S+)(?:\s+([\s\S]*))?$/.exec(value);
  const scheme = match?.[1]?.toLowerCase();
  const rest = match?.[2] ?? '';
  if (scheme === 'digest') {
    const params = parseAuthParams(rest) ?? [];
    const hashed = params.some((p) => p.name === 'userhash' && /=\s*"?true"?$/i.test(p.text));
    const username = hashed ? null : paramValue(params.find((p) => p.name === 'username')?.text);
    return ['--digest', `--user ${user(username, passwordVariable)}`];
  }
  if (scheme === 'basic') {
    const decoded = Buffer.from(rest.trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    // A valid token68 decodes to "user:password"; anything else gives no user name.
    return ['--basic', `--user ${user(colon > 0 && /^[A-Za-z0-9+/]+=*$/.test(rest.trim()) ? decoded.slice(0, colon) : null, passwordVariable)}`];
  }
  if (scheme === 'bearer') return [`--oauth2-bearer "$XCAP_TOKEN"`];
  return null;
}

function user(username: string | null, passwordVariable: string): string {
  return username === null ? `"$XCAP_USERNAME:$${passwordVariable}"` : shellQuoteWithVariable(`${username}:`, passwordVariable);
}

/** `name="va\"lue"` or `name=value` → the value (unescaped). */
function paramValue(text: string | undefined): string | null {
  if (text === undefined) return null;
  const raw = text.slice(text.indexOf('=') + 1).trim();
  return raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
}

/** Environment variable named after a header: `Proxy-Authorization` → XCAP_PROXY_AUTHORIZATION. */
function variableFor(name: string): string {
  return `XCAP_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** `host[:port]` of a URL as undici writes it in the host header (lowercase), or null. */
function authorityOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}
