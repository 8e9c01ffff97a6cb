/**
 * The body of the BSF's 200 OK (TS 24.109 §4.5.2, Annex C), media type application/vnd.3gpp.bsf+xml:
 *
 *   <BootstrappingInfo xmlns="uri:3gpp-gba">
 *     <btid>base64(RAND)@bsf.example.com</btid>
 *     <lifetime>2026-11-27T11:00:00Z</lifetime>
 *   </BootstrappingInfo>
 *
 * Read with the product's safe XML parser (size limit, no DTD or entities).
 */
import { escapeText } from '../../shared/xcap/xml/escape';
import { parseXml } from '../../shared/xcap/xml/parse';
import type { SourceElement, SourceIndex } from '../../shared/xcap/xml/source-index';
import { resolveReferences } from '../../shared/xcap/xml/references';
import { GbaError } from './gba-error';

export const BSF_MEDIA_TYPE = 'application/vnd.3gpp.bsf+xml';
export const GBA_NAMESPACE = 'uri:3gpp-gba';

export interface BootstrappingInfo {
  readonly btid: string;
  /** When the key Ks expires. */
  readonly expiresAt: Date;
}

export function parseBootstrappingInfo(body: Uint8Array | string): BootstrappingInfo {
  let index: SourceIndex;
  try {
    index = parseXml(body, { maxBytes: 64 * 1024 });
  } catch (error) {
    throw new GbaError('bootstrap-failed', `the BSF's 200 OK body is not well-formed XML: ${(error as Error).message}`, { cause: error });
  }
  const { root } = index;
  if (root.local !== 'BootstrappingInfo' || root.namespace !== GBA_NAMESPACE) {
    throw new GbaError('bootstrap-failed', `the BSF's 200 OK body is not a BootstrappingInfo document in the ${GBA_NAMESPACE} namespace (TS 24.109 Annex C).`);
  }
  const btid = childText(index, root, 'btid');
  const lifetime = childText(index, root, 'lifetime');
  if (btid === null || btid === '' || !/^[\x21-\x7e]+$/.test(btid)) throw new GbaError('bootstrap-failed', 'the BSF sent no usable <btid> (a B-TID such as base64(RAND)@bsf.example.com).');
  const expiresAt = lifetime === null ? null : new Date(lifetime);
  if (expiresAt === null || Number.isNaN(expiresAt.getTime())) throw new GbaError('bootstrap-failed', 'the BSF sent no usable <lifetime> (an xs:dateTime such as 2026-11-27T11:00:00Z).');
  return { btid, expiresAt };
}

export function formatBootstrappingInfo(info: BootstrappingInfo): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<BootstrappingInfo xmlns="${GBA_NAMESPACE}">\n  <btid>${escapeText(info.btid)}</btid>\n  <lifetime>${info.expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z')}</lifetime>\n</BootstrappingInfo>\n`;
}

function childText(index: SourceIndex, parent: SourceElement, local: string): string | null {
  const child = parent.children.find((element) => element.local === local && element.namespace === GBA_NAMESPACE);
  if (child === undefined || child.children.length > 0) return null;
  return resolveReferences(index.text.slice(child.startTagEnd, child.contentEnd))?.trim() ?? null;
}
