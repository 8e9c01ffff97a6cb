/**
 * Reading a server's xcap-caps document (RFC 4825 §12): the AUIDs, extensions and namespaces it
 * says it supports. Parsed with the core's safe parser (no DTDs, no entity expansion).
 */
import { NS } from '../usages/namespaces';
import { parseXml } from '../xml/parse';
import { resolveReferences } from '../xml/references';
import type { SourceElement, SourceIndex } from '../xml/source-index';
import { XcapCoreError } from '../errors';

export interface XcapCapabilities {
  readonly auids: readonly string[];
  readonly extensions: readonly string[];
  readonly namespaces: readonly string[];
}

export function parseXcapCaps(body: string | Uint8Array): XcapCapabilities {
  const index = parseXml(body);
  const root = index.root;
  if (root.local !== 'xcap-caps' || root.namespace !== NS.xcapCaps) {
    throw new XcapCoreError('invalid-argument', `not an xcap-caps document: the root is {${root.namespace ?? ''}}${root.local}`);
  }
  const list = (container: string, item: string) =>
    root.children.filter((e) => e.local === container && e.namespace === NS.xcapCaps).flatMap((e) => e.children.filter((c) => c.local === item && c.namespace === NS.xcapCaps).map((c) => textOf(index, c)));
  return { auids: list('auids', 'auid'), extensions: list('extensions', 'extension'), namespaces: list('namespaces', 'namespace') };
}

/** The element's character content with references resolved, trimmed. */
export function textOf(index: SourceIndex, element: SourceElement): string {
  const raw = index.text.slice(element.startTagEnd, element.contentEnd);
  return (resolveReferences(raw) ?? raw).trim();
}
