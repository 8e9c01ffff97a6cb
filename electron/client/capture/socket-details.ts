import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { PeerCertificateSummary, TlsDetails } from './exchange';

export interface SocketAddresses {
  readonly localAddress?: string;
  readonly localPort?: number;
  readonly remoteAddress?: string;
  readonly remotePort?: number;
}

/** Addresses of a live socket (read while it is connected: Node forgets them once it closes). */
export function socketAddresses(socket: unknown): SocketAddresses {
  if (typeof socket !== 'object' || socket === null) return {};
  const s = socket as { localAddress?: unknown; localPort?: unknown; remoteAddress?: unknown; remotePort?: unknown };
  return {
    ...(typeof s.localAddress === 'string' && { localAddress: s.localAddress }),
    ...(typeof s.localPort === 'number' && { localPort: s.localPort }),
    ...(typeof s.remoteAddress === 'string' && { remoteAddress: s.remoteAddress }),
    ...(typeof s.remotePort === 'number' && { remotePort: s.remotePort }),
  };
}

/** TLS session details of a TLS socket; undefined for plain TCP. */
export function tlsDetails(socket: unknown): TlsDetails | undefined {
  if (typeof socket !== 'object' || socket === null || (socket as { encrypted?: unknown }).encrypted !== true) return undefined;
  const tls = socket as TLSSocket;
  const alpn = tls.alpnProtocol;
  return {
    protocol: tls.getProtocol() ?? 'unknown',
    cipher: tls.getCipher()?.name ?? 'unknown',
    alpnProtocol: typeof alpn === 'string' ? alpn : null,
    peerCertificate: summarizePeerCertificate(tls.getPeerCertificate()),
  };
}

export function summarizePeerCertificate(certificate: PeerCertificate | null | undefined): PeerCertificateSummary | null {
  if (!certificate || Object.keys(certificate).length === 0) return null;
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    validFrom: certificate.valid_from ?? '',
    validTo: certificate.valid_to ?? '',
    fingerprint256: certificate.fingerprint256 ?? '',
    subjectAltNames: splitAltNames(certificate.subjectaltname),
  };
}

function distinguishedName(name: unknown): string {
  if (typeof name !== 'object' || name === null) return '';
  return Object.entries(name as Record<string, unknown>)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => `${key}=${String(v)}`))
    .join(', ');
}

/** `DNS:a, IP Address:1.2.3.4` → ['DNS:a', 'IP Address:1.2.3.4'] (quoted entries keep their commas). */
function splitAltNames(text: string | undefined): string[] {
  if (!text) return [];
  const names: string[] = [];
  for (const match of text.matchAll(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g)) {
    const name = match[0].trim();
    if (name) names.push(name);
  }
  return names;
}
