/** Real node:http / node:https servers on 127.0.0.1:0 that remember what they received, for the capture tests. */
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface ReceivedRequest {
  readonly method: string;
  readonly target: string;
  /** rawHeaders as pairs, in order. */
  readonly headers: Array<[string, string]>;
  readonly body: Buffer;
  readonly remotePort: number;
}

export type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

export interface TestServer {
  readonly origin: string;
  readonly port: number;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startHttpServer(handler: Handler): Promise<TestServer> {
  return listen(createHttpServer(), handler, 'http');
}

export interface TestCertificate {
  readonly key: string;
  readonly cert: string;
}

export async function makeCertificate(): Promise<TestCertificate> {
  const pems = await generate([{ name: 'commonName', value: 'capture-test.localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

export async function startHttpsServer(certificate: TestCertificate, handler: Handler): Promise<TestServer> {
  return listen(createHttpsServer({ key: certificate.key, cert: certificate.cert }), handler, 'https');
}

async function listen(server: Server, handler: Handler, scheme: 'http' | 'https'): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Array<[string, string]> = [];
      for (let i = 0; i < request.rawHeaders.length; i += 2) headers.push([request.rawHeaders[i] ?? '', request.rawHeaders[i + 1] ?? '']);
      const entry = { method: request.method ?? '', target: request.url ?? '', headers, body: Buffer.concat(chunks), remotePort: request.socket.remotePort ?? 0 };
      received.push(entry);
      handler(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
