import { NS } from './namespaces';
import { simpleTextContent } from './element-text';
import type { ApplicationUsage } from './types';
import { isAbsoluteHttpUri } from './uri-checks';

/** RFC 4827: hard-state presence (a PIDF document with RPID and data-model extensions). */
export const pidfManipulationUsage: ApplicationUsage = {
  auid: 'pidf-manipulation',
  title: 'Hard-state presence (PIDF manipulation)',
  specification: 'RFC 4827 (PIDF RFC 3863, RPID RFC 4480, data model RFC 4479)',
  mimeType: 'application/pidf+xml',
  defaultNamespace: NS.pidf,
  rootElement: { namespace: NS.pidf, local: 'presence' },
  defaultDocumentName: 'index',
  scopes: ['users'],
  serverGenerated: false,
  schemaFile: 'pidf-manipulation.xsd',
  uniqueness: [
    { element: { namespace: NS.pidf, local: 'tuple' }, key: 'id', scope: 'document', alternatives: 'numbered-suffix', source: 'RFC 3863 §4.1.2 (tuple id unique)' },
    { element: { namespace: NS.pidfDataModel, local: 'person' }, key: 'id', scope: 'document', alternatives: 'numbered-suffix', source: 'RFC 4479 §4 (element id unique)' },
    { element: { namespace: NS.pidfDataModel, local: 'device' }, key: 'id', scope: 'document', alternatives: 'numbered-suffix', source: 'RFC 4479 §4 (element id unique)' },
  ],
  constraints: [
    {
      // TS 24.141 6.3.2.4: MIME objects referenced from hard-state presence are fetched over HTTP.
      element: { namespace: NS.rpid, local: 'status-icon' },
      source: 'RFC 4480 §3.2 / TS 24.141 6.3.2.4',
      check: (element, text) => {
        const uri = simpleTextContent(element, text);
        return uri !== null && isAbsoluteHttpUri(uri) ? null : `status-icon must contain an absolute HTTP URI (found "${uri ?? '…'}")`;
      },
    },
  ],
};

/** OMA Presence SIMPLE content: MIME objects such as the status icon, carried base64 in XML. */
export const omaPresContentUsage: ApplicationUsage = {
  auid: 'org.openmobilealliance.pres-content',
  title: 'Presence content (OMA)',
  specification: 'OMA Presence SIMPLE Content XDM',
  mimeType: 'application/vnd.oma.pres-content+xml',
  defaultNamespace: NS.presContent,
  rootElement: { namespace: NS.presContent, local: 'content' },
  defaultDocumentName: 'oma_status-icon/rcs_status_icon',
  scopes: ['users'],
  serverGenerated: false,
  schemaFile: 'pres-content.xsd',
  uniqueness: [],
  constraints: [
    {
      element: { namespace: NS.presContent, local: 'data' },
      source: 'OMA Presence SIMPLE Content XDM (base64 data)',
      check: (element, text) => {
        const data = simpleTextContent(element, text);
        return data !== null && /^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(data) ? null : 'data must be base64';
      },
    },
  ],
};
