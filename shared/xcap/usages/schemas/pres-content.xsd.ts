// pres-content.xsd: see the comment at the top of the schema for its source.
export const presContentXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- OMA presence content (OMA-SUP-XSD_prs_presContent-V1_0), namespace
     urn:oma:xml:prs:pres-content: a MIME object (e.g. a status icon) stored in
     XCAP as <content> with <mime-type>, <encoding>, <description> and <data>.
     RECONSTRUCTION: the OMA schema text was not available to the author; written
     from OMA-TS-Presence_SIMPLE_Content_XDM (structure of the content document). -->
<xs:schema targetNamespace="urn:oma:xml:prs:pres-content"
    xmlns="urn:oma:xml:prs:pres-content"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace"
      schemaLocation="xml.xsd"/>
  <xs:element name="content">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="mime-type" type="xs:string" minOccurs="0"/>
        <xs:element name="encoding" type="xs:string" minOccurs="0"/>
        <xs:element name="description" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:simpleContent>
              <xs:extension base="xs:string">
                <xs:attribute ref="xml:lang"/>
              </xs:extension>
            </xs:simpleContent>
          </xs:complexType>
        </xs:element>
        <xs:element name="data" type="xs:string"/>
        <xs:any namespace="##other" processContents="lax"
            minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:anyAttribute processContents="lax"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
