/**
 * The record of one HTTP exchange the client made: what went on the wire, what came back, how long
 * each phase took and over which connection. The traffic inspector, `-v`, HAR and curl exports all
 * read this one type.
 *
 * Records are plain data (structured-clone safe: they cross the IPC boundary as they are). Header
 * values and bodies are raw here; everything that leaves the process goes through `redactExchange`
 * first unless the user explicitly asked to reveal secrets (`redacted` says which form this is).
 */

/** One header line, name and value exactly as on the wire (latin1-decoded octets). */
export type HeaderPair = readonly [name: string, value: string];

/** Why the client sent this request: the first try, the answer to a 401, or a retry after `stale=true`. */
export type AttemptKind = 'initial' | 'auth-retry' | 'stale-retry' | 'conflict-refresh' | 'other';

export interface CapturedBody {
  /** The first bytes (at most the recorder's `maxBodyBytes`). */
  readonly bytes: Uint8Array;
  /** How many bytes there were in all. */
  readonly size: number;
  /** True when `bytes` holds fewer than `size` bytes. */
  readonly truncated: boolean;
}

export interface ExchangeRequest {
  readonly method: string;
  /** Absolute URL: origin + request-target as sent (percent-encoding untouched). */
  readonly url: string;
  /** The request-target exactly as in the request line, e.g. `/xcap-root/…/index/~~/list%5B1%5D`. */
  readonly target: string;
  /** `HTTP/1.1`, or `HTTP/2` for an h2 stream. */
  readonly httpVersion: string;
  /**
   * Headers in wire order. Once `sent`, this is the exact header block undici wrote (including the
   * `host`, `connection` and framing headers it adds); before that, the headers as dispatched.
   */
  readonly headers: readonly HeaderPair[];
  /** Whether the header block reached a socket (false when the connection failed first). */
  readonly sent: boolean;
  /** Size of the request line and header block in bytes, CRLFs included; -1 before it is sent. */
  readonly headersSize: number;
  readonly body: CapturedBody | null;
}

export interface ExchangeResponse {
  readonly status: number;
  readonly statusText: string;
  readonly httpVersion: string;
  /** Raw response headers in wire order (duplicates kept). */
  readonly headers: readonly HeaderPair[];
  /** Body bytes as received (undici does not decode content-codings); null for an empty body. */
  readonly body: CapturedBody | null;
  /** Trailers, when the server sent any. */
  readonly trailers: readonly HeaderPair[];
}

export interface ExchangeError {
  /** Node/undici error code (`ECONNREFUSED`, `UND_ERR_HEADERS_TIMEOUT`, `CERT_HAS_EXPIRED`…), else the error's name. */
  readonly code: string;
  readonly message: string;
}

/**
 * Durations in milliseconds. queued + connect + send + wait + receive = totalMs (phases that did
 * not happen are absent). `tlsMs` is part of `connectMs`.
 */
export interface ExchangeTimings {
  /** From dispatch until a connection was available (waiting in undici's queue). */
  readonly queuedMs?: number;
  /** DNS + TCP + TLS of a new connection; absent on a reused one. */
  readonly connectMs?: number;
  /** TLS handshake, when measured (needs `timedConnector`, see connector.ts). */
  readonly tlsMs?: number;
  /** Writing the header block and the body. */
  readonly sendMs?: number;
  /** From the end of the request until the response headers. */
  readonly waitMs?: number;
  /** Reading the response body. */
  readonly receiveMs?: number;
  /** Since `startedAt`: when the response headers arrived (time to first byte). */
  readonly firstByteMs?: number;
  /** Since `startedAt`: until the response ended or the request failed. */
  readonly totalMs: number;
}

export interface PeerCertificateSummary {
  /** `CN=…, O=…` as in the certificate. */
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** `AA:BB:…` */
  readonly fingerprint256: string;
  /** e.g. `DNS:xcap.example.com`, `IP Address:127.0.0.1`. */
  readonly subjectAltNames: readonly string[];
}

export interface TlsDetails {
  /** `TLSv1.3` */
  readonly protocol: string;
  /** OpenSSL/IANA cipher name. */
  readonly cipher: string;
  /** Negotiated ALPN protocol, when any (`http/1.1`, `h2`). */
  readonly alpnProtocol: string | null;
  readonly peerCertificate: PeerCertificateSummary | null;
}

export interface ConnectionInfo {
  /** True when an earlier request already used this socket (keep-alive). */
  readonly reused: boolean;
  /** Per-recorder connection number (1, 2, …): the same number means the same socket. */
  readonly id?: number;
  readonly localAddress?: string;
  readonly localPort?: number;
  readonly remoteAddress?: string;
  readonly remotePort?: number;
  readonly tls?: TlsDetails;
}

/** What kind of XCAP resource the URL addresses. */
export type XcapResourceKind = 'document' | 'directory' | 'element' | 'attribute' | 'namespace';

/** The XCAP reading of an exchange (RFC 4825 §6), or null on the exchange when the URL is not an XCAP URI. */
export interface XcapView {
  /** e.g. `http://127.0.0.1:40123/xcap-root` */
  readonly root: string;
  readonly auid: string;
  readonly scope: 'users' | 'global' | null;
  /** Decoded, e.g. `sip:alice@example.com`; null for global documents and the AUID directory. */
  readonly xui: string | null;
  /** Decoded segments joined by `/`, e.g. `index`; '' for a directory. */
  readonly documentPath: string;
  /** Decoded selector as typed, e.g. `resource-lists/list[@name="friends"]`; null for a whole document. */
  readonly nodeSelector: string | null;
  /** Null when the selector does not parse (the server will answer 400). */
  readonly resource: XcapResourceKind | null;
  readonly namespaces: Readonly<Record<string, string>>;
  /** The RFC 4825 §11 error element of a 409 `application/xcap-error+xml` answer, e.g. `no-parent`. */
  readonly xcapError: string | null;
}

export interface Exchange {
  /** Per recorder, increasing from 1. */
  readonly id: number;
  /** ISO 8601 with milliseconds, when the client dispatched the request. */
  readonly startedAt: string;
  readonly attempt: AttemptKind;
  /** Free text the client attached with `markRequest` (e.g. the UI action), or null. */
  readonly label: string | null;
  readonly request: ExchangeRequest;
  readonly response: ExchangeResponse | null;
  readonly error: ExchangeError | null;
  readonly timings: ExchangeTimings;
  readonly connection: ConnectionInfo;
  readonly xcap: XcapView | null;
  /** True when credentials in headers have been replaced (see redact.ts). */
  readonly redacted: boolean;
}

/** A body in JSON: UTF-8 text when it is clean text, else base64. */
export interface BodyJson {
  readonly size: number;
  readonly truncated: boolean;
  readonly text?: string;
  readonly base64?: string;
}

/** An Exchange with JSON-safe bodies: what files, `--json`, logs and the IPC contract carry. */
export interface ExchangeJson extends Omit<Exchange, 'request' | 'response'> {
  readonly request: Omit<ExchangeRequest, 'body'> & { readonly body: BodyJson | null };
  readonly response: (Omit<ExchangeResponse, 'body'> & { readonly body: BodyJson | null }) | null;
}
