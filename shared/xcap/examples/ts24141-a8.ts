/**
 * The documents of 3GPP TS 24.141 annex A.8.2 and A.8.3 in their RFC 4825 form (RFC 4826 list/entry
 * attributes; RFC 5025 / RFC 4745 rules instead of the draft's permission-statements). One copy for
 * the engine tests, the sandbox's HTTP conformance suite and anything else replaying the flows.
 */

/** A.8.2-1: the resource list "Presence_fellows" with one entry. */
export const A82_CREATED_LIST = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="Presence_fellows">
    <entry uri="sip:user2_public1@home2.net">
      <display-name>User2</display-name>
    </entry>
  </list>
</resource-lists>
`;

/** A.8.3-1: a presence authorization policy with one rule for sip:user2_public1@home2.net. */
export const A83_CREATED_POLICY = `<?xml version="1.0" encoding="UTF-8"?>
<cp:ruleset xmlns="urn:ietf:params:xml:ns:pres-rules" xmlns:pr="urn:ietf:params:xml:ns:pres-rules" xmlns:cp="urn:ietf:params:xml:ns:common-policy">
  <cp:rule id="dsafa43232">
    <cp:conditions>
      <cp:identity>
        <cp:one id="sip:user2_public1@home2.net"/>
      </cp:identity>
    </cp:conditions>
    <cp:actions>
      <pr:sub-handling>allow</pr:sub-handling>
    </cp:actions>
    <cp:transformations>
      <pr:provide-services>
        <pr:all-services/>
      </pr:provide-services>
      <pr:provide-unknown-attribute ns="urn:ietf:params:xml:ns:pidf:caps" name="video">true</pr:provide-unknown-attribute>
    </cp:transformations>
  </cp:rule>
</cp:ruleset>
`;

/** A.8.3-3: the second rule (sip:user3_public1@home3.net may see the "sip" services). */
export const A83_SECOND_RULE = `<cp:rule id="dsffdsfrrr32423">
    <cp:conditions>
      <cp:identity>
        <cp:one id="sip:user3_public1@home3.net"/>
      </cp:identity>
    </cp:conditions>
    <cp:actions>
      <pr:sub-handling>allow</pr:sub-handling>
    </cp:actions>
    <cp:transformations>
      <pr:provide-services>
        <pr:class>sip</pr:class>
      </pr:provide-services>
    </cp:transformations>
  </cp:rule>`;
