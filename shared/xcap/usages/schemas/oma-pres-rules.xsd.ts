// oma-pres-rules.xsd: see the comment at the top of the schema for its source.
export const omaPresRulesXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver schema for the org.openmobilealliance.pres-rules application usage.
     Its documents are common-policy rulesets (default namespace
     urn:ietf:params:xml:ns:common-policy) carrying IETF pres-rules elements plus the
     OMA common-policy and OMA pres-rules extensions; this schema only imports the
     namespaces involved so that libxml2 compiles them into one schema. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:import namespace="urn:ietf:params:xml:ns:common-policy"
      schemaLocation="common-policy.xsd"/>
  <xs:import namespace="urn:ietf:params:xml:ns:pres-rules"
      schemaLocation="pres-rules.xsd"/>
  <xs:import namespace="urn:oma:xml:xdm:common-policy"
      schemaLocation="oma-common-policy.xsd"/>
  <xs:import namespace="urn:oma:xml:prs:pres-rules"
      schemaLocation="oma-pres-rules-extensions.xsd"/>
</xs:schema>
`;
