// communication-waiting.xsd: see the comment at the top of the schema for its source.
export const communicationWaitingXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- 3GPP TS 24.615: XML schema for Communication Waiting (CW).
     RECONSTRUCTION: the 3GPP schema text was not available to the author. -->
<xs:schema targetNamespace="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:ss="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <!-- include supplementary services common definitions -->
  <xs:include schemaLocation="simservs-common.xsd"/>
  <xs:element name="communication-waiting" substitutionGroup="ss:absService">
    <xs:annotation>
      <xs:documentation>This is the communication waiting configuration document.</xs:documentation>
    </xs:annotation>
    <xs:complexType>
      <xs:complexContent>
        <xs:extension base="ss:simservType"/>
      </xs:complexContent>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
