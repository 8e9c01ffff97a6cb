/** A sandbox server on 127.0.0.1, port 0, in a fresh data directory that goes away with it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { User } from '../../../electron/sandbox/auth';
import { startSandboxServer, type SandboxOptions, type SandboxServer } from '../../../electron/sandbox/sandbox-server';
import { buildXcapUri, encodePathSegment } from '../../../shared/xcap/uri';
import { Endpoint } from './http';

export const ALICE = { xui: 'sip:alice@example.com', username: 'alice@example.com', password: 'alice-secret' } as const;
export const BOB = { xui: 'sip:bob@example.com', username: 'bob@example.com', password: 'bob-secret' } as const;

export interface TestSandbox {
  readonly server: SandboxServer;
  readonly dataDirectory: string;
  readonly endpoint: Endpoint;
  /** Lines the server logged, in order. */
  readonly log: string[];
  close(): Promise<void>;
}

export async function startTestSandbox(options: Partial<Omit<SandboxOptions, 'dataDirectory' | 'host' | 'port' | 'log'>> = {}): Promise<TestSandbox> {
  const dataDirectory = await mkdtemp(join(tmpdir(), 'xcap-sandbox-test-'));
  const log: string[] = [];
  const server = await startSandboxServer({
    users: [ALICE, BOB].map(({ xui, password }) => new User(xui, password)),
    ...options,
    dataDirectory,
    host: '127.0.0.1',
    port: 0,
    log: (line) => log.push(line),
  });
  return {
    server,
    dataDirectory,
    endpoint: new Endpoint(server.rootUrl),
    log,
    close: async () => {
      await server.close();
      await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}

export interface DocumentAddress {
  readonly auid: string;
  readonly xui: string;
  readonly name?: string;
}

/** The RFC 4825 URI of a user's document, or of a node in it (percent-encoded by buildXcapUri). */
export function xcapUri(root: string, address: DocumentAddress, nodeSelector: string | null = null, namespaces: Record<string, string> = {}): string {
  return buildXcapUri({ kind: 'document', root, auid: address.auid, scope: { kind: 'users', xui: address.xui }, documentPath: [address.name ?? 'index'], nodeSelector, namespaces });
}

/** The URI of a global document. */
export function globalUri(root: string, auid: string, name = 'index'): string {
  return buildXcapUri({ kind: 'document', root, auid, scope: { kind: 'global' }, documentPath: [name], nodeSelector: null, namespaces: {} });
}

/** A MIME object's URI (TS 24.141 6.3.2.4): root/mime/users/<XUI>/<name>. */
export function mimeUri(root: string, xui: string, name: string): string {
  return `${root}/mime/users/${encodePathSegment(xui)}/${encodePathSegment(name)}`;
}
