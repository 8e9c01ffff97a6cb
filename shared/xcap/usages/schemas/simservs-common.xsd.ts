// simservs-common.xsd: see the comment at the top of the schema for its source.
export const simservsCommonXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- 3GPP TS 24.623 section 6.3 (the specification's "XCAP.xsd", here simservs-common.xsd): common part of
     the simservs document, namespace http://uri.etsi.org/ngn/params/xml/simservs/xcap.
     Each supplementary service element is in the substitution group of the
     abstract ss:absService and has type ss:simservType (or an extension of it),
     which carries the "active" attribute (boolean, default true).
     RECONSTRUCTION: the 3GPP schema text was not available to the author; this is
     a faithful reconstruction of its structure, including the common-policy
     condition elements defined in common for the services. -->
<xs:schema targetNamespace="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:ss="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:element name="simservs">
    <xs:annotation>
      <xs:documentation>XML Schema for data manipulation of supplementary services</xs:documentation>
    </xs:annotation>
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="ss:absService" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="extensions" minOccurs="0">
          <xs:complexType>
            <xs:sequence>
              <xs:any namespace="##other" processContents="lax"
                  minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:anyAttribute namespace="##other" processContents="lax"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="absService" type="ss:simservType" abstract="true"/>
  <xs:complexType name="simservType">
    <xs:attribute name="active" type="xs:boolean" use="optional" default="true"/>
    <xs:anyAttribute namespace="##any" processContents="lax"/>
  </xs:complexType>
  <!-- Common extensions to the IETF common policy conditions -->
  <xs:element name="anonymous" type="ss:empty-element-type"/>
  <xs:element name="presence-status" type="ss:presence-status-activity-type"/>
  <xs:element name="media" type="ss:media-type"/>
  <xs:element name="communication-diverted" type="ss:empty-element-type"/>
  <xs:element name="rule-deactivated" type="ss:empty-element-type"/>
  <xs:simpleType name="presence-status-activity-type">
    <xs:restriction base="xs:string"/>
  </xs:simpleType>
  <xs:simpleType name="media-type">
    <xs:restriction base="xs:string"/>
  </xs:simpleType>
  <xs:complexType name="empty-element-type"/>
</xs:schema>
`;
