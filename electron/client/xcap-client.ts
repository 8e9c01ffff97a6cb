import type { Dispatcher } from 'undici';
import type { RequestPlan } from '../../shared/xcap/plan';
import { planRequest } from '../../shared/xcap/plan';
import type { XcapMethod } from '../../shared/xcap/edit/types';
import type { XcapUri } from '../../shared/xcap/uri';
import { buildXcapUri } from '../../shared/xcap/uri';
import { findQuirks, type ServerQuirk } from '../../shared/xcap/quirks';
import type { Authenticator } from './auth';
import { XcapClientError } from './client-error';
import { documentKey, EtagMemory } from './etag-memory';
import type { AttemptKind } from './capture';
import { markRequest } from './capture';
import { mapTransportError } from './transport/map-error';
import { readXcapContent, type XcapContent } from './response-content';

export interface XcapClientOptions {
  /** The profile's transport (an undici Agent, possibly composed with the traffic recorder). */
  readonly dispatcher: Dispatcher;
  readonly authenticator: Authenticator;
  /** What the profile configures: User-Agent, X-3GPP-Intended-Identity, custom headers. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly etags?: EtagMemory;
}

export interface XcapResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Uint8Array;
  readonly etag: string | null;
  readonly contentType: string | null;
  /** On 412: the document as the server has it now (never retried blindly). */
  readonly conflict: { readonly etag: string | null; readonly body: Uint8Array; readonly status: number } | null;
  text(): string;
  /** The body read as what the request addressed, tolerating the server quirks the registry knows. */
  content(): XcapContent;
}

// The authenticator bounds the rounds (it gives up); this cap only guards against one that does not:
// initial send + answer to the challenge + one stale=true retry.
const MAX_SENDS = 3;

/**
 * Sends request plans exactly as planned, adding only authentication and the profile's headers;
 * remembers ETags; answers a 412 with the server's current version instead of retrying.
 */
export class XcapClient {
  readonly etags: EtagMemory;
  /** The last Server header seen per origin: which server quirks apply (shared/xcap/quirks). */
  private readonly servers = new Map<string, string>();

  constructor(private readonly options: XcapClientOptions) {
    this.etags = options.etags ?? new EtagMemory();
  }

  /**
   * The request plan for an operation, with If-Match from the ETag memory when the document was
   * fetched before (unless the caller gives its own condition): a write of something read earlier
   * never overwrites another client's change.
   */
  plan(method: XcapMethod, uri: XcapUri, body: string | null = null, condition: { etag?: string | null; createOnly?: boolean } = {}): RequestPlan {
    const remembered = method === 'GET' ? null : this.etags.lookup(buildXcapUri(uri));
    const etag = condition.etag !== undefined ? condition.etag : remembered;
    const planned = planRequest({ method, uri, body, etag, createOnly: condition.createOnly ?? false });
    // A server known to ignore `If-None-Match: *` (Kamailio) would overwrite: send the form it honours.
    const createOnly = condition.createOnly ? this.quirksOf(planned.url).find((q) => q.createOnlyCondition !== undefined)?.createOnlyCondition : undefined;
    return createOnly === undefined ? planned : { ...planned, headers: { ...planned.headers, 'If-None-Match': createOnly } };
  }

  /** The registered quirks of the server at this URL's origin, once it has answered (else none). */
  quirksOf(url: string): readonly ServerQuirk[] {
    return findQuirks(this.servers.get(new URL(url).origin));
  }

  /** `signal` cancels the exchange in flight (the answer to a challenge and a 412 refresh too): rejects with code 'cancelled'. */
  async send(plan: RequestPlan, firstAttempt: AttemptKind = 'initial', signal?: AbortSignal): Promise<XcapResponse> {
    const url = new URL(plan.url);
    const target = plan.url.slice(url.origin.length);
    const body = plan.body === null ? null : new TextEncoder().encode(plan.body);
    const authRequest = { method: plan.method, url, target, body, secure: url.protocol === 'https:' };
    let authorization = await this.options.authenticator.authorize(authRequest);
    let attempt = firstAttempt;
    for (let round = 1; ; round++) {
      const headers: Record<string, string> = { ...this.options.headers, ...plan.headers };
      if (authorization !== null) headers.Authorization = authorization;
      const response = await this.dispatch(url, target, plan.method, headers, body, attempt, signal);
      const server = single(response.headers.server);
      if (server !== undefined) this.servers.set(url.origin, server);
      if (response.status === 401) {
        if (round >= MAX_SENDS) throw new XcapClientError('auth', `the server rejected the credentials ${round} times: check the user name and password`);
        const challenges = headerValues(response.headers['www-authenticate']);
        const decision = await this.options.authenticator.challenge(authRequest, challenges);
        if (decision.action === 'give-up') throw new XcapClientError('auth', decision.error.message, { cause: decision.error });
        attempt = challenges.some((c) => /stale\s*=\s*"?true/i.test(c)) ? 'stale-retry' : 'auth-retry';
        authorization = await this.options.authenticator.authorize(authRequest);
        continue;
      }
      try {
        this.options.authenticator.complete?.(authRequest, response.status, response.headers, response.body);
      } catch (error) {
        throw new XcapClientError('auth', (error as Error).message, { cause: error });
      }
      return this.finish(plan, response, signal);
    }
  }

  private async finish(plan: RequestPlan, response: RawResponse, signal?: AbortSignal): Promise<XcapResponse> {
    const etag = unquote(single(response.headers.etag));
    if (response.status >= 200 && response.status < 300) {
      if (plan.method === 'DELETE' && plan.resource === 'document') this.etags.forget(plan.url);
      else this.etags.remember(plan.url, etag);
    }
    let conflict: XcapResponse['conflict'] = null;
    if (response.status === 412) {
      const current = await this.send({ method: 'GET', url: documentKey(plan.url), headers: {}, body: null, resource: 'document' }, 'conflict-refresh', signal);
      conflict = { etag: current.etag, body: current.body, status: current.status };
    }
    return {
      status: response.status,
      headers: response.headers,
      body: response.body,
      etag,
      contentType: single(response.headers['content-type']) ?? null,
      conflict,
      text: () => new TextDecoder().decode(response.body),
      content: () => readXcapContent(plan.resource, plan.url, response.status, single(response.headers['content-type']) ?? null, response.body),
    };
  }

  private async dispatch(url: URL, path: string, method: string, headers: Record<string, string>, body: Uint8Array | null, attempt: AttemptKind, signal?: AbortSignal): Promise<RawResponse> {
    try {
      // origin + path as planned: undici sends the path bytes as given (no re-encoding). The mark
      // tells the traffic recorder (if the dispatcher has one) which attempt this is.
      const options = markRequest({ origin: url.origin, path, method: method as Dispatcher.HttpMethod, headers, body: body ?? undefined, ...(signal && { signal }) }, { attempt });
      const response = await this.options.dispatcher.request(options);
      const bytes = new Uint8Array(await response.body.arrayBuffer());
      return { status: response.statusCode, headers: response.headers, body: bytes };
    } catch (error) {
      throw await mapTransportError(error, url);
    }
  }
}

interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Uint8Array;
}

function headerValues(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function unquote(etag: string | undefined): string | null {
  if (etag === undefined) return null;
  const match = /^(?:W\/)?"(.*)"$/.exec(etag.trim());
  return match ? (match[1] ?? null) : etag.trim();
}
