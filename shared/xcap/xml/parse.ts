import { assertWellFormed } from './libxml';
import type { XmlLimits } from './limits';
import { defaultXmlLimits } from './limits';
import { assertSafeProlog } from './prolog';
import type { SourceIndex } from './source-index';
import { indexSource } from './source-index';
import { toText } from './utf8';

/**
 * The safe way in for any XML the product receives: size limit, UTF-8, no DTD tricks, then
 * libxml2's well-formedness check, then the source index used for selection and byte-exact edits.
 * Throws XcapCoreError with codes too-large, not-utf-8, entity-declaration, external-entity,
 * not-well-formed.
 */
export function parseXml(input: string | Uint8Array, limits: XmlLimits = defaultXmlLimits): SourceIndex {
  const text = toText(input, limits);
  assertSafeProlog(text);
  assertWellFormed(text);
  return indexSource(text);
}
