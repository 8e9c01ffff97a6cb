/**
 * xcap.* and profiles.test: what the server supports (xcap-caps, falling back to the registry),
 * the user's documents (OMA xcap-directory), sending a planned request, and the connection test
 * that says precisely where a connection fails.
 */
import type { CapsInfo, ConnectionReport, DirectoryInfo, SendRequest, SendResult } from '../../shared/ipc';
import { parseXcapCaps, parseXcapDirectory } from '../../shared/xcap/discovery';
import { applicationUsages } from '../../shared/xcap/usages/registry';
import { parseXcapUriLenient } from '../../shared/xcap/uri';
import { planRequest } from '../../shared/xcap/plan';
import { XcapClientError, type XcapClientErrorCode } from '../client/client-error';
import type { XcapResponse } from '../client/xcap-client';
import type { ConnectionPool } from './connection-pool';
import type { TrafficLog } from './traffic-log';

const decoder = new TextDecoder();

export class XcapService {
  readonly #inFlight = new Map<string, AbortController>();

  constructor(
    private readonly pool: ConnectionPool,
    private readonly traffic: TrafficLog,
  ) {}

  async caps(profile: string): Promise<CapsInfo> {
    const registry = (problem: string): CapsInfo => ({ source: 'registry', auids: applicationUsages.map((u) => u.auid), extensions: [], namespaces: [], problem });
    const response = await this.#getAt(profile, 'xcap-caps/global/index');
    if (response.status !== 200) return registry(`the server answered ${response.status} for xcap-caps`);
    try {
      return { source: 'server', ...structuredClone(parseXcapCaps(response.body)), problem: null } as CapsInfo;
    } catch (error) {
      return registry(`the server's xcap-caps is unusable: ${(error as Error).message}`);
    }
  }

  async directory(profile: string): Promise<DirectoryInfo> {
    const { profile: settings } = await this.pool.get(profile);
    const response = await this.#getAt(profile, `org.openmobilealliance.xcap-directory/users/${encodeURIComponent(settings.xui)}/directory.xml`);
    if (response.status !== 200) return { source: 'none', folders: [], problem: `the server answered ${response.status} for the xcap-directory` };
    try {
      const folders = parseXcapDirectory(response.body).map((f) => ({ auid: f.auid, documents: f.documents.map((d) => ({ ...d })) }));
      return { source: 'server', folders, problem: null };
    } catch (error) {
      return { source: 'none', folders: [], problem: `the server's xcap-directory is unusable: ${(error as Error).message}` };
    }
  }

  async send(request: SendRequest): Promise<SendResult> {
    const { client } = await this.pool.get(request.profile);
    const uri = parseXcapUriLenient(request.uri);
    const condition = { ...(request.etag !== undefined && { etag: request.etag }), ...(request.createOnly !== undefined && { createOnly: request.createOnly }) };
    const plan = client.plan(request.method, uri, request.body, condition);
    const before = this.traffic.lastId;
    const controller = new AbortController();
    if (request.requestId !== undefined) this.#inFlight.set(request.requestId, controller);
    let response: XcapResponse;
    try {
      response = await client.send(plan, 'initial', controller.signal);
    } finally {
      if (request.requestId !== undefined && this.#inFlight.get(request.requestId) === controller) this.#inFlight.delete(request.requestId);
    }
    return {
      plan: { method: plan.method, url: plan.url, headers: Object.entries(plan.headers), body: plan.body },
      ...responseFields(response),
      conflict: response.conflict && { status: response.conflict.status, etag: response.conflict.etag, body: decoder.decode(response.conflict.body) },
      exchangeIds: this.traffic.list(before).filter((row) => row.profile === request.profile).map((row) => row.id),
    };
  }

  cancel(requestId: string): boolean {
    const controller = this.#inFlight.get(requestId);
    controller?.abort();
    return controller !== undefined;
  }

  async test(profile: string): Promise<ConnectionReport> {
    const started = performance.now();
    const elapsedMs = () => Math.round(performance.now() - started);
    let response: XcapResponse;
    const before = this.traffic.lastId;
    try {
      response = await this.#getAt(profile, 'xcap-caps/global/index');
    } catch (error) {
      if (!(error instanceof XcapClientError)) throw error;
      const certificate = error.details.certificate;
      const refused = error.code === 'auth' ? this.#lastChallenge(profile, before) : null;
      return {
        ok: false,
        stage: stageOf(error.code),
        code: error.code,
        message: error.message,
        certificate: certificate ? { subject: certificate.subject, issuer: certificate.issuer, validFrom: certificate.validFrom, validTo: certificate.validTo, fingerprint256: certificate.fingerprint256, pinSha256: certificate.pin, subjectAltNames: [] } : null,
        challenge: refused?.challenge ?? null,
        status: refused?.status ?? null,
        elapsedMs: elapsedMs(),
      };
    }
    const server = headerText(response.headers.server);
    if (response.status === 200) return { ok: true, status: 200, server, caps: await this.caps(profile), elapsedMs: elapsedMs() };
    return {
      ok: false,
      stage: response.status === 401 || response.status === 403 ? 'auth' : 'http',
      code: `http-${response.status}`,
      message: `the server answered ${response.status} to GET xcap-caps`,
      certificate: null,
      challenge: headerText(response.headers['www-authenticate']),
      status: response.status,
      elapsedMs: elapsedMs(),
    };
  }

  /** The WWW-Authenticate of the last 401 this profile received since `afterId` (the credentials were refused). */
  #lastChallenge(profile: string, afterId: number): { challenge: string; status: number } | null {
    const refused = this.traffic.list(afterId).filter((row) => row.profile === profile && row.status === 401).at(-1);
    const exchange = refused && this.traffic.get(refused.id, false);
    const challenges = exchange?.response?.headers.filter(([name]) => name.toLowerCase() === 'www-authenticate').map(([, value]) => value) ?? [];
    return challenges.length > 0 ? { challenge: challenges.join(', '), status: 401 } : null;
  }

  async #getAt(profile: string, path: string): Promise<XcapResponse> {
    const { client, profile: settings } = await this.pool.get(profile);
    const uri = parseXcapUriLenient(`${settings.xcapRoot.replace(/\/+$/, '')}/${path}`);
    return client.send(planRequest({ method: 'GET', uri }));
  }
}

function responseFields(response: XcapResponse) {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.push([name, one]);
  }
  return { status: response.status, headers, contentType: response.contentType, etag: response.etag, body: response.text() };
}

function headerText(value: string | string[] | undefined): string | null {
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

function stageOf(code: XcapClientErrorCode): Extract<ConnectionReport, { ok: false }>['stage'] {
  if (code === 'dns') return 'dns';
  if (code === 'connect') return 'tcp';
  if (code === 'timeout') return 'timeout';
  if (code.startsWith('tls-')) return 'tls';
  if (code === 'auth') return 'auth';
  if (code === 'invalid-argument') return 'config';
  return 'other';
}
