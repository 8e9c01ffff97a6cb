// oma-pres-rules-extensions.xsd: see the comment at the top of the schema for its source.
export const omaPresRulesExtensionsXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- OMA presence authorization rule extensions (OMA-SUP-XSD_prs_presRules-V1_0),
     namespace urn:oma:xml:prs:pres-rules: extra transformations and the
     <service-id> element usable inside pr:provide-services.
     RECONSTRUCTION: the OMA schema text was not available to the author; written
     from OMA-TS-Presence_SIMPLE (presence authorization rules section). -->
<xs:schema targetNamespace="urn:oma:xml:prs:pres-rules"
    xmlns:op="urn:oma:xml:prs:pres-rules"
    xmlns:pr="urn:ietf:params:xml:ns:pres-rules"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:import namespace="urn:ietf:params:xml:ns:pres-rules"
      schemaLocation="pres-rules.xsd"/>
  <!-- child of pr:provide-services -->
  <xs:element name="service-id" type="xs:string"/>
  <!-- transformations -->
  <xs:element name="provide-willingness" type="pr:booleanPermission"/>
  <xs:element name="provide-network-availability" type="pr:booleanPermission"/>
  <xs:element name="provide-session-participation" type="pr:booleanPermission"/>
  <xs:element name="provide-registration-state" type="pr:booleanPermission"/>
  <xs:element name="provide-barring-state" type="pr:booleanPermission"/>
  <xs:element name="provide-geopriv" type="op:provideGeoprivPermission"/>
  <xs:simpleType name="provideGeoprivPermission">
    <xs:restriction base="xs:token">
      <xs:enumeration value="false"/>
      <xs:enumeration value="full"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>
`;
