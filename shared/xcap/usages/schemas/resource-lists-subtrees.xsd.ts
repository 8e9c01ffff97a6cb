// resource-lists-subtrees.xsd: not a published schema. It includes resource-lists.xsd and declares
// the elements a list holds globally, with the types they have inside a list, so that one such
// element can be validated on its own (see subtreeValidation in ../types.ts). The names do not
// clash with resource-lists.xsd, whose only global element is resource-lists.
export const resourceListsSubtreesXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<xs:schema targetNamespace="urn:ietf:params:xml:ns:resource-lists"
    xmlns="urn:ietf:params:xml:ns:resource-lists"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:include schemaLocation="resource-lists.xsd"/>
  <xs:element name="entry" type="entryType"/>
  <xs:element name="external" type="externalType"/>
  <xs:element name="entry-ref" type="entry-refType"/>
</xs:schema>
`;
