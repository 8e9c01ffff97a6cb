import { NS } from './namespaces';
import { simpleTextContent } from './element-text';
import type { ApplicationUsage } from './types';
import { isAbsoluteHttpUri, isRelativePathReference } from './uri-checks';

const rl = (local: string) => ({ namespace: NS.resourceLists, local });
const rls = (local: string) => ({ namespace: NS.rlsServices, local });

/** RFC 4826 §3: resource lists (buddy lists and the like). */
export const resourceListsUsage: ApplicationUsage = {
  auid: 'resource-lists',
  title: 'Resource lists',
  specification: 'RFC 4826 §3',
  mimeType: 'application/resource-lists+xml',
  defaultNamespace: NS.resourceLists,
  rootElement: rl('resource-lists'),
  defaultDocumentName: 'index',
  scopes: ['users', 'global'],
  serverGenerated: false,
  schemaFile: 'resource-lists.xsd',
  // Inside a list, entry, external and entry-ref have the named types entryType, externalType and
  // entry-refType; the list's wildcard admits only other namespaces; resource-lists.xsd has no
  // identity constraints, and the only ID type in reach is xml:id (which the engine checks for).
  subtreeValidation: {
    schemaFile: 'resource-lists-subtrees.xsd',
    parents: [rl('list')],
    elements: [rl('entry'), rl('external'), rl('entry-ref')],
  },
  uniqueness: [
    { element: rl('list'), key: 'name', scope: 'siblings', alternatives: 'numbered-suffix', source: 'RFC 4826 §3.4 (data constraints)' },
    { element: rl('entry'), key: 'uri', scope: 'siblings', alternatives: 'none', source: 'RFC 4826 §3.4 (data constraints)' },
    { element: rl('entry-ref'), key: 'ref', scope: 'siblings', alternatives: 'none', source: 'RFC 4826 §3.4 (data constraints)' },
    { element: rl('external'), key: 'anchor', scope: 'siblings', alternatives: 'none', source: 'RFC 4826 §3.4 (data constraints)' },
  ],
  constraints: [
    {
      element: rl('entry-ref'),
      source: 'RFC 4826 §3.4 (data constraints)',
      check: (element) => {
        const ref = element.attributes.find((a) => a.local === 'ref' && a.namespace === null)?.value;
        return ref === undefined || isRelativePathReference(ref) ? null : `entry-ref ref="${ref}" must be a relative URI (relative to the XCAP root)`;
      },
    },
    {
      element: rl('external'),
      source: 'RFC 4826 §3.4 (data constraints)',
      check: (element) => {
        const anchor = element.attributes.find((a) => a.local === 'anchor' && a.namespace === null)?.value;
        return anchor === undefined || isAbsoluteHttpUri(anchor) ? null : `external anchor="${anchor}" must be an absolute HTTP URI`;
      },
    },
  ],
};

/** RFC 4826 §4: resource list server (RLS) services. */
export const rlsServicesUsage: ApplicationUsage = {
  auid: 'rls-services',
  title: 'RLS services',
  specification: 'RFC 4826 §4',
  mimeType: 'application/rls-services+xml',
  defaultNamespace: NS.rlsServices,
  rootElement: rls('rls-services'),
  defaultDocumentName: 'index',
  scopes: ['users', 'global'],
  serverGenerated: false,
  schemaFile: 'rls-services.xsd',
  uniqueness: [
    { element: rls('service'), key: 'uri', scope: 'document', alternatives: 'sip-user-suffix', source: 'RFC 4826 §4.4 (data constraints)' },
    { element: rl('list'), key: 'name', scope: 'siblings', alternatives: 'numbered-suffix', source: 'RFC 4826 §3.4 (data constraints)' },
    { element: rl('entry'), key: 'uri', scope: 'siblings', alternatives: 'none', source: 'RFC 4826 §3.4 (data constraints)' },
  ],
  constraints: [
    {
      element: rls('resource-list'),
      source: 'RFC 4826 §4.4 (data constraints)',
      check: (element, text) => {
        const uri = simpleTextContent(element, text);
        return uri !== null && isAbsoluteHttpUri(uri) ? null : `resource-list must contain an absolute HTTP URI of a resource list (found "${uri ?? '…'}")`;
      },
    },
  ],
};
