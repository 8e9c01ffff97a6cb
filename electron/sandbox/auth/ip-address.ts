/**
 * IP addresses as comparison keys: IPv6 in its canonical compressed lowercase form, and
 * IPv4-mapped IPv6 (`::ffff:127.0.0.1`, how a dual-stack socket reports an IPv4 peer) as the
 * plain IPv4 address.
 */
import { isIP, isIPv4 } from 'node:net';

/** The comparison key of an address; null when `text` is not an IP address. */
export function normalizeIpAddress(text: string): string | null {
  if (isIPv4(text)) return text;
  if (isIP(text) !== 6) return null;
  const canonical = canonicalIpv6(text);
  if (canonical === null) return null;
  // The WHATWG URL parser writes the mapped address as two hex groups: ::ffff:7f00:1.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!mapped?.[1] || !mapped[2]) return canonical;
  const high = Number.parseInt(mapped[1], 16);
  const low = Number.parseInt(mapped[2], 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

// The URL parser implements RFC 5952 serialisation. A zone ("%eth0") is not part of an
// address the socket reports for a peer we would trust; such text has no key.
function canonicalIpv6(text: string): string | null {
  if (text.includes('%')) return null;
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}
