// communication-barring.xsd: see the comment at the top of the schema for its source.
export const communicationBarringXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- 3GPP TS 24.611 section 4.9.1: XML schema for Communication Barring
     (incoming-communication-barring, outgoing-communication-barring): a
     common-policy ruleset whose rules use the <allow> action and the barring
     conditions (international, international-exHC, roaming, plus the common
     ss:anonymous etc.).
     RECONSTRUCTION: the 3GPP schema text was not available to the author. -->
<xs:schema targetNamespace="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:ss="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:cp="urn:ietf:params:xml:ns:common-policy"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <!-- import common policy definitions -->
  <xs:import namespace="urn:ietf:params:xml:ns:common-policy"
      schemaLocation="common-policy.xsd"/>
  <!-- include supplementary services common definitions -->
  <xs:include schemaLocation="simservs-common.xsd"/>
  <xs:element name="incoming-communication-barring"
      substitutionGroup="ss:absService">
    <xs:annotation>
      <xs:documentation>This is the incoming communication barring configuration document.</xs:documentation>
    </xs:annotation>
    <xs:complexType>
      <xs:complexContent>
        <xs:extension base="ss:simservType">
          <xs:sequence>
            <xs:element ref="cp:ruleset" minOccurs="0"/>
          </xs:sequence>
        </xs:extension>
      </xs:complexContent>
    </xs:complexType>
  </xs:element>
  <xs:element name="outgoing-communication-barring"
      substitutionGroup="ss:absService">
    <xs:annotation>
      <xs:documentation>This is the outgoing communication barring configuration document.</xs:documentation>
    </xs:annotation>
    <xs:complexType>
      <xs:complexContent>
        <xs:extension base="ss:simservType">
          <xs:sequence>
            <xs:element ref="cp:ruleset" minOccurs="0"/>
          </xs:sequence>
        </xs:extension>
      </xs:complexContent>
    </xs:complexType>
  </xs:element>
  <!-- communication barring specific extensions to IETF common policy actions -->
  <xs:element name="allow" type="xs:boolean"/>
  <!-- communication barring specific extensions to IETF common policy conditions -->
  <xs:element name="international" type="ss:empty-element-type"/>
  <xs:element name="international-exHC" type="ss:empty-element-type"/>
  <xs:element name="roaming" type="ss:empty-element-type"/>
</xs:schema>
`;
