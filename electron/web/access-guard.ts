/**
 * Who may use browser mode: only a page this server served, on this machine, to someone who had the
 * URL with the per-start token. Three checks, all required:
 *
 * - Host must be 127.0.0.1:PORT or localhost:PORT — a DNS-rebinding page arrives with its own host name.
 * - Origin, when present (always on WebSocket upgrades and cross-origin requests), must be this server.
 * - The token: in the first URL (`?token=`), then in an HttpOnly, SameSite=Strict cookie named after the
 *   port (cookies ignore ports, and two consoles may run side by side).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type AccessDecision = { readonly allowed: true; readonly setCookie: string | null } | { readonly allowed: false; readonly status: 403 | 421; readonly reason: string };

export class AccessGuard {
  readonly token = randomBytes(32).toString('base64url');
  readonly cookieName: string;
  readonly #hosts: ReadonlySet<string>;
  readonly #origins: ReadonlySet<string>;

  constructor(readonly port: number) {
    this.cookieName = `xcap-console-${port}`;
    this.#hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
    this.#origins = new Set([...this.#hosts].map((host) => `http://${host}`));
  }

  check(request: IncomingMessage, url: URL): AccessDecision {
    const host = request.headers.host?.toLowerCase();
    if (!host || !this.#hosts.has(host)) return { allowed: false, status: 421, reason: `wrong Host (${host ?? 'none'}): browser mode answers only http://127.0.0.1:${this.port}` };
    const origin = request.headers.origin;
    if (origin !== undefined && !this.#origins.has(origin.toLowerCase())) return { allowed: false, status: 403, reason: `foreign Origin (${origin})` };
    const fromUrl = url.searchParams.get('token');
    if (fromUrl !== null) {
      if (!this.#matches(fromUrl)) return { allowed: false, status: 403, reason: 'wrong token' };
      return { allowed: true, setCookie: `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/` };
    }
    if (this.#matches(cookieValue(request.headers.cookie, this.cookieName))) return { allowed: true, setCookie: null };
    return { allowed: false, status: 403, reason: 'missing token: open the URL printed when browser mode started' };
  }

  #matches(candidate: string | null): boolean {
    if (candidate === null) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
