/**
 * Failures of the XCAP client, each with a stable `code` and a message that says what to do next.
 * The CLI maps them to exit status 3 (transport, TLS, authentication); HTTP answers are not errors.
 */
export type XcapClientErrorCode =
  | 'dns' // the host name does not resolve
  | 'connect' // refused, unreachable, reset
  | 'timeout' // connect, headers or body took too long
  | 'tls-untrusted' // chain does not verify against the trusted CAs
  | 'tls-expired'
  | 'tls-hostname' // certificate does not name the host
  | 'tls-pin-mismatch'
  | 'tls-client-certificate' // the server wants a client certificate / ours is refused
  | 'response-too-large'
  | 'auth' // authentication failed or cannot be answered
  | 'cancelled' // the user cancelled the request
  | 'invalid-argument';

export interface CertificateSummary {
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly fingerprint256: string;
  /** `sha256/BASE64` of the public key, the form `--pin` takes. */
  readonly pin: string;
}

export class XcapClientError extends Error {
  override readonly name = 'XcapClientError';
  constructor(
    readonly code: XcapClientErrorCode,
    message: string,
    readonly details: { readonly certificate?: CertificateSummary; readonly cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}
