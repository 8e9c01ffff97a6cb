// simservs.xsd: see the comment at the top of the schema for its source.
export const simservsXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver schema for the simservs application usage (3GPP TS 24.623): includes
     the common part and the supplementary service schemas (CDIV TS 24.604,
     CB TS 24.611, OIP/OIR TS 24.607, TIP/TIR TS 24.608, CW TS 24.615), and
     imports the IETF and OMA common-policy namespaces that their rulesets use,
     so that libxml2 compiles everything into one schema. -->
<xs:schema targetNamespace="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:ss="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:import namespace="urn:ietf:params:xml:ns:common-policy"
      schemaLocation="common-policy.xsd"/>
  <xs:import namespace="urn:oma:xml:xdm:common-policy"
      schemaLocation="oma-common-policy.xsd"/>
  <xs:include schemaLocation="simservs-common.xsd"/>
  <xs:include schemaLocation="communication-diversion.xsd"/>
  <xs:include schemaLocation="communication-barring.xsd"/>
  <xs:include schemaLocation="originating-identity-presentation.xsd"/>
  <xs:include schemaLocation="terminating-identity-presentation.xsd"/>
  <xs:include schemaLocation="communication-waiting.xsd"/>
</xs:schema>
`;
