import type { XmlLimits } from '../xml/limits';
import { defaultXmlLimits } from '../xml/limits';
import { parseXml } from '../xml/parse';
import type { SourceIndex } from '../xml/source-index';

/**
 * A stored document as the edit engine sees it: its text and source index. Loading checks it like
 * any input (size, UTF-8, safe prolog, well-formedness); keep the snapshot to apply several
 * operations without parsing again.
 */
export type XcapDocumentSnapshot = SourceIndex;

export function loadXcapDocument(content: string | Uint8Array, limits: XmlLimits = defaultXmlLimits): XcapDocumentSnapshot {
  return parseXml(content, limits);
}
