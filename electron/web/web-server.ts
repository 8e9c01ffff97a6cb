/**
 * Browser mode: the renderer and the IPC contract served over HTTP/WebSocket on 127.0.0.1 only,
 * for headless lab hosts and for end-to-end tests. Access needs the per-start token (access-guard.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ConsoleServices } from '../services/console-services';
import { AccessGuard } from './access-guard';
import { contentSecurityPolicy } from './content-security-policy';
import { bridgeSocket } from './socket-bridge';
import { readStaticFile } from './static-files';

export interface WebServerOptions {
  readonly services: ConsoleServices;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** Default 0: a free port. */
  readonly port?: number;
}

export interface WebServer {
  /** The URL to open, with the token: http://127.0.0.1:PORT/?token=… */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/** Largest message the renderer may send (a 10 MiB document, JSON-escaped, with room to spare). */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const guard = new AccessGuard(port);
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const securityHeaders = {
    'Content-Security-Policy': contentSecurityPolicy([`ws://${HOST}:${port}`, `ws://localhost:${port}`]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
      const access = guard.check(request, url);
      if (!access.allowed) return refuse(response, access.status, access.reason);
      if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'browser mode serves files with GET; calls go over the WebSocket');
      const file = await readStaticFile(options.staticDir, url.pathname);
      if (!file) return refuse(response, 404, 'not found');
      response.writeHead(200, { ...securityHeaders, 'Content-Type': file.contentType, 'Content-Length': file.body.length, ...(access.setCookie && { 'Set-Cookie': access.setCookie }) });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    })().catch((error: unknown) => refuse(response, 500, `internal error: ${(error as Error).message}`));
  });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', `http://${HOST}:${port}`);
    const access = guard.check(request, url);
    // A WebSocket handshake always carries Origin from a browser: its absence means not our page.
    if (!access.allowed || url.pathname !== '/ipc' || request.headers.origin === undefined) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => bridgeSocket(ws, options.services));
  });

  return {
    url: `http://${HOST}:${port}/?token=${guard.token}`,
    port,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function refuse(response: ServerResponse, status: number, reason: string): void {
  if (response.headersSent) return void response.destroy();
  const body = `${status === 404 ? 'Not found' : 'Refused'}: ${reason}\n`;
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  response.end(body);
}
