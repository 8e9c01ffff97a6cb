/** Namespace names of the application usages. */
export const NS = {
  resourceLists: 'urn:ietf:params:xml:ns:resource-lists',
  rlsServices: 'urn:ietf:params:xml:ns:rls-services',
  commonPolicy: 'urn:ietf:params:xml:ns:common-policy',
  presRules: 'urn:ietf:params:xml:ns:pres-rules',
  omaCommonPolicy: 'urn:oma:xml:xdm:common-policy',
  pidf: 'urn:ietf:params:xml:ns:pidf',
  pidfDataModel: 'urn:ietf:params:xml:ns:pidf:data-model',
  rpid: 'urn:ietf:params:xml:ns:pidf:rpid',
  xcapCaps: 'urn:ietf:params:xml:ns:xcap-caps',
  xcapError: 'urn:ietf:params:xml:ns:xcap-error',
  xcapDirectory: 'urn:oma:xml:xdm:xcap-directory',
  presContent: 'urn:oma:xml:prs:pres-content',
  simservs: 'http://uri.etsi.org/ngn/params/xml/simservs/xcap',
} as const;
