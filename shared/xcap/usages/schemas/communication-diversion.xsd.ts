// communication-diversion.xsd: see the comment at the top of the schema for its source.
export const communicationDiversionXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- 3GPP TS 24.604 section 4.9.1: XML schema for Communication Diversion (CDIV).
     The service holds a common-policy ruleset; its rules use the CDIV conditions
     (busy, not-registered, no-answer, not-reachable, not-logged-in) and the
     forward-to action with a target URI.
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
  <xs:element name="communication-diversion" substitutionGroup="ss:absService">
    <xs:annotation>
      <xs:documentation>This is the communication diversion configuration document.</xs:documentation>
    </xs:annotation>
    <xs:complexType>
      <xs:complexContent>
        <xs:extension base="ss:simservType">
          <xs:sequence>
            <xs:element ref="ss:NoReplyTimer" minOccurs="0"/>
            <xs:element ref="cp:ruleset" minOccurs="0"/>
          </xs:sequence>
        </xs:extension>
      </xs:complexContent>
    </xs:complexType>
  </xs:element>
  <xs:element name="NoReplyTimer">
    <xs:simpleType>
      <xs:restriction base="xs:positiveInteger">
        <xs:minInclusive value="5"/>
        <xs:maxInclusive value="180"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:element>
  <!-- communication diversion specific extensions to IETF common policy conditions -->
  <xs:element name="not-registered" type="ss:empty-element-type"/>
  <xs:element name="busy" type="ss:empty-element-type"/>
  <xs:element name="no-answer" type="ss:empty-element-type"/>
  <xs:element name="not-reachable" type="ss:empty-element-type"/>
  <xs:element name="not-logged-in" type="ss:empty-element-type"/>
  <!-- communication diversion specific extensions to IETF common policy actions -->
  <xs:element name="forward-to" type="ss:forward-to-type"/>
  <xs:complexType name="forward-to-type">
    <xs:sequence>
      <xs:element name="target" type="xs:anyURI" minOccurs="1" maxOccurs="1"/>
      <xs:element name="notify-caller" type="xs:boolean"
          default="true" minOccurs="0"/>
      <xs:element name="reveal-identity-to-caller" type="xs:boolean"
          default="true" minOccurs="0"/>
      <xs:element name="reveal-served-user-identity-to-caller" type="xs:boolean"
          default="true" minOccurs="0"/>
      <xs:element name="notify-served-user" type="xs:boolean"
          default="false" minOccurs="0"/>
      <xs:element name="notify-served-user-on-outbound-call" type="xs:boolean"
          default="false" minOccurs="0"/>
      <xs:element name="reveal-identity-to-target" type="xs:boolean"
          default="true" minOccurs="0"/>
      <xs:element ref="ss:NoReplyTimer" minOccurs="0"/>
      <xs:any namespace="##other" processContents="lax"
          minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>
</xs:schema>
`;
