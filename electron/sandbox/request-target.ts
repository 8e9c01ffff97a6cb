import { isXcapCoreError } from '../../shared/xcap/errors';
import type { XcapUri, XcapUriScope } from '../../shared/xcap/uri';
import { parseXcapUri, percentDecode } from '../../shared/xcap/uri';

/** What a request-target addresses on the sandbox. */
/** An XCAP URI naming a document (or a node in one), not a directory. */
export type DocumentXcapUri = XcapUri & { readonly kind: 'document'; readonly scope: XcapUriScope };

export type SandboxTarget =
  | { readonly kind: 'xcap'; readonly uri: DocumentXcapUri }
  | { readonly kind: 'mime'; readonly xui: string; readonly path: readonly string[] }
  | { readonly kind: 'invalid'; readonly status: 400 | 404; readonly message: string };

export const XCAP_ROOT_PATH = '/xcap-root';

/**
 * Maps an origin-form request-target (`/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/…`)
 * to an XCAP URI, or to a MIME object (`/xcap-root/mime/users/<XUI>/<path>`, TS 24.141 6.3.2.4).
 * `origin` is `http(s)://host:port` of this server, so the XCAP URI is the absolute one clients use.
 */
// Clients hammer the same few URIs: parsing an XCAP URI is the costliest step of a GET, so the
// parsed targets of recent requests are kept (bounded; targets are immutable values).
const recentTargets = new Map<string, SandboxTarget>();
const RECENT_TARGETS = 1024;

export function parseRequestTarget(target: string, origin: string): SandboxTarget {
  const key = origin + target;
  const cached = recentTargets.get(key);
  if (cached) return cached;
  const parsed = parseRequestTargetUncached(target, origin);
  if (recentTargets.size >= RECENT_TARGETS) recentTargets.delete(recentTargets.keys().next().value as string);
  recentTargets.set(key, parsed);
  return parsed;
}

function parseRequestTargetUncached(target: string, origin: string): SandboxTarget {
  if (target !== XCAP_ROOT_PATH && !target.startsWith(XCAP_ROOT_PATH + '/')) {
    return { kind: 'invalid', status: 404, message: `nothing here: the XCAP root is ${XCAP_ROOT_PATH}` };
  }
  const rest = target.slice(XCAP_ROOT_PATH.length + 1);
  if (rest.startsWith('mime/')) return parseMimeTarget(rest.slice('mime/'.length));
  try {
    const uri = parseXcapUri(origin + target, { root: origin + XCAP_ROOT_PATH });
    if (uri.kind !== 'document' || uri.scope === null) return { kind: 'invalid', status: 404, message: 'a directory is not a document: name a document' };
    return { kind: 'xcap', uri: uri as DocumentXcapUri };
  } catch (error) {
    if (isXcapCoreError(error)) return { kind: 'invalid', status: 400, message: error.message };
    throw error;
  }
}

function parseMimeTarget(rest: string): SandboxTarget {
  if (rest.includes('?') || rest.includes('#')) return { kind: 'invalid', status: 400, message: 'MIME object paths take no query' };
  const segments = rest.split('/');
  const [users, xuiRaw, ...path] = segments;
  if (users !== 'users' || !xuiRaw || path.length === 0 || path.some((s) => s === '' || s === '.' || s === '..')) {
    return { kind: 'invalid', status: 404, message: 'MIME objects live at /xcap-root/mime/users/<XUI>/<path>' };
  }
  try {
    return { kind: 'mime', xui: percentDecode(xuiRaw), path: path.map((segment) => percentDecode(segment)) };
  } catch (error) {
    if (isXcapCoreError(error)) return { kind: 'invalid', status: 400, message: error.message };
    throw error;
  }
}
