// pidf-manipulation.xsd: see the comment at the top of the schema for its source.
export const pidfManipulationXsd = String.raw`<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver schema for the pidf-manipulation application usage (RFC 4827):
     a stored PIDF document (RFC 3863) with data-model (RFC 4479) person/device
     elements and RPID (RFC 4480) extensions. Imports all the namespaces so that
     libxml2 compiles them into one schema; other extensions (e.g. OMA PIDF
     extensions) pass through the lax wildcards. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
    elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:import namespace="urn:ietf:params:xml:ns:pidf"
      schemaLocation="pidf.xsd"/>
  <xs:import namespace="urn:ietf:params:xml:ns:pidf:data-model"
      schemaLocation="data-model.xsd"/>
  <xs:import namespace="urn:ietf:params:xml:ns:pidf:rpid"
      schemaLocation="rpid.xsd"/>
</xs:schema>
`;
