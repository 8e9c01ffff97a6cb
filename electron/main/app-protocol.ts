/**
 * The renderer's files under app://xcap/, from the built renderer only, with the CSP on every answer.
 * A custom standard+secure scheme gives the page a real origin (unlike file://) that IPC checks trust.
 */
import type { Protocol } from 'electron';
import { readStaticFile } from '../web/static-files';
import { CSP } from './hardening';

export const APP_SCHEME = { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } } as const;

export function serveRenderer(protocol: Protocol, rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'xcap' && request.method === 'GET' ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(new Uint8Array(file.body), { headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' } });
  });
}
