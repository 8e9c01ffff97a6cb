import { Agent } from 'undici';
import type { TlsSettings } from './tls';
import { connectTlsOptions } from './tls';

export interface TransportSettings {
  readonly tls?: TlsSettings;
  /** HTTP/2 only when a profile opts in: HTTP/1.1 shows the real wire in the inspector. */
  readonly http2?: boolean;
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly bodyTimeoutMs?: number;
  /** Largest response body accepted. */
  readonly maxResponseBytes?: number;
}

export const DEFAULT_TRANSPORT = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  maxResponseBytes: 50 * 1024 * 1024,
} as const;

/**
 * One undici Agent per server profile: keep-alive connections, the profile's TLS trust, timeouts
 * and response size limit. undici follows no redirects unless asked, which is what an inspector wants.
 */
export function createTransport(settings: TransportSettings = {}): Agent {
  return new Agent({
    connect: { ...connectTlsOptions(settings.tls), timeout: settings.connectTimeoutMs ?? DEFAULT_TRANSPORT.connectTimeoutMs },
    allowH2: settings.http2 ?? false,
    headersTimeout: settings.headersTimeoutMs ?? DEFAULT_TRANSPORT.headersTimeoutMs,
    bodyTimeout: settings.bodyTimeoutMs ?? DEFAULT_TRANSPORT.bodyTimeoutMs,
    maxResponseSize: settings.maxResponseBytes ?? DEFAULT_TRANSPORT.maxResponseBytes,
    keepAliveTimeout: 30_000,
  });
}
