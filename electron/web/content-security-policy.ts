/**
 * The renderer's Content-Security-Policy, the same in Electron (app:// protocol) and browser mode:
 * only its own scripts (WebAssembly for libxml2 in the validation worker), no inline scripts, no
 * plugins, no framing, no form posts; connections only back to where it came from.
 * `style-src 'unsafe-inline'`: Monaco sets styles from script.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSources.map((s) => ` ${s}`).join('')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
