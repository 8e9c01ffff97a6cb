import { describe, expect, it } from 'vitest';
import { buildXcapUri, parseXcapUri, type XcapUri } from './index';

function document(overrides: Partial<XcapUri>): XcapUri {
  return {
    kind: 'document',
    root: 'http://xcap.example.com',
    auid: 'resource-lists',
    scope: { kind: 'users', xui: 'sip:joe@example.com' },
    documentPath: ['index'],
    nodeSelector: null,
    namespaces: {},
    ...overrides,
  };
}

describe('parseXcapUri: RFC 4825 examples', () => {
  it('reads the §6 example with lowercase hex and writes it back with uppercase hex', () => {
    const wire = 'http://xcap.example.com/resource-lists/users/sip:joe@example.com/index/~~/resource-lists/list%5b@name=%22l1%22%5d';
    const uri = parseXcapUri(wire);
    expect(uri).toEqual(document({ nodeSelector: 'resource-lists/list[@name="l1"]' }));
    expect(buildXcapUri(uri)).toBe(wire.replace(/%5b/g, '%5B').replace(/%5d/g, '%5D'));
  });

  it('reads namespace bindings of the §6.4 example', () => {
    const wire = 'http://xcap.example.com/test/users/sip:joe@example.com/index/~~/foo/a:bar/b:baz?xmlns(a=urn:test:namespace1-uri)xmlns(b=urn:test:namespace1-uri)';
    expect(parseXcapUri(wire)).toEqual(
      document({
        auid: 'test',
        nodeSelector: 'foo/a:bar/b:baz',
        namespaces: { a: 'urn:test:namespace1-uri', b: 'urn:test:namespace1-uri' },
      }),
    );
    expect(buildXcapUri(parseXcapUri(wire))).toBe(wire);
  });

  it('reads global documents', () => {
    expect(parseXcapUri('http://xcap.example.com/xcap-caps/global/index')).toEqual(
      document({ auid: 'xcap-caps', scope: { kind: 'global' } }),
    );
  });

  it('reads attribute and namespace terminal selectors', () => {
    const wire = 'http://xcap.example.com/resource-lists/users/sip:joe@example.com/index/~~/resource-lists/list%5B@name=%22l1%22%5D/@name';
    expect(parseXcapUri(wire).nodeSelector).toBe('resource-lists/list[@name="l1"]/@name');
    expect(parseXcapUri(wire.replace('/@name', '/namespace::*')).nodeSelector).toBe('resource-lists/list[@name="l1"]/namespace::*');
  });
});

describe('parseXcapUri: TS 24.141 annex A.8 requests in RFC 4825 form', () => {
  it.each([
    [
      'http://xcap.home1.net/services/resource-lists/users/user1/pf.xml/~~/resource-lists/list%5B@name=%22Presence_fellows%22%5D/entry',
      'resource-lists',
      ['pf.xml'],
      'resource-lists/list[@name="Presence_fellows"]/entry',
    ],
    [
      'http://xcap.home1.net/services/permission-statements/users/user1/ps.xml/~~/permission-statements/statement%5B@id=%22dsafa43232%22%5D/permissions/show-namespace',
      'permission-statements',
      ['ps.xml'],
      'permission-statements/statement[@id="dsafa43232"]/permissions/show-namespace',
    ],
  ])('%s', (wire, auid, documentPath, nodeSelector) => {
    const uri = parseXcapUri(wire);
    expect(uri).toEqual({
      kind: 'document',
      root: 'http://xcap.home1.net/services',
      auid,
      scope: { kind: 'users', xui: 'user1' },
      documentPath,
      nodeSelector,
      namespaces: {},
    });
    expect(buildXcapUri(uri)).toBe(wire);
  });
});

describe('XUIs', () => {
  it('keeps SIP and tel URIs readable on the wire', () => {
    const uri = document({ scope: { kind: 'users', xui: 'sip:alice@example.com' } });
    expect(buildXcapUri(uri)).toBe('http://xcap.example.com/resource-lists/users/sip:alice@example.com/index');
    const tel = document({ scope: { kind: 'users', xui: 'tel:+1-201-555-0123;phone-context=example.com' } });
    expect(buildXcapUri(tel)).toBe('http://xcap.example.com/resource-lists/users/tel:+1-201-555-0123;phone-context=example.com/index');
  });

  it('encodes what a path segment cannot carry and decodes it back', () => {
    const uri = document({ scope: { kind: 'users', xui: 'sip:jörg müller@example.com;transport=tcp?x#y/z' } });
    const wire = buildXcapUri(uri);
    expect(wire).toBe('http://xcap.example.com/resource-lists/users/sip:j%C3%B6rg%20m%C3%BCller@example.com;transport=tcp%3Fx%23y%2Fz/index');
    expect(parseXcapUri(wire)).toEqual(uri);
  });

  it('accepts needless escapes of readable characters', () => {
    expect(parseXcapUri('http://xcap.example.com/resource-lists/users/sip%3Ajoe%40example.com/index').scope).toEqual({
      kind: 'users',
      xui: 'sip:joe@example.com',
    });
  });

  it('reads an XUI named "users" or "global" by position', () => {
    expect(parseXcapUri('http://h/services/resource-lists/users/users/index')).toEqual(
      document({ root: 'http://h/services', scope: { kind: 'users', xui: 'users' } }),
    );
    expect(parseXcapUri('http://h/services/resource-lists/users/global/index').scope).toEqual({ kind: 'users', xui: 'global' });
  });
});

describe('XCAP roots', () => {
  it.each([
    ['http://xcap.example.com', 'no path'],
    ['https://xcap.example.com/services', 'one segment'],
    ['http://127.0.0.1:8080/xcap-root', 'IPv4 and port'],
    ['https://xcap.example.com:8443/a/b/c/d', 'deep path'],
    ['http://[::1]:8080/xcap-root', 'IPv6 literal'],
    ['http://[2001:db8::7]/xcap', 'IPv6 literal without port'],
    ['HTTPS://XCAP.Example.COM/Services', 'case kept as written'],
    ['http://xcap.example.com/a%20b/c', 'escaped root path'],
    ['http://[v1.fe80::a+en1]/x', 'IPvFuture'],
  ])('%s (%s)', (root) => {
    const uri = document({ root });
    const wire = buildXcapUri(uri);
    expect(wire.startsWith(`${root}/resource-lists/users/`)).toBe(true);
    expect(parseXcapUri(wire)).toEqual(uri);
    expect(parseXcapUri(wire, { root })).toEqual(uri);
  });

  it('uses options.root when the root path itself has a "users" segment', () => {
    const root = 'https://xcap.example.com/xcap/users';
    const uri = document({ root });
    const wire = buildXcapUri(uri);
    expect(parseXcapUri(wire, { root })).toEqual(uri);
    expect(parseXcapUri(wire)).toMatchObject({ root: 'https://xcap.example.com', auid: 'xcap' }); // without the hint the first "users" wins
  });

  it('accepts options.root with a trailing slash and compares scheme and host case-insensitively', () => {
    const wire = 'HTTP://XCAP.example.com/Services/resource-lists/global/index';
    expect(parseXcapUri(wire, { root: 'http://xcap.EXAMPLE.com/Services/' }).root).toBe('HTTP://XCAP.example.com/Services');
  });
});

describe('directory URIs', () => {
  it.each<[string, Partial<XcapUri>]>([
    ['https://xcap.example.com/services/resource-lists/users/sip:alice@example.com/', { scope: { kind: 'users', xui: 'sip:alice@example.com' } }],
    ['https://xcap.example.com/services/resource-lists/global/', { scope: { kind: 'global' } }],
    ['https://xcap.example.com/services/resource-lists/', { scope: null }],
  ])('%s', (wire, expected) => {
    const uri = parseXcapUri(wire);
    expect(uri).toEqual({
      kind: 'directory',
      root: 'https://xcap.example.com/services',
      auid: 'resource-lists',
      documentPath: [],
      nodeSelector: null,
      namespaces: {},
      ...expected,
    });
    expect(buildXcapUri(uri)).toBe(wire);
    expect(parseXcapUri(wire, { root: 'https://xcap.example.com/services' })).toEqual(uri);
  });

  it('reads the AUID directory right under a root without a path', () => {
    expect(parseXcapUri('http://h/xcap-caps/', { root: 'http://h' })).toMatchObject({ kind: 'directory', root: 'http://h', auid: 'xcap-caps', scope: null });
  });
});

describe('documents', () => {
  it('reads multi-segment document paths', () => {
    const uri = parseXcapUri('http://h/r/auid/users/u/dir/sub%20dir/doc.xml');
    expect(uri.documentPath).toEqual(['dir', 'sub dir', 'doc.xml']);
    expect(buildXcapUri(uri)).toBe('http://h/r/auid/users/u/dir/sub%20dir/doc.xml');
  });

  it('reads "~~" written with escaped tildes as the separator', () => {
    expect(parseXcapUri('http://h/a/global/d/%7E%7e/x').nodeSelector).toBe('x');
  });

  it('reads a "/" escaped inside a quoted value, and one written raw', () => {
    const canonical = 'http://h/a/global/d/~~/l%5B@uri=%22http:%2F%2Fx%22%5D';
    expect(parseXcapUri(canonical).nodeSelector).toBe('l[@uri="http://x"]');
    expect(parseXcapUri('http://h/a/global/d/~~/l%5B@uri=%22http://x%22%5D').nodeSelector).toBe('l[@uri="http://x"]');
    expect(buildXcapUri(parseXcapUri('http://h/a/global/d/~~/l%5B@uri=%22http://x%22%5D'))).toBe(canonical);
  });

  it('accepts an empty query', () => {
    expect(parseXcapUri('http://h/a/global/d?').namespaces).toEqual({});
  });
});

describe('namespace bindings', () => {
  it('reads several bindings in order', () => {
    const wire =
      'http://h/a/users/u/d/~~/p:a/q:b/r:c?xmlns(p=urn:ietf:params:xml:ns:resource-lists)xmlns(q=http://example.com/ns?v=1)xmlns(r=urn:x)';
    const uri = parseXcapUri(wire);
    expect(Object.entries(uri.namespaces)).toEqual([
      ['p', 'urn:ietf:params:xml:ns:resource-lists'],
      ['q', 'http://example.com/ns?v=1'],
      ['r', 'urn:x'],
    ]);
    expect(buildXcapUri(uri)).toBe(wire);
  });

  it('allows spaces around "=" and between parts, and escaped parentheses', () => {
    const uri = parseXcapUri('http://h/a/users/u/d/~~/p:a?xmlns(p%20=%20urn:a)%20xmlns(q=urn:b%5E(c%5E))xmlns(r=urn:(balanced))');
    expect(uri.namespaces).toEqual({ p: 'urn:a', q: 'urn:b(c)', r: 'urn:(balanced)' });
  });

  it('escapes parentheses, circumflexes and quotes of namespace names canonically', () => {
    const uri = document({ nodeSelector: 'p:x', namespaces: { p: "urn:a(b)^c'd\"é" } });
    const wire = buildXcapUri(uri);
    expect(wire.endsWith("?xmlns(p=urn:a%5E(b%5E)%5E%5Ec%27d%22%C3%A9)")).toBe(true);
    expect(parseXcapUri(wire)).toEqual(uri);
  });

  it('keeps the prefix "__proto__" as an ordinary key', () => {
    const uri = parseXcapUri('http://h/a/users/u/d/~~/x?xmlns(__proto__=urn:x)');
    expect(Object.keys(uri.namespaces)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(uri.namespaces)).toBe(Object.prototype);
    expect(buildXcapUri(uri)).toBe('http://h/a/users/u/d/~~/x?xmlns(__proto__=urn:x)');
  });
});

describe('buildXcapUri', () => {
  it('writes every directory form with its trailing slash', () => {
    const directory: XcapUri = { ...document({}), kind: 'directory', documentPath: [] };
    expect(buildXcapUri(directory)).toBe('http://xcap.example.com/resource-lists/users/sip:joe@example.com/');
    expect(buildXcapUri({ ...directory, scope: { kind: 'global' } })).toBe('http://xcap.example.com/resource-lists/global/');
    expect(buildXcapUri({ ...directory, scope: null })).toBe('http://xcap.example.com/resource-lists/');
  });

  it('writes a document path whose directory ends in ".xml" when a node selector follows', () => {
    const uri = document({ documentPath: ['old.xml', 'index'], nodeSelector: 'a' });
    expect(parseXcapUri(buildXcapUri(uri))).toEqual(uri);
  });

  it('writes a document inside an ".xml" directory when the document name is itself an ".xml" name', () => {
    const uri = document({ documentPath: ['backup.xml', 'pf.xml'] });
    expect(parseXcapUri(buildXcapUri(uri))).toEqual(uri);
  });
});
