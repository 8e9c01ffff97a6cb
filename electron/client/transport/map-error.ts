import type { PeerCertificate } from 'node:tls';
import { connect } from 'node:tls';
import { XcapClientError } from '../client-error';
import { summarizeCertificate } from './tls';

const TLS_UNTRUSTED = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE']);

function codeOf(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return String(e?.code ?? e?.cause?.code ?? '');
}

/**
 * Turns what undici and Node throw into an XcapClientError that says what happened and what to do.
 * For certificate problems it fetches the server's certificate once more, without trusting it, so
 * the message (and the UI's "pin this certificate") can show what the server presented.
 */
export async function mapTransportError(error: unknown, url: URL): Promise<XcapClientError> {
  if (error instanceof XcapClientError) return error;
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof XcapClientError) return cause;
  const code = codeOf(error);
  if (code === 'UND_ERR_ABORTED' || (error as Error)?.name === 'AbortError') return new XcapClientError('cancelled', 'the request was cancelled', { cause: error });
  const where = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  const message = (error as Error)?.message ?? String(error);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new XcapClientError('dns', `cannot resolve ${url.hostname}: check the XCAP root's host name`, { cause: error });
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new XcapClientError('timeout', `connecting to ${where} timed out: is the server reachable from here (VPN, firewall)?`, { cause: error });
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return new XcapClientError('timeout', `${where} accepted the request but did not answer in time (${code === 'UND_ERR_HEADERS_TIMEOUT' ? 'headers' : 'body'} timeout)`, { cause: error });
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return new XcapClientError('response-too-large', `the response from ${where} is larger than the limit; raise it in the profile if this document really is that big`, { cause: error });
  if (['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET'].includes(code)) {
    return new XcapClientError('connect', `cannot connect to ${where} (${code}): is the server running, and is the port right?`, { cause: error });
  }
  if (TLS_UNTRUSTED.has(code) || code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID' || code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const certificate = await fetchCertificate(url).catch(() => undefined);
    const shown = certificate ? ` The server presented: subject ${certificate.subject}, issuer ${certificate.issuer}, valid ${certificate.validFrom} – ${certificate.validTo}, SHA-256 ${certificate.fingerprint256}.` : '';
    const details = certificate ? { certificate, cause: error } : { cause: error };
    if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') return new XcapClientError('tls-expired', `the server's certificate is not valid now (${code}).${shown}`, details);
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return new XcapClientError('tls-hostname', `the server's certificate does not name ${url.hostname}: ${message}.${shown}`, details);
    return new XcapClientError('tls-untrusted', `the server's certificate is not trusted (${code}). If you trust it, add it with --cacert FILE (and optionally --pin ${certificate?.pin ?? 'sha256/…'}).${shown}`, details);
  }
  if (/CERTIFICATE_REQUIRED|ALERT_HANDSHAKE_FAILURE|ALERT_BAD_CERTIFICATE|ALERT_UNKNOWN_CA/.test(code)) {
    return new XcapClientError('tls-client-certificate', `the server refused the TLS handshake (${code}): it probably requires a client certificate (--cert/--key or --p12) it trusts`, { cause: error });
  }
  return new XcapClientError('connect', `request to ${where} failed: ${message}${code ? ` (${code})` : ''}`, { cause: error });
}

/** The server's certificate, fetched without trusting it: for error messages only, never to proceed. */
function fetchCertificate(url: URL): Promise<ReturnType<typeof summarizeCertificate>> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 443), servername: url.hostname, rejectUnauthorized: false, timeout: 5_000 }, () => {
      const certificate = socket.getPeerCertificate() as PeerCertificate;
      socket.destroy();
      if (!certificate || Object.keys(certificate).length === 0) reject(new Error('no certificate'));
      else resolve(summarizeCertificate(certificate));
    });
    socket.once('error', reject);
    socket.once('timeout', () => socket.destroy(new Error('timeout')));
  });
}
