// terminating-identity-presentation.xsd: see the comment at the top of the schema for its source.
export const terminatingIdentityPresentationXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- 3GPP TS 24.608: XML schema for terminating identity presentation and
     terminating identity presentation restriction (TIP/TIR).
     RECONSTRUCTION: the 3GPP schema text was not available to the author. -->
<xs:schema targetNamespace="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:ss="http://uri.etsi.org/ngn/params/xml/simservs/xcap"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <!-- include supplementary services common definitions -->
  <xs:include schemaLocation="simservs-common.xsd"/>
  <xs:element name="terminating-identity-presentation" type="ss:simservType"
      substitutionGroup="ss:absService"/>
  <xs:element name="terminating-identity-presentation-restriction"
      substitutionGroup="ss:absService">
    <xs:complexType>
      <xs:complexContent>
        <xs:extension base="ss:simservType">
          <xs:sequence>
            <xs:element name="default-behaviour"
                default="presentation-restricted" minOccurs="0">
              <xs:simpleType>
                <xs:restriction base="xs:string">
                  <xs:enumeration value="presentation-restricted"/>
                  <xs:enumeration value="presentation-not-restricted"/>
                </xs:restriction>
              </xs:simpleType>
            </xs:element>
          </xs:sequence>
        </xs:extension>
      </xs:complexContent>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
