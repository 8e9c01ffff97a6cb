/**
 * What pre-RFC 4825 node selectors look like (draft-ietf-simple-xcap, 3GPP TS 24.141 annex
 * A.8). Shared by the legacy detector and by buildXcapUri, which refuses to write a document
 * path that the detector would read back as a legacy node path.
 */
import { isQName } from '../xml/names';

/**
 * Whether `text` starts like a node selector: its first step (up to "/" or "[") is "*",
 * a QName, "@QName" or "namespace::*".
 */
export function looksLikeSelectorStart(text: string): boolean {
  const stepEnd = text.search(/[/[]/);
  const name = stepEnd < 0 ? text : text.slice(0, stepEnd);
  if (name === '*' || name === 'namespace::*') return true;
  return isQName(name.startsWith('@') ? name.slice(1) : name);
}

/** Ends in ".xml", any case (a plain test rather than a regex: it runs on every document segment). */
function isXmlFileName(segment: string): boolean {
  const end = segment.length;
  return (
    end > 4 &&
    (segment.charCodeAt(end - 1) | 0x20) === 0x6c && // l
    (segment.charCodeAt(end - 2) | 0x20) === 0x6d && // m
    (segment.charCodeAt(end - 3) | 0x20) === 0x78 && // x
    segment.charCodeAt(end - 4) === 0x2e // .
  );
}

/**
 * Index of the first document-path segment that continues a node path written straight after
 * an XML file name (`ps.xml/permission-statements/statement[...]`), or -1. A path whose last
 * segment is itself an ".xml" name reads as a document inside a directory, not as a node path.
 */
export function legacyNodePathStart(documentPath: readonly string[]): number {
  const last = documentPath[documentPath.length - 1];
  if (last === undefined || isXmlFileName(last)) return -1;
  for (let index = 0; index + 1 < documentPath.length; index++) {
    const next = documentPath[index + 1] ?? '';
    if (isXmlFileName(documentPath[index] ?? '') && looksLikeSelectorStart(next)) return index + 1;
  }
  return -1;
}
