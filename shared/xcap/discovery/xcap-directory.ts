/**
 * Reading an OMA xcap-directory document (OMA XDM): one folder per AUID, each entry a document URI
 * with its ETag. Parsed with the core's safe parser.
 */
import { NS } from '../usages/namespaces';
import { XcapCoreError } from '../errors';
import { parseXml } from '../xml/parse';

export interface DirectoryDocument {
  readonly uri: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface DirectoryFolder {
  readonly auid: string;
  readonly documents: readonly DirectoryDocument[];
}

export function parseXcapDirectory(body: string | Uint8Array): DirectoryFolder[] {
  const { root } = parseXml(body);
  if (root.local !== 'xcap-directory' || root.namespace !== NS.xcapDirectory) {
    throw new XcapCoreError('invalid-argument', `not an xcap-directory document: the root is {${root.namespace ?? ''}}${root.local}`);
  }
  const attribute = (element: (typeof root.children)[number], name: string) => element.attributes.find((a) => a.local === name && a.namespace === null)?.value ?? null;
  return root.children
    .filter((folder) => folder.local === 'folder' && folder.namespace === NS.xcapDirectory)
    .map((folder) => ({
      auid: attribute(folder, 'auid') ?? '',
      documents: folder.children
        .filter((entry) => entry.local === 'entry' && entry.namespace === NS.xcapDirectory && attribute(entry, 'uri') !== null)
        .map((entry) => ({ uri: attribute(entry, 'uri') ?? '', etag: attribute(entry, 'etag'), lastModified: attribute(entry, 'last-modified') })),
    }));
}
