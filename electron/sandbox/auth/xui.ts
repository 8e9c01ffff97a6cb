/**
 * XUIs (XCAP User Identifiers, RFC 4825 §4). On the Ut interface a user's XUI is one of its
 * public user identities: a SIP or SIPS URI (`sip:alice@example.com`) or a tel URI
 * (`tel:+15551234`), TS 24.623 §5.2.
 */

export type XuiScheme = 'sip' | 'sips' | 'tel';

const SCHEME = /^(sips?|tel):/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const SPACE_OR_CONTROL = /[\u0000-\u0020\u007f]/;

/** The lowercased scheme of a sip:, sips: or tel: URI; null for anything else. */
export function xuiScheme(xui: string): XuiScheme | null {
  const match = SCHEME.exec(xui);
  return match ? (match[1]?.toLowerCase() as XuiScheme) : null;
}

/** Why `xui` cannot be a user's XUI, or null when it can. Never quotes the text (it may be a mistyped password). */
export function xuiProblem(xui: string): string | null {
  const scheme = xuiScheme(xui);
  if (scheme === null) return 'an XUI must start with sip:, sips: or tel:';
  if (xui.length === scheme.length + 1) return 'an XUI needs something after its scheme';
  if (SPACE_OR_CONTROL.test(xui)) return 'an XUI cannot contain spaces or control characters';
  return null;
}

/**
 * The HTTP Digest username of a user: its XUI without the scheme, as written
 * (`sip:alice@example.com` → `alice@example.com`, `tel:+15551234` → `+15551234`).
 */
export function digestUsernameOf(xui: string): string {
  const scheme = xuiScheme(xui);
  return scheme === null ? xui : xui.slice(scheme.length + 1);
}

/**
 * A comparison key for XUIs, after RFC 3261 §19.1.4-style normalisation: the scheme and the
 * host are case-insensitive, the user part is case-sensitive but escapes of unreserved
 * characters are equal to the characters (`%61lice` is `alice`). For tel URIs (RFC 3966 §3)
 * the whole URI is case-insensitive and visual separators in the number are ignored.
 * Other schemes only get their scheme lowercased. `sip:` and `sips:` stay distinct.
 *
 * Never throws: it is used on XUIs taken from request paths, which may be anything.
 */
export function normalizeXui(xui: string): string {
  const known = recentlyNormalized.get(xui);
  if (known !== undefined) return known;
  const normalized = normalizeUncached(xui);
  if (recentlyNormalized.size >= 1024) recentlyNormalized.clear();
  recentlyNormalized.set(xui, normalized);
  return normalized;
}

/** Every request is authorized by comparing two XUIs, nearly always the same few: their normal forms are kept. */
const recentlyNormalized = new Map<string, string>();

function normalizeUncached(xui: string): string {
  const colon = xui.indexOf(':');
  if (colon <= 0) return xui;
  const scheme = xui.slice(0, colon).toLowerCase();
  const rest = xui.slice(colon + 1);
  if (scheme === 'sip' || scheme === 'sips') return `${scheme}:${normalizeSipRest(rest)}`;
  if (scheme === 'tel') return `tel:${normalizeTelRest(rest)}`;
  return `${scheme}:${rest}`;
}

// Neither the user part nor the host part of a SIP URI can hold an unescaped "@" (RFC 3261
// §25.1), so the first "@" separates them.
function normalizeSipRest(rest: string): string {
  const at = rest.indexOf('@');
  const userinfo = at === -1 ? '' : normalizeEscapes(rest.slice(0, at)) + '@';
  const hostAndMore = at === -1 ? rest : rest.slice(at + 1);
  const hostEnd = firstIndexOf(hostAndMore, ';?');
  return userinfo + hostAndMore.slice(0, hostEnd).toLowerCase() + hostAndMore.slice(hostEnd);
}

function normalizeTelRest(rest: string): string {
  const numberEnd = firstIndexOf(rest, ';');
  return (rest.slice(0, numberEnd).replace(/[-.()]/g, '') + rest.slice(numberEnd)).toLowerCase();
}

// RFC 3261 unreserved = alphanum / mark.
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]$/;

/** Decodes %XX escapes of unreserved characters and uppercases the hex of the others. */
function normalizeEscapes(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_escape, hex: string) => {
    const character = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(character) ? character : `%${hex.toUpperCase()}`;
  });
}

function firstIndexOf(text: string, characters: string): number {
  for (let index = 0; index < text.length; index++) {
    if (characters.includes(text.charAt(index))) return index;
  }
  return text.length;
}
