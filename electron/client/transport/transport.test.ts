/** The transport against real TLS servers: trust, pins, expiry, client certificates, timeouts, size limit. */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XcapClientError } from '../client-error';
import { NoAuthenticator } from '../auth';
import { XcapClient } from '../xcap-client';
import { pinOfPem } from './tls';
import { createTransport, type TransportSettings } from './transport';

const noAuth = new NoAuthenticator();

const dir = mkdtempSync(join(tmpdir(), 'xcap-tls-'));
const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function certificate(options: Parameters<typeof generate>[1] = {}) {
  return generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] }],
    ...options,
  });
}

function client(settings: TransportSettings): XcapClient {
  return new XcapClient({ dispatcher: createTransport(settings), authenticator: noAuth });
}

async function failure(promise: Promise<unknown>): Promise<XcapClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof XcapClientError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

const get = (host: string, scheme = 'https') => ({ method: 'GET' as const, url: `${scheme}://${host}/xcap-root/x`, headers: {}, body: null, resource: 'document' as const });

describe('TLS', () => {
  let host: string;
  let caFile: string;
  let pem: string;
  beforeAll(async () => {
    const pems = await certificate();
    pem = pems.cert;
    caFile = join(dir, 'server.pem');
    writeFileSync(caFile, pem);
    host = await listen(createHttpsServer({ key: pems.private, cert: pems.cert }, (_q, s) => s.end('ok')));
  });

  it('refuses an untrusted certificate, naming what the server presented and how to trust it', async () => {
    const error = await failure(client({}).send(get(host)));
    expect(error.code).toBe('tls-untrusted');
    expect(error.message).toContain('--cacert');
    expect(error.details.certificate?.pin).toBe(pinOfPem(pem));
  });
  it('trusts a certificate given as CA, and accepts a matching pin', async () => {
    expect((await client({ tls: { caFiles: [caFile] } }).send(get(host))).status).toBe(200);
    expect((await client({ tls: { caFiles: [caFile], pinSha256: pinOfPem(pem) } }).send(get(host))).status).toBe(200);
  });
  it('refuses a pin mismatch even when the chain verifies', async () => {
    const error = await failure(client({ tls: { caFiles: [caFile], pinSha256: `sha256/${'A'.repeat(43)}=` } }).send(get(host)));
    expect(error.code).toBe('tls-pin-mismatch');
  });
  it('refuses an expired certificate', async () => {
    const expired = await certificate({ notBeforeDate: new Date(Date.now() - 10 * 86400_000), notAfterDate: new Date(Date.now() - 86400_000) });
    const expiredFile = join(dir, 'expired.pem');
    writeFileSync(expiredFile, expired.cert);
    const expiredHost = await listen(createHttpsServer({ key: expired.private, cert: expired.cert }, (_q, s) => s.end('ok')));
    const error = await failure(client({ tls: { caFiles: [expiredFile] } }).send(get(expiredHost)));
    expect(error.code).toBe('tls-expired');
  });
  it('presents a client certificate to a server that requires one, and explains a refusal without one', async () => {
    const pems = await certificate();
    const alice = await generate([{ name: 'commonName', value: 'alice' }], { keyType: 'ec', algorithm: 'sha256', extensions: [{ name: 'extKeyUsage', clientAuth: true }] });
    const serverCa = join(dir, 'mtls.pem');
    writeFileSync(serverCa, pems.cert);
    const mtlsHost = await listen(
      createHttpsServer({ key: pems.private, cert: pems.cert, ca: alice.cert, requestCert: true, rejectUnauthorized: true }, (q, s) => s.end(`hello ${(q.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN}`)),
    );
    const certFile = join(dir, 'client.pem');
    const keyFile = join(dir, 'client.key');
    writeFileSync(certFile, alice.cert);
    writeFileSync(keyFile, alice.private);
    const response = await client({ tls: { caFiles: [serverCa], clientCertificate: { certFile, keyFile } } }).send(get(mtlsHost));
    expect([response.status, response.text()]).toEqual([200, 'hello alice']);
    const error = await failure(client({ tls: { caFiles: [serverCa] } }).send(get(mtlsHost)));
    expect(['tls-client-certificate', 'connect']).toContain(error.code);
  });
});

describe('timeouts and limits', () => {
  it('a server that never answers gives a clear timeout', async () => {
    const host = await listen(createHttpServer(() => undefined));
    const error = await failure(client({ headersTimeoutMs: 300 }).send(get(host, 'http')));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('did not answer in time');
  });
  it('a response over the size limit is refused', async () => {
    const host = await listen(createHttpServer((_q, s) => s.end('x'.repeat(200_000))));
    const error = await failure(client({ maxResponseBytes: 100_000 }).send(get(host, 'http')));
    expect(error.code).toBe('response-too-large');
  });
  it('a refused connection says so', async () => {
    const server = createHttpServer();
    const host = await listen(server);
    await new Promise((ok) => server.close(ok));
    const error = await failure(client({}).send(get(host, 'http')));
    expect(error.code).toBe('connect');
  });
});
