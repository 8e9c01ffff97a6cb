import { NS } from '../../shared/xcap/usages/namespaces';
import { escapeAttributeValue } from '../../shared/xcap/xml/escape';

export interface DirectoryEntry {
  readonly auid: string;
  /** Absolute XCAP URI of the document. */
  readonly uri: string;
  /** ETag without quotes. */
  readonly etag: string;
  readonly lastModified: Date;
  readonly size: number;
}

/**
 * A user's OMA xcap-directory document: one folder per AUID the server supports, listing the user's
 * documents with their ETags, so a client can tell what changed without fetching everything.
 */
export function xcapDirectoryDocument(auids: readonly string[], entries: readonly DirectoryEntry[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<xcap-directory xmlns="${NS.xcapDirectory}">`];
  for (const auid of auids) {
    const documents = entries.filter((e) => e.auid === auid);
    if (documents.length === 0) {
      lines.push(`  <folder auid="${escapeAttributeValue(auid)}"/>`);
      continue;
    }
    lines.push(`  <folder auid="${escapeAttributeValue(auid)}">`);
    for (const entry of documents) {
      lines.push(
        `    <entry uri="${escapeAttributeValue(entry.uri)}" etag="${escapeAttributeValue(entry.etag)}" last-modified="${entry.lastModified.toISOString()}" size="${entry.size}"/>`,
      );
    }
    lines.push('  </folder>');
  }
  lines.push('</xcap-directory>', '');
  return lines.join('\n');
}
