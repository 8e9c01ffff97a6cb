import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_XML_BYTES } from '../../shared/xcap/xml/limits';
import type { User } from './auth';
import { DigestAuthenticator, SandboxAuthError, UserDirectory } from './auth';
import { Bsf } from './gba/bsf';
import { GbaNaf } from './gba/naf';
import type { Subscriber } from './gba/subscriber';
import { seedDemo } from './seed-demo';
import { failureResponse } from './failure-response';
import { handleRequest } from './handler';
import { requestLogLine } from './request-log';
import { XCAP_ROOT_PATH } from './request-target';
import { send } from './respond';
import { SnapshotCache } from './snapshot-cache';
import { DocumentStore } from './store';
import { loadOrCreateCertificate } from './tls-certificate';

export interface SandboxOptions {
  /** Where documents persist (created if missing). */
  readonly dataDirectory: string;
  /** Default 127.0.0.1: the sandbox is for this machine. */
  readonly host?: string;
  /** Default 0: a free port. */
  readonly port?: number;
  readonly users?: readonly User[];
  /** Serve HTTPS with a self-signed certificate kept in the data directory. */
  readonly tls?: boolean;
  /** Seed sip:alice@example.com / sip:bob@example.com with the TS 24.141 A.8 documents. */
  readonly demo?: boolean;
  /** Authentication proxies whose X-3GPP-Asserted-Identity is trusted (literal IP addresses). */
  readonly trustedProxies?: readonly string[];
  readonly realm?: string;
  /** How long a Digest nonce is good for (default 5 minutes); after that the server answers stale=true. */
  readonly nonceLifetimeMs?: number;
  readonly maxBodyBytes?: number;
  /** Receives one line per request (never credentials). */
  readonly log?: (line: string) => void;
  /** BSF and NAF mode (TS 33.220 GBA): a BSF on `bsfPath` of the same port, XCAP users authenticate with GBA Digest. */
  readonly gba?: SandboxGbaOptions;
}

export interface SandboxGbaOptions {
  /** The HSS subscriber table (IMPI, K, OPc, SQN, IMPUs). */
  readonly subscribers: readonly Subscriber[];
  /** Where the BSF answers. Default '/bsf'. */
  readonly bsfPath?: string;
  /** How long a bootstrapped key (B-TID) lives. Default one hour. */
  readonly keyLifetimeMs?: number;
  /** The BSF's clock for key lifetimes (ms since the epoch). Default Date.now; tests move it. */
  readonly now?: () => number;
}

export interface SandboxServer {
  /** The XCAP root URL, e.g. http://127.0.0.1:40123/xcap-root */
  readonly rootUrl: string;
  readonly port: number;
  readonly host: string;
  /** SHA-256 fingerprint of the TLS certificate, when serving HTTPS. */
  readonly fingerprint256: string | null;
  readonly users: UserDirectory;
  /** The BSF's URL in GBA mode, else null. */
  readonly bsfUrl: string | null;
  /** The BSF (its subscriber table and B-TIDs) in GBA mode, else null. */
  readonly bsf: Bsf | null;
  close(): Promise<void>;
}

/** Starts the embedded XCAP server. Resolves once it listens. */
export async function startSandboxServer(options: SandboxOptions): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const store = await DocumentStore.open(options.dataDirectory);
  const users = new UserDirectory();
  for (const user of options.users ?? []) users.add(user);
  const certificate = options.tls ? await loadOrCreateCertificate(options.dataDirectory) : null;
  const realm = options.realm ?? 'xcap-console-sandbox';
  const bsf = options.gba ? new Bsf({ subscribers: options.gba.subscribers, domain: host, ...(options.gba.keyLifetimeMs !== undefined && { keyLifetimeMs: options.gba.keyLifetimeMs }), ...(options.gba.now && { now: options.gba.now }) }) : null;
  const bsfPath = options.gba?.bsfPath ?? '/bsf';
  for (const impu of bsf?.subscribers().flatMap((subscriber) => subscriber.impus) ?? []) {
    // GBA users authenticate only through GBA: a password user with the same XUI would be a back door.
    if (users.findByXui(impu)) throw new SandboxAuthError('duplicate-user', `${impu} is both a GBA subscriber's IMPU and a password user: GBA users authenticate only through GBA.`);
  }
  const setup = {
    store,
    snapshots: new SnapshotCache(),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_XML_BYTES,
    origin: '',
    authentication: {
      digest: new DigestAuthenticator({ realm, ...(options.nonceLifetimeMs !== undefined && { nonceLifetimeMs: options.nonceLifetimeMs }) }),
      users,
      realm,
      secure: certificate !== null,
      trustedProxies: options.trustedProxies ?? [],
      gba: bsf && new GbaNaf(bsf, { host, ...(options.nonceLifetimeMs !== undefined && { nonceLifetimeMs: options.nonceLifetimeMs }) }),
    },
  };
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    // Read now: request.socket is null once the request has been destroyed.
    const remote = request.socket.remoteAddress;
    const toBsf = bsf !== null && (request.url ?? '').split('?')[0] === bsfPath;
    (toBsf ? Promise.resolve().then(() => bsf.handle({ method: request.method ?? 'GET', target: request.url ?? '', authorization: request.headers.authorization })) : handleRequest(request, setup))
      .catch((error: unknown) => {
        const answer = failureResponse(error);
        if (answer.status !== 499) console.error('sandbox: internal error', error);
        return { response: answer, user: null };
      })
      .then(({ response: answer, user }) => {
        send(response, answer);
        options.log?.(requestLogLine({ remote, user, method: request.method ?? '-', target: request.url ?? '-', status: answer.status, ms: performance.now() - started }));
      });
  };
  const server: Server = certificate ? createHttpsServer({ key: certificate.key, cert: certificate.cert }, listener) : createHttpServer(listener);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `${certificate ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  setup.origin = origin;
  const rootUrl = origin + XCAP_ROOT_PATH;
  if (options.demo) await seedDemo(store, users, rootUrl);
  return {
    rootUrl,
    port,
    host,
    fingerprint256: certificate?.fingerprint256 ?? null,
    users,
    bsfUrl: bsf === null ? null : origin + bsfPath,
    bsf,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
