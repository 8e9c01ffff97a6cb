// XML Schemas of the XCAP application usages, as TypeScript string modules.
// Schemas import/include one another by bare file name (schemaLocation="common-policy.xsd");
// schemaFiles maps every such name to its text, schemaRootFile maps each AUID to the schema
// that validates its documents (a small driver schema where documents mix namespaces).
import { xmlXsd } from './xml.xsd';
import { resourceListsXsd } from './resource-lists.xsd';
import { resourceListsSubtreesXsd } from './resource-lists-subtrees.xsd';
import { rlsServicesXsd } from './rls-services.xsd';
import { commonPolicyXsd } from './common-policy.xsd';
import { presRulesXsd } from './pres-rules.xsd';
import { omaCommonPolicyXsd } from './oma-common-policy.xsd';
import { omaPresRulesExtensionsXsd } from './oma-pres-rules-extensions.xsd';
import { omaPresRulesXsd } from './oma-pres-rules.xsd';
import { pidfXsd } from './pidf.xsd';
import { commonSchemaXsd } from './common-schema.xsd';
import { dataModelXsd } from './data-model.xsd';
import { rpidXsd } from './rpid.xsd';
import { pidfManipulationXsd } from './pidf-manipulation.xsd';
import { xcapCapsXsd } from './xcap-caps.xsd';
import { xcapErrorXsd } from './xcap-error.xsd';
import { xcapDirectoryXsd } from './xcap-directory.xsd';
import { presContentXsd } from './pres-content.xsd';
import { simservsCommonXsd } from './simservs-common.xsd';
import { communicationDiversionXsd } from './communication-diversion.xsd';
import { communicationBarringXsd } from './communication-barring.xsd';
import { originatingIdentityPresentationXsd } from './originating-identity-presentation.xsd';
import { terminatingIdentityPresentationXsd } from './terminating-identity-presentation.xsd';
import { communicationWaitingXsd } from './communication-waiting.xsd';
import { simservsXsd } from './simservs.xsd';

/** Every schema file, by the bare name used in schemaLocation. */
export const schemaFiles: Readonly<Record<string, string>> = {
  'xml.xsd': xmlXsd,
  'resource-lists.xsd': resourceListsXsd,
  'resource-lists-subtrees.xsd': resourceListsSubtreesXsd,
  'rls-services.xsd': rlsServicesXsd,
  'common-policy.xsd': commonPolicyXsd,
  'pres-rules.xsd': presRulesXsd,
  'oma-common-policy.xsd': omaCommonPolicyXsd,
  'oma-pres-rules-extensions.xsd': omaPresRulesExtensionsXsd,
  'oma-pres-rules.xsd': omaPresRulesXsd,
  'pidf.xsd': pidfXsd,
  'common-schema.xsd': commonSchemaXsd,
  'data-model.xsd': dataModelXsd,
  'rpid.xsd': rpidXsd,
  'pidf-manipulation.xsd': pidfManipulationXsd,
  'xcap-caps.xsd': xcapCapsXsd,
  'xcap-error.xsd': xcapErrorXsd,
  'xcap-directory.xsd': xcapDirectoryXsd,
  'pres-content.xsd': presContentXsd,
  'simservs-common.xsd': simservsCommonXsd,
  'communication-diversion.xsd': communicationDiversionXsd,
  'communication-barring.xsd': communicationBarringXsd,
  'originating-identity-presentation.xsd': originatingIdentityPresentationXsd,
  'terminating-identity-presentation.xsd': terminatingIdentityPresentationXsd,
  'communication-waiting.xsd': communicationWaitingXsd,
  'simservs.xsd': simservsXsd,
};

/** For each AUID, the bare file name of the schema that validates its documents. */
export const schemaRootFile: Readonly<Record<string, string>> = {
  'resource-lists': 'resource-lists.xsd',
  'rls-services': 'rls-services.xsd',
  'pres-rules': 'pres-rules.xsd',
  'org.openmobilealliance.pres-rules': 'oma-pres-rules.xsd',
  'pidf-manipulation': 'pidf-manipulation.xsd',
  'xcap-caps': 'xcap-caps.xsd',
  'xcap-error': 'xcap-error.xsd',
  'org.openmobilealliance.xcap-directory': 'xcap-directory.xsd',
  'org.openmobilealliance.pres-content': 'pres-content.xsd',
  'simservs': 'simservs.xsd',
};
