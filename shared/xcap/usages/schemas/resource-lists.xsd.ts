// resource-lists.xsd: see the comment at the top of the schema for its source.
export const resourceListsXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- RFC 4826 section 3.2: XML schema for resource lists.
     Changes from the RFC text: the xml.xsd schemaLocation is the bare file name, and
     listType drops the RFC's trailing (strict) <xs:any namespace="##other"> after the
     repeated choice. That wildcard competes with the lax ##other wildcard inside the
     choice for the same elements, which breaks the Unique Particle Attribution rule:
     libxml2 2.10+ refuses to compile it ("The content model is not determinist").
     Dropping it accepts exactly the same documents, since the choice already takes any
     number of elements from other namespaces. -->
<xs:schema targetNamespace="urn:ietf:params:xml:ns:resource-lists"
    xmlns="urn:ietf:params:xml:ns:resource-lists"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:import namespace="http://www.w3.org/XML/1998/namespace"
      schemaLocation="xml.xsd"/>
  <xs:complexType name="listType">
    <xs:sequence>
      <xs:element name="display-name" type="display-nameType" minOccurs="0"/>
      <xs:sequence minOccurs="0" maxOccurs="unbounded">
        <xs:choice>
          <xs:element name="list">
            <xs:complexType>
              <xs:complexContent>
                <xs:extension base="listType"/>
              </xs:complexContent>
            </xs:complexType>
          </xs:element>
          <xs:element name="external" type="externalType"/>
          <xs:element name="entry" type="entryType"/>
          <xs:element name="entry-ref" type="entry-refType"/>
          <xs:any namespace="##other" processContents="lax" minOccurs="0"
              maxOccurs="unbounded"/>
        </xs:choice>
      </xs:sequence>
    </xs:sequence>
    <xs:attribute name="name" type="xs:string" use="optional"/>
    <xs:anyAttribute namespace="##other"/>
  </xs:complexType>
  <xs:complexType name="entryType">
    <xs:sequence>
      <xs:element name="display-name" minOccurs="0">
        <xs:complexType>
          <xs:simpleContent>
            <xs:extension base="display-nameType"/>
          </xs:simpleContent>
        </xs:complexType>
      </xs:element>
      <xs:any namespace="##other" processContents="lax" minOccurs="0"
          maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="uri" type="xs:anyURI" use="required"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>
  <xs:complexType name="entry-refType">
    <xs:sequence>
      <xs:element name="display-name" type="display-nameType" minOccurs="0"/>
      <xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="ref" type="xs:anyURI" use="required"/>
    <xs:anyAttribute namespace="##other"/>
  </xs:complexType>
  <xs:complexType name="externalType">
    <xs:sequence>
      <xs:element name="display-name" type="display-nameType" minOccurs="0"/>
      <xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="anchor" type="xs:anyURI"/>
    <xs:anyAttribute namespace="##other"/>
  </xs:complexType>
  <xs:element name="resource-lists">
    <xs:complexType>
      <xs:sequence minOccurs="0" maxOccurs="unbounded">
        <xs:element name="list" type="listType"/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
  <xs:complexType name="display-nameType">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute ref="xml:lang"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
</xs:schema>
`;
