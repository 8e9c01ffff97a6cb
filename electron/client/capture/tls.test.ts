import { X509Certificate } from 'node:crypto';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timedConnector } from './connector';
import { TrafficRecorder } from './recorder';
import { makeCertificate, startHttpsServer, type TestCertificate, type TestServer } from './test-support/servers';
import { send } from './test-support/send';

describe('TLS details', () => {
  let certificate: TestCertificate;
  let server: TestServer;
  beforeAll(async () => {
    certificate = await makeCertificate();
    server = await startHttpsServer(certificate, (_request, response) => response.end('ok'));
  });
  afterAll(async () => {
    await server.close();
  });

  it('records protocol, cipher and the server certificate of a self-signed server', async () => {
    const recorder = new TrafficRecorder();
    const agent = new Agent({ connect: { ca: certificate.cert } });
    try {
      await send(agent.compose(recorder.interceptor()), { origin: server.origin, path: '/secure' });
      const [exchange] = recorder.list();
      const x509 = new X509Certificate(certificate.cert);
      expect(exchange?.connection.tls).toMatchObject({ protocol: 'TLSv1.3', alpnProtocol: 'http/1.1' });
      expect(exchange?.connection.tls?.cipher).toMatch(/^TLS_/);
      expect(exchange?.connection.tls?.peerCertificate).toEqual({
        subject: 'CN=capture-test.localhost',
        issuer: 'CN=capture-test.localhost',
        validFrom: x509.validFrom,
        validTo: x509.validTo,
        fingerprint256: x509.fingerprint256,
        subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1'],
      });
      expect(exchange?.timings.connectMs).toBeGreaterThan(0);
      expect(exchange?.timings.tlsMs).toBeUndefined(); // needs timedConnector
    } finally {
      recorder.close();
      await agent.close();
    }
  });

  it('splits TCP and TLS time with timedConnector', async () => {
    const recorder = new TrafficRecorder();
    const agent = new Agent({ connect: timedConnector({ ca: certificate.cert }) });
    try {
      await send(agent.compose(recorder.interceptor()), { origin: server.origin, path: '/timed' });
      const { timings, connection } = recorder.list()[0] ?? {};
      expect(connection?.tls?.protocol).toBe('TLSv1.3');
      expect(timings?.tlsMs).toBeGreaterThan(0);
      expect(timings?.tlsMs).toBeLessThanOrEqual(timings?.connectMs ?? 0);
    } finally {
      recorder.close();
      await agent.close();
    }
  });

  it('records a certificate the client refuses as an error with its code', async () => {
    const recorder = new TrafficRecorder();
    const agent = new Agent();
    try {
      await expect(send(agent.compose(recorder.interceptor()), { origin: server.origin, path: '/untrusted' })).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      expect(recorder.list()[0]).toMatchObject({ response: null, error: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, request: { sent: false } });
    } finally {
      recorder.close();
      await agent.close();
    }
  });
});
