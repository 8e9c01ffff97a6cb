/**
 * Authentication-proxy mode (TS 24.141 §6.2.3, §6.3.2): an authentication proxy in front of
 * the XCAP server authenticates the user and forwards the request with the user's identity in
 * X-3GPP-Asserted-Identity. The header is worth exactly as much as its sender, so it is read
 * only when the request comes straight from a configured trusted proxy address; from anyone
 * else it is ignored, whatever it says.
 *
 *   X-3GPP-Asserted-Identity: "Alice" <sip:alice@example.com>
 *   X-3GPP-Asserted-Identity: tel:+15551234
 *
 * Only the first identity of the first header counts.
 */
import { SandboxAuthError, describeType } from './auth-error';
import { normalizeIpAddress } from './ip-address';
import { xuiProblem } from './xui';

export const ASSERTED_IDENTITY_HEADER = 'x-3gpp-asserted-identity';

/** Node's IncomingHttpHeaders, or anything shaped like it (lowercase names). */
export type HeaderMap = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The asserted XUI, or null when the sender is not a trusted proxy, or sent no usable
 * identity. Throws SandboxAuthError 'invalid-argument' when a trusted proxy entry is not an
 * IP address (a misconfiguration must not silently trust nobody, or everybody).
 */
export function assertedIdentity(headers: HeaderMap, remoteAddress: string | undefined, trustedProxies: readonly string[]): string | null {
  if (typeof headers !== 'object' || headers === null) throw new SandboxAuthError('invalid-argument', `headers must be an object, got ${describeType(headers)}.`);
  if (remoteAddress !== undefined && typeof remoteAddress !== 'string') throw new SandboxAuthError('invalid-argument', 'remoteAddress must be a string or undefined.');
  const trusted = trustedProxyKeys(trustedProxies);
  if (remoteAddress === undefined) return null;
  const sender = normalizeIpAddress(remoteAddress);
  if (sender === null || !trusted.has(sender)) return null;

  const value = headers[ASSERTED_IDENTITY_HEADER];
  const first = typeof value === 'string' ? value : Array.isArray(value) ? value[0] : undefined;
  if (typeof first !== 'string') return null;
  const xui = firstIdentity(first);
  return xui !== null && xuiProblem(xui) === null ? xui : null;
}

function trustedProxyKeys(trustedProxies: readonly string[]): Set<string> {
  if (!Array.isArray(trustedProxies)) throw new SandboxAuthError('invalid-argument', 'trustedProxies must be an array of IP addresses.');
  const keys = new Set<string>();
  for (const address of trustedProxies) {
    const key = typeof address === 'string' ? normalizeIpAddress(address) : null;
    if (key === null) throw new SandboxAuthError('invalid-argument', `Trusted proxy ${JSON.stringify(address)} is not an IP address.`);
    keys.add(key);
  }
  return keys;
}

/**
 * The URI of the first entry of a name-addr / addr-spec list (RFC 3261 §20.10 shapes):
 * `"Display \"Name\"" <uri>`, `Display Name <uri>`, `<uri>` or a bare `uri` (which ends at
 * ",", ";" or whitespace). null when the text is none of these.
 */
export function firstIdentity(text: string): string | null {
  let index = skipSpaces(text, 0);
  if (text.charAt(index) === '"') {
    index = skipQuotedString(text, index);
    if (index === -1) return null;
    index = skipSpaces(text, index);
    if (text.charAt(index) !== '<') return null;
  } else {
    const angle = text.indexOf('<', index);
    const comma = text.indexOf(',', index);
    // A display name of tokens is followed by "<" before any ","; otherwise it is a bare URI.
    if (angle === -1 || (comma !== -1 && comma < angle)) return bareUri(text, index);
    index = angle;
  }
  const close = text.indexOf('>', index + 1);
  if (close === -1) return null;
  const uri = text.slice(index + 1, close).trim();
  return uri === '' ? null : uri;
}

function bareUri(text: string, start: number): string | null {
  const match = /^[^\s,;]+/.exec(text.slice(start));
  return match ? match[0] : null;
}

function skipQuotedString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const character = text.charAt(index);
    if (character === '\\') index++;
    else if (character === '"') return index + 1;
  }
  return -1;
}

function skipSpaces(text: string, start: number): number {
  let index = start;
  while (index < text.length && (text.charAt(index) === ' ' || text.charAt(index) === '\t')) index++;
  return index;
}
