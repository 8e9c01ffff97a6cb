// oma-common-policy.xsd: see the comment at the top of the schema for its source.
export const omaCommonPolicyXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- OMA XDM common policy extensions (OMA-SUP-XSD_xdm_commonPolicy-V1_0),
     namespace urn:oma:xml:xdm:common-policy.
     RECONSTRUCTION: the OMA schema text was not available to the author; this is a
     faithful reconstruction from OMA-TS-XDM_Core (section "Extensions to common
     policy"): the conditions <other-identity/>, <anonymous-request/> (empty) and
     <external-list> holding <entry anc="URI"/> references to resource-lists lists. -->
<xs:schema targetNamespace="urn:oma:xml:xdm:common-policy"
    xmlns="urn:oma:xml:xdm:common-policy"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <!-- OMA specific "conditions" child elements -->
  <xs:element name="other-identity" type="emptyType"/>
  <xs:element name="external-list" type="externalListType"/>
  <xs:element name="anonymous-request" type="emptyType"/>
  <xs:complexType name="externalListType">
    <xs:sequence>
      <xs:element name="entry" type="anchorType"
          minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>
  <xs:complexType name="anchorType">
    <xs:sequence>
      <xs:any namespace="##other" processContents="lax"
          minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="anc" type="xs:anyURI" use="required"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>
  <xs:complexType name="emptyType">
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>
</xs:schema>
`;
