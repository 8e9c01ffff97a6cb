import type { XmlLimits } from '../xml/limits';
import { defaultXmlLimits } from '../xml/limits';
import { parseXml } from '../xml/parse';
import { assertSafeProlog } from '../xml/prolog';
import type { SourceIndex } from '../xml/source-index';
import { indexSource } from '../xml/source-index';
import { spliceIndex } from '../xml/splice-index';
import type { TextEdit } from './types';

/**
 * A stored document as the edit engine sees it: its text and source index. Loading checks it like
 * any input (size, UTF-8, safe prolog, well-formedness); keep the snapshot to apply several
 * operations without parsing again.
 */
export type XcapDocumentSnapshot = SourceIndex;

export function loadXcapDocument(content: string | Uint8Array, limits: XmlLimits = defaultXmlLimits): XcapDocumentSnapshot {
  return parseXml(content, limits);
}

/** The snapshot a write was applied to, and the write's edit (`result.edit`). */
export interface WrittenFrom {
  readonly snapshot: XcapDocumentSnapshot;
  readonly edit: TextEdit;
}

/**
 * The snapshot of `result.document` after a successful write by applyXcapRequest with schema
 * validation on (the default), without a second libxml2 parse: the engine built that document
 * from checked parts, and libxml2 parsed it to validate it (whole, or the one new element in the
 * same namespace context: see elementPutSchemaError), so only the source index is built. Given the snapshot the write
 * was applied to and its edit, an element write only indexes the new element (see spliceIndex).
 * A server keeps it for the next request on the document. Never for text from anywhere else: use
 * loadXcapDocument.
 */
export function snapshotOfWrittenDocument(document: string, from?: WrittenFrom): XcapDocumentSnapshot {
  const spliced = from ? spliceIndex(from.snapshot, document, from.edit) : null;
  if (spliced) return spliced; // the edit was inside the root element: the prolog is as it was
  assertSafeProlog(document);
  return indexSource(document);
}
