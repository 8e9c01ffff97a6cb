import { NS } from './namespaces';
import { simpleTextContent } from './element-text';
import type { ApplicationUsage } from './types';
import { isSipOrTelUri } from './uri-checks';

/** 3GPP TS 24.623: MMTel supplementary services over Ut (CDIV, barring, OIP/OIR, TIP/TIR, CW). */
export const simservsUsage: ApplicationUsage = {
  auid: 'simservs.ngn.etsi.org',
  title: 'MMTel supplementary services (simservs)',
  specification: '3GPP TS 24.623 (services: TS 24.604, 24.607, 24.608, 24.611, 24.615)',
  mimeType: 'application/vnd.etsi.simservs+xml',
  defaultNamespace: NS.simservs,
  rootElement: { namespace: NS.simservs, local: 'simservs' },
  defaultDocumentName: 'simservs.xml',
  scopes: ['users'],
  serverGenerated: false,
  schemaFile: 'simservs.xsd',
  uniqueness: [
    { element: { namespace: NS.commonPolicy, local: 'rule' }, key: 'id', scope: 'siblings', alternatives: 'numbered-suffix', source: 'RFC 4745 §7 via TS 24.604/24.611 rulesets' },
  ],
  constraints: [
    {
      element: { namespace: NS.simservs, local: 'target' },
      source: 'TS 24.604 §4.9.1.3 (forward-to target is a SIP or tel URI)',
      check: (element, text) => {
        const target = simpleTextContent(element, text);
        return target !== null && isSipOrTelUri(target) ? null : `forward-to target must be a SIP or tel URI (found "${target ?? '…'}")`;
      },
    },
  ],
};
