/**
 * A server profile: where an XCAP server is and how to talk to it. Profiles hold no secrets: a
 * profile's password (and a client key's passphrase) live in the OS keychain under the accounts
 * of profile-secrets.ts.
 */

export type AuthMethod = 'digest' | 'basic' | 'gba' | 'none';

export interface ProfileAuth {
  readonly method: AuthMethod;
  /** The HTTP username (Digest/Basic) or the IMPI (GBA). Not allowed with method "none". */
  readonly username?: string;
  /** Basic over plain http:// sends the password readable by anyone on the path: allowed only with this set (method "basic" only). */
  readonly allowCleartextBasic?: boolean;
  /** GBA only: the BSF URL; without it the BSF address is derived from the IMPI (TS 23.003 §16.2). */
  readonly bsfUrl?: string;
}

export type ClientCertificateFiles = { readonly certFile: string; readonly keyFile: string } | { readonly p12File: string };

export interface ProfileTls {
  /** Extra trusted CA certificates (PEM files, absolute paths), added to the system roots. */
  readonly caFiles?: readonly string[];
  /** `sha256/BASE64` of the server's public key (SPKI), checked in addition to the chain. */
  readonly pinSha256?: string;
  readonly clientCert?: ClientCertificateFiles;
  /** Offer HTTP/2 (off by default: HTTP/1.1 shows the real wire in the inspector). */
  readonly http2?: boolean;
}

export interface Profile {
  /** Unique name, shown in the UI; 1–100 characters, no control characters, no leading or trailing spaces. */
  readonly name: string;
  /** The XCAP root URI (http or https), without credentials, query or fragment. */
  readonly xcapRoot: string;
  /** The XCAP User Identifier the console works as: a sip:, sips: or tel: URI. */
  readonly xui: string;
  readonly auth: ProfileAuth;
  readonly tls: ProfileTls;
  /** Extra request headers (never Authorization, Cookie or anything secret-looking). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly userAgent?: string;
  /** Sent as X-3GPP-Intended-Identity: a sip:, sips: or tel: URI. */
  readonly intendedIdentity?: string;
}
