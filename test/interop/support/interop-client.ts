import { DigestAuthenticator } from '../../../electron/client/auth';
import { createTransport } from '../../../electron/client/transport/transport';
import { XcapClient, type XcapResponse } from '../../../electron/client/xcap-client';
import { Secret } from '../../../electron/secrets/secret';
import { planRequest, type RequestPlan } from '../../../shared/xcap/plan';
import { parseXcapUriLenient, type XcapUri } from '../../../shared/xcap/uri';

/** The real client as the console uses it: undici transport, RFC 7616 Digest, ETag memory. */
export function digestClient(username: string, password: string): XcapClient {
  return new XcapClient({ dispatcher: createTransport(), authenticator: new DigestAuthenticator({ username, password: new Secret(password) }) });
}

/** A plan exactly as the core makes it, with extra headers (conditions the test wants to send verbatim). */
export function plan(method: 'GET' | 'PUT' | 'DELETE', uri: string | XcapUri, body: string | null = null, headers: Record<string, string> = {}): RequestPlan {
  const parsed = typeof uri === 'string' ? parseXcapUriLenient(uri) : uri;
  const planned = planRequest({ method, uri: parsed, body });
  return { ...planned, headers: { ...planned.headers, ...headers } };
}

export function serverHeader(response: XcapResponse): string | null {
  const value = response.headers.server;
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The whole document (node selector and query cut off) as the server has it now: text and ETag, or null. */
export async function fetchDocument(client: XcapClient, uri: XcapUri): Promise<{ text: string; etag: string | null } | null> {
  const response = await client.send(plan('GET', { ...uri, nodeSelector: null, namespaces: {} }));
  if (response.status === 404) return null;
  if (response.status !== 200) throw new Error(`GET of the document answered ${response.status}: ${response.text()}`);
  return { text: response.text(), etag: response.etag };
}
