/**
 * `--demo` seed: two users with the documents of 3GPP TS 24.141 annex A.8 in their RFC 4825 form —
 * a resource list "Presence_fellows", a presence authorization policy, and a hard-state PIDF whose
 * status icon is a MIME object stored on the server (TS 24.141 6.3.2.4).
 */
export interface DemoUser {
  readonly xui: string;
  readonly password: string;
  readonly buddy: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { xui: 'sip:alice@example.com', password: 'alice', buddy: 'sip:bob@example.com' },
  { xui: 'sip:bob@example.com', password: 'bob', buddy: 'sip:alice@example.com' },
];

export interface DemoDocument {
  readonly auid: string;
  readonly xui: string;
  readonly path: string;
  readonly content: string;
}

export interface DemoMimeObject {
  readonly xui: string;
  readonly path: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** A 1×1 PNG, standing in for the photo of A.8.4. */
const PHOTO_PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

export function demoDocuments(user: DemoUser, rootUrl: string): DemoDocument[] {
  const name = user.xui.replace(/^sip:|@.*$/g, '');
  const photoUri = `${rootUrl}/mime/users/${user.xui}/photo.png`;
  return [
    {
      auid: 'resource-lists',
      xui: user.xui,
      path: 'index',
      content: `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="Presence_fellows">
    <entry uri="${user.buddy}">
      <display-name>${user.buddy.replace(/^sip:|@.*$/g, '')}</display-name>
    </entry>
  </list>
</resource-lists>
`,
    },
    {
      auid: 'pres-rules',
      xui: user.xui,
      path: 'index',
      content: `<?xml version="1.0" encoding="UTF-8"?>
<cp:ruleset xmlns="urn:ietf:params:xml:ns:pres-rules" xmlns:pr="urn:ietf:params:xml:ns:pres-rules" xmlns:cp="urn:ietf:params:xml:ns:common-policy">
  <cp:rule id="allow-fellows">
    <cp:conditions>
      <cp:identity>
        <cp:one id="${user.buddy}"/>
      </cp:identity>
    </cp:conditions>
    <cp:actions>
      <pr:sub-handling>allow</pr:sub-handling>
    </cp:actions>
    <cp:transformations>
      <pr:provide-services>
        <pr:all-services/>
      </pr:provide-services>
      <pr:provide-persons>
        <pr:all-persons/>
      </pr:provide-persons>
    </cp:transformations>
  </cp:rule>
</cp:ruleset>
`,
    },
    {
      auid: 'pidf-manipulation',
      xui: user.xui,
      path: 'index',
      content: `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf"
    xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
    xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
    entity="${user.xui}">
  <tuple id="t-${name}">
    <status>
      <basic>open</basic>
    </status>
    <contact>${user.xui}</contact>
  </tuple>
  <dm:person id="p-${name}">
    <rpid:activities><rpid:unknown/></rpid:activities>
    <rpid:status-icon>${photoUri}</rpid:status-icon>
    <dm:note xml:lang="en">At home</dm:note>
  </dm:person>
</presence>
`,
    },
  ];
}

export function demoMimeObjects(user: DemoUser): DemoMimeObject[] {
  return [{ xui: user.xui, path: 'photo.png', contentType: 'image/png', bytes: PHOTO_PNG }];
}
