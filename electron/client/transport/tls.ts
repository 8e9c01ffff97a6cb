import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PeerCertificate } from 'node:tls';
import { checkServerIdentity, rootCertificates } from 'node:tls';
import type { Secret } from '../../secrets/secret';
import type { CertificateSummary } from '../client-error';
import { XcapClientError } from '../client-error';

export interface TlsSettings {
  /** Extra trusted CA certificates (PEM files), added to the system roots. */
  readonly caFiles?: readonly string[];
  /** `sha256/BASE64` of the server certificate's public key (SPKI). Checked in addition to the chain, never instead. */
  readonly pinSha256?: string;
  readonly clientCertificate?: { readonly certFile: string; readonly keyFile: string; readonly passphrase?: Secret } | { readonly p12File: string; readonly passphrase?: Secret };
}

export interface ConnectTlsOptions {
  ca: string[];
  cert?: Buffer;
  key?: Buffer;
  pfx?: Buffer;
  passphrase?: string;
  rejectUnauthorized: true;
  checkServerIdentity: (host: string, certificate: PeerCertificate) => Error | undefined;
}

/**
 * TLS options for undici's connector. Verification is always on: a pin narrows what is trusted, it
 * never widens it. Node skips checkServerIdentity when the chain does not verify, so a pinned
 * self-signed certificate must also be given as its own CA (`caFiles`).
 */
export function connectTlsOptions(settings: TlsSettings = {}): ConnectTlsOptions {
  const pin = settings.pinSha256 === undefined ? null : parsePin(settings.pinSha256);
  const options: ConnectTlsOptions = {
    ca: [...rootCertificates, ...(settings.caFiles ?? []).map((file) => readPem(file, 'CA certificate'))],
    rejectUnauthorized: true,
    checkServerIdentity: (host, certificate) => {
      const identityError = checkServerIdentity(host, certificate);
      if (identityError) return identityError;
      if (pin !== null && publicKeyPin(certificate) !== pin) {
        return new XcapClientError('tls-pin-mismatch', `the server's certificate does not match the pinned key (expected sha256/${pin}, got ${publicKeyPin(certificate)}); if the server changed its certificate on purpose, update the pin`, {
          certificate: summarizeCertificate(certificate),
        });
      }
      return undefined;
    },
  };
  const client = settings.clientCertificate;
  if (client && 'p12File' in client) options.pfx = readBinary(client.p12File, 'PKCS#12 file');
  else if (client) {
    options.cert = readBinary(client.certFile, 'client certificate');
    options.key = readBinary(client.keyFile, 'client key');
  }
  if (client?.passphrase) options.passphrase = client.passphrase.reveal();
  return options;
}

function parsePin(pin: string): string {
  const match = /^sha256\/([A-Za-z0-9+/]{43}=)$/.exec(pin.trim());
  if (!match?.[1]) throw new XcapClientError('invalid-argument', `a pin looks like sha256/ followed by 44 base64 characters (the SHA-256 of the public key), not "${pin}"`);
  return match[1];
}

/** base64(SHA-256(SubjectPublicKeyInfo)): the usual public-key pin (as in HPKP and curl's --pinnedpubkey). */
export function publicKeyPin(certificate: PeerCertificate): string {
  const spki = new X509Certificate(certificate.raw).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

export function summarizeCertificate(certificate: PeerCertificate): CertificateSummary {
  const name = (entries: Record<string, unknown> | undefined) =>
    Object.entries(entries ?? {})
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
  return {
    subject: name(certificate.subject as unknown as Record<string, unknown>),
    issuer: name(certificate.issuer as unknown as Record<string, unknown>),
    validFrom: certificate.valid_from,
    validTo: certificate.valid_to,
    fingerprint256: certificate.fingerprint256,
    pin: `sha256/${publicKeyPin(certificate)}`,
  };
}

/** The pin of a PEM certificate file, for `xcap` users who want to pin what they trust. */
export function pinOfPem(pem: string): string {
  const certificate = new X509Certificate(pem);
  const spki = certificate.publicKey.export({ type: 'spki', format: 'der' });
  return `sha256/${createHash('sha256').update(spki).digest('base64')}`;
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new XcapClientError('invalid-argument', `cannot read the ${what} ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function readBinary(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new XcapClientError('invalid-argument', `cannot read the ${what} ${file}: ${(error as Error).message}`, { cause: error });
  }
}
