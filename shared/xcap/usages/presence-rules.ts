import { NS } from './namespaces';
import type { ApplicationUsage, UniquenessRule } from './types';

const ruleIdUnique: UniquenessRule = {
  element: { namespace: NS.commonPolicy, local: 'rule' },
  key: 'id',
  scope: 'document',
  alternatives: 'numbered-suffix',
  source: 'RFC 4745 §7 (rule id unique)',
};

/** RFC 5025: presence authorization rules, built on common-policy (RFC 4745). */
export const presRulesUsage: ApplicationUsage = {
  auid: 'pres-rules',
  title: 'Presence authorization rules',
  specification: 'RFC 5025 (on RFC 4745 common-policy)',
  mimeType: 'application/auth-policy+xml',
  // RFC 5025 §9.3: unprefixed names in node selectors are in the pres-rules namespace, so the
  // common-policy elements (ruleset, rule, conditions, ...) need a cp: prefix bound in the query.
  defaultNamespace: NS.presRules,
  rootElement: { namespace: NS.commonPolicy, local: 'ruleset' },
  defaultDocumentName: 'index',
  scopes: ['users'],
  serverGenerated: false,
  schemaFile: 'pres-rules.xsd',
  uniqueness: [ruleIdUnique],
  constraints: [],
};

/** OMA Presence SIMPLE XDM: presence authorization rules with the OMA common-policy extensions. */
export const omaPresRulesUsage: ApplicationUsage = {
  auid: 'org.openmobilealliance.pres-rules',
  title: 'Presence authorization rules (OMA)',
  specification: 'OMA Presence SIMPLE XDM 2.x (RFC 5025 + OMA common-policy extensions)',
  mimeType: 'application/auth-policy+xml',
  defaultNamespace: NS.commonPolicy,
  rootElement: { namespace: NS.commonPolicy, local: 'ruleset' },
  defaultDocumentName: 'pres-rules',
  scopes: ['users'],
  serverGenerated: false,
  schemaFile: 'oma-pres-rules.xsd',
  uniqueness: [ruleIdUnique],
  constraints: [],
};
