import { describe, expect, it } from 'vitest';
import { buildXcapUri, formatXcapUriForDisplay, parseXcapUri, type XcapUri } from './index';
import { expectXcapError, expectXcapErrorAt } from './test-support/expect-xcap-error';

/** Column of the first occurrence of `needle` in `text` (1-based). */
function columnOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`${needle} not in ${text}`);
  return index + 1;
}

describe('parseXcapUri rejects a bad scheme or authority', () => {
  it.each<[string, number, string]>([
    ['', 1, 'must start with "http://" or "https://"'],
    ['xcap.example.com/a/global/d', 1, 'must start with'],
    ['ftp://h/a/global/d', 1, 'scheme "ftp" is not http or https'],
    ['http:/h/a/global/d', 6, 'Expected "//"'],
    ['http:', 6, 'Expected "//"'],
    ['http:///a/global/d', 8, 'authority (host) is empty'],
    ['http://user:pw@h/a/global/d', 8, 'User information'],
    ['http://[::1/a/global/d', 8, 'not closed by "]"'],
    ['http://[zz]/a/global/d', 8, 'not an IPv6 address literal'],
    ['http://[::1]x/a/global/d', 13, 'Expected ":" and a port'],
    ['http://:80/a/global/d', 8, 'host is empty'],
    ['http://h^x/a/global/d', 9, 'not allowed in a host name'],
    ['http://h%4/a/global/d', 9, 'not allowed in a host name'],
    ['http://h:/a/global/d', 10, 'port after ":" is empty'],
    ['http://h:8a/a/global/d', 11, 'decimal digits'],
    ['http://h:65536/a/global/d', 10, 'larger than 65535'],
    ['http://h:0000080/a/global/d', 10, 'larger than 65535'],
    ['PUT http://h/a/global/d', 1, 'HTTP request line'],
  ])('%j at column %i', (text, column, message) => {
    expect(expectXcapErrorAt(() => parseXcapUri(text), 'invalid-uri', column).message).toContain(message);
  });
});

describe('parseXcapUri rejects a bad path', () => {
  it.each<[string, string, string]>([
    ['http://h', 'http://h', 'Missing the path'],
    ['http://h?xmlns(a=b)', '?', 'Missing the path'],
    ['http://h/a/b/c', '/a', 'Cannot tell where the XCAP root ends'],
    ['http://h/', '/', 'Cannot tell where the XCAP root ends'],
    ['http://h/r/auid/users/', 'users/', 'The XUI is empty'],
    ['http://h/r/auid/users//d', '/d', 'The XUI is empty'],
    ['http://h/r/auid/users/x', 'x', 'Expected "/" after the XUI "x"'],
    ['http://h/r/auid/global', 'global', 'Expected "/" after "global"'],
    ['http://h/r/auid/users/x/d/', 'd/', 'document path ends with "/"'],
    ['http://h/r/auid/users/x/a//d', '/d', 'A document path segment is empty'],
    ['http://h/r/auid/users/x/./d', './d', 'dot segment "."'],
    ['http://h/r/auid/users/x/../d', '../d', 'dot segment ".."'],
    ['http://h/r/auid/users/x/%2E%2e/d', '%2E', 'dot segment ".."'],
    ['http://h/r/auid/users/../d', '../d', 'The XUI is the dot segment'],
    ['http://h/r/./users/x/d', './', 'The AUID is the dot segment'],
    ['http://h/./auid/users/x/d', './', 'A segment of the XCAP root path is the dot segment'],
    ['http://h//auid/users/x/d', '/auid', 'A segment of the XCAP root path is empty'],
    ['http://h/r/auid/global/~~/x', '~~', 'needs a document'],
    ['http://h/r/auid/global/d/~~', '~~', 'Expected "/" and a node selector after "~~"'],
    ['http://h/r/auid/global/d/~~/', '~~/', 'node selector after "/~~/" is empty'],
    ['http://h/r/auid/global/d/~~/?xmlns(a=urn:x)', '?', 'node selector after "/~~/" is empty'],
    ['http://h/r/auid/global/d/~~/a/../b', '../b', 'step ".." is a dot segment'],
    ['http://h/r/auid/global/d/~~/a/%2e', '%2e', 'step "%2e" is a dot segment'],
  ])('%j (near %j)', (text, _near, message) => {
    const error = expectXcapError(() => parseXcapUri(text), 'invalid-uri');
    expect(error.message).toContain(message);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toContain(`column ${error.column}`);
  });

  it('points at the exact column of path problems', () => {
    expectXcapErrorAt(() => parseXcapUri('http://h/r/auid/users/x/./d'), 'invalid-uri', 25);
    expectXcapErrorAt(() => parseXcapUri('http://h/r/auid/users//d'), 'invalid-uri', 23);
    expectXcapErrorAt(() => parseXcapUri('http://h/r/auid/users/x'), 'invalid-uri', 24);
    expectXcapErrorAt(() => parseXcapUri('http://h/r/auid/global/d/~~/a/../b'), 'invalid-uri', 31);
    expectXcapErrorAt(() => parseXcapUri('http://h/r/auid/users/x/d/'), 'invalid-uri', 26);
  });

  it('says which segment it expected after the AUID', () => {
    const error = expectXcapErrorAt(() => parseXcapUri('http://h/r/auid/other/d', { root: 'http://h/r' }), 'invalid-uri', 17);
    expect(error.message).toContain('Expected "users" or "global" after the AUID "auid", found "other"');
  });
});

describe('parseXcapUri checks options.root', () => {
  it.each<[string, string, number]>([
    ['http://other/r/a/global/d', 'http://h/r', 1],
    ['https://h/r/a/global/d', 'http://h/r', 1],
    ['http://h:8080/r/a/global/d', 'http://h/r', 1],
    ['http://h/R/a/global/d', 'http://h/r', 10],
    ['http://h/root/a/global/d', 'http://h/r', 10],
    ['http://h/r', 'http://h/r/x', 11],
  ])('%s does not start with %s', (text, root, column) => {
    expect(expectXcapErrorAt(() => parseXcapUri(text, { root }), 'invalid-uri', column).message).toContain(`does not start with the XCAP root "${root}"`);
  });

  it('needs the AUID and a "/" after it', () => {
    expect(expectXcapErrorAt(() => parseXcapUri('http://h/r', { root: 'http://h/r' }), 'invalid-uri', 11).message).toContain('Missing the AUID');
    expect(expectXcapErrorAt(() => parseXcapUri('http://h/r/auid', { root: 'http://h/r' }), 'invalid-uri', 16).message).toContain(
      'Expected "/" after the AUID "auid"',
    );
  });

  it.each(['ftp://h', 'http://h/a?b', 'http://h/a#b', 'http://h//', 'http://h/./x', 'http://h/a b', 'h/r'])('rejects options.root %j', (root) => {
    expect(expectXcapError(() => parseXcapUri('http://h/r/a/global/d', { root }), 'invalid-argument').message).toContain('options.root');
  });
});

describe('parseXcapUri rejects characters a URI cannot carry raw', () => {
  it.each<[string, string, string]>([
    ['http://h/r/a/global/d/~~/list[1]', '[', '%5B'],
    ['http://h/r/a/global/d/~~/l%5B@n="x"%5D', '"', '%22'],
    ['http://h/r/a/users/sip:j rg@x/d', ' ', '%20'],
    ['http://h/r/a/users/jörg/d', 'ö', '%C3%B6'],
    ['http://h/r/a/users/x/d?xmlns(p=urn:<x>)', '<', '%3C'],
    ['http://h/r/a/users/x/d?xmlns(p=urn:x^)', '^', '%5E'],
    ['http://h/r/a/users/😀/d', '😀', '%F0%9F%98%80'],
  ])('%j', (text, char, escape) => {
    const error = expectXcapErrorAt(() => parseXcapUri(text), 'invalid-uri', columnOf(text, char));
    expect(error.message).toContain(`must be percent-encoded as ${escape}`);
    expect(error.message).toContain('parseXcapUriLenient');
  });

  it('rejects fragments', () => {
    const text = 'http://h/r/a/global/d#frag';
    expect(expectXcapErrorAt(() => parseXcapUri(text), 'invalid-uri', columnOf(text, '#')).message).toContain('Fragments');
    const afterQuery = 'http://h/r/a/global/d/~~/x?xmlns(p=urn:x)#f';
    expectXcapErrorAt(() => parseXcapUri(afterQuery), 'invalid-uri', columnOf(afterQuery, '#'));
  });

  it.each([
    ['\n', 'U+000A'],
    ['\t', 'U+0009'],
    ['\u0000', 'U+0000'],
    ['\u007f', 'U+007F'],
    ['\u0085', 'U+0085'],
  ])('rejects the control character %j', (control, label) => {
    const text = `http://h/r/a/global/d${control}x`;
    expect(expectXcapErrorAt(() => parseXcapUri(text), 'invalid-uri', 22).message).toContain(label);
  });

  it('rejects trailing newlines as control characters (parseXcapUriLenient trims them)', () => {
    expectXcapErrorAt(() => parseXcapUri('http://h/r/a/global/d\n'), 'invalid-uri', 22);
  });

  it('rejects unpaired surrogates', () => {
    expect(expectXcapErrorAt(() => parseXcapUri('http://h/r/a/global/d\uD800'), 'invalid-uri', 22).message).toContain('Unpaired surrogate');
  });
});

describe('parseXcapUri rejects bad percent-encoding', () => {
  it.each<[string, string]>([
    ['http://h/r/a/users/x%zz/d', '%zz'],
    ['http://h/r/a/users/x/d%4', '%4'],
    ['http://h/r/a/users/x/d/~~/a%5', '%5'],
    ['http://h/r/a/users/x/d/~~/a?xmlns(p=urn:%x)', '%x'],
    ['http://h/r%/a/users/x/d', '%'],
  ])('malformed: %j', (text, at) => {
    expectXcapErrorAt(() => parseXcapUri(text), 'invalid-percent-encoding', columnOf(text, at));
  });

  it.each<[string, string]>([
    ['http://h/r/a/users/j%F6rg/d', '%F6'],
    ['http://h/r/a/users/x/d/~~/a%C3%28', '%C3'],
    ['http://h/r/a/users/x/%ED%A0%80/d', '%ED'],
    ['http://h/r/a/users/x/d?xmlns(p=urn:%C0%AF)', '%C0'],
  ])('not UTF-8: %j', (text, at) => {
    expect(expectXcapErrorAt(() => parseXcapUri(text), 'invalid-percent-encoding', columnOf(text, at)).message).toContain('not valid UTF-8');
  });

  it('rejects encoded control characters', () => {
    const text = 'http://h/r/a/users/x%0Ay/d';
    expect(expectXcapErrorAt(() => parseXcapUri(text), 'invalid-uri', columnOf(text, '%0A')).message).toContain('control character U+000A');
  });
});

describe('parseXcapUri rejects bad namespace bindings', () => {
  const base = 'http://h/r/a/users/x/d/~~/p:e';
  it.each<[string, string, string]>([
    ['?foo=bar', 'foo', 'expected xmlns(prefix=namespace)'],
    ['?xpointer(/a)', 'xpointer', 'only xmlns() pointer parts'],
    ['?xmlns(p=urn:x)foo', 'foo', 'expected xmlns(prefix=namespace)'],
    ['?xmlns(p)', ')', 'expected "=" after the prefix "p"'],
    ['?xmlns(p=urn:x', 'xmlns', 'not closed'],
    ['?xmlns(p=urn:(x)', 'xmlns', 'not closed'],
    ['?xmlns(1p=urn:x)', '1p', 'not an XML NCName'],
    ['?xmlns(a:b=urn:x)', 'a:b', 'not an XML NCName'],
    ['?xmlns(=urn:x)', '=', 'not an XML NCName'],
    ['?xmlns(p=)', ')', 'namespace name bound to "p" is empty'],
    ['?xmlns(xmlns=urn:x)', 'xmlns=', 'prefix "xmlns" cannot be bound'],
    ['?xmlns(xml=urn:x)', 'urn:x', 'belong only to each other'],
    ['?xmlns(x=http://www.w3.org/XML/1998/namespace)', 'http', 'belong only to each other'],
    ['?xmlns(x=http://www.w3.org/2000/xmlns/)', 'http', 'cannot be bound'],
    ['?xmlns(p=urn:a)xmlns(p=urn:b)', 'p=urn:b', 'bound twice'],
    ['?xmlns(p=urn:a%5Eb)', '%5Eb', 'must be followed by "(", ")" or "^"'],
  ])('%j', (query, at, message) => {
    const text = base + query;
    const column = text.lastIndexOf(at) + 1;
    const error = expectXcapErrorAt(() => parseXcapUri(text), 'invalid-uri', column);
    expect(error.message).toContain(message);
  });

  it('rejects a query on a directory URI', () => {
    const text = 'http://h/r/a/users/x/?xmlns(p=urn:x)';
    expect(expectXcapErrorAt(() => parseXcapUri(text), 'invalid-uri', columnOf(text, '?')).message).toContain('directory URI takes no query');
  });
});

describe('buildXcapUri rejects values no URI can carry', () => {
  const valid: XcapUri = {
    kind: 'document',
    root: 'https://xcap.example.com/services',
    auid: 'resource-lists',
    scope: { kind: 'users', xui: 'sip:alice@example.com' },
    documentPath: ['index'],
    nodeSelector: 'resource-lists/list[@name="friends"]',
    namespaces: { rl: 'urn:ietf:params:xml:ns:resource-lists' },
  };

  it.each<[string, Partial<XcapUri>, string]>([
    ['root with another scheme', { root: 'ftp://h' }, 'not http or https'],
    ['root with a trailing slash', { root: 'http://h/' }, 'does not end with "/"'],
    ['root with a query', { root: 'http://h/a?b' }, 'no query or fragment'],
    ['root with raw space', { root: 'http://h/a b' }, 'must be percent-encoded'],
    ['root with a dot segment', { root: 'http://h/../a' }, 'dot segment'],
    ['root with an empty host', { root: 'http://' }, 'authority (host) is empty'],
    ['empty AUID', { auid: '' }, 'the AUID is empty'],
    ['dot AUID', { auid: '.' }, 'the AUID is the dot segment'],
    ['empty XUI', { scope: { kind: 'users', xui: '' } }, 'the XUI is empty'],
    ['dot XUI', { scope: { kind: 'users', xui: '..' } }, 'the XUI is the dot segment'],
    ['XUI with a control character', { scope: { kind: 'users', xui: 'a\nb' } }, 'control character U+000A'],
    ['XUI with an unpaired surrogate', { scope: { kind: 'users', xui: 'a\uDC00' } }, 'unpaired surrogate'],
    ['document without scope', { scope: null }, 'needs a scope'],
    ['document without path', { documentPath: [] }, 'at least the document name'],
    ['empty document segment', { documentPath: ['a', ''] }, 'document path segment is empty'],
    ['"~~" document segment', { documentPath: ['~~'] }, 'cannot be "~~"'],
    ['dot document segment', { documentPath: ['..', 'index'] }, 'dot segment'],
    ['empty node selector', { nodeSelector: '' }, 'node selector is empty'],
    ['node selector with a dot step', { nodeSelector: 'a/../b' }, 'step ".."'],
    ['node selector with a control character', { nodeSelector: 'a\u0000' }, 'control character U+0000'],
    ['bad prefix', { namespaces: { '1x': 'urn:x' } }, 'not an XML NCName'],
    ['empty namespace name', { namespaces: { p: '' } }, 'is empty'],
    ['xmlns prefix', { namespaces: { xmlns: 'urn:x' } }, 'cannot be bound'],
    ['namespace with a control character', { namespaces: { p: 'urn:\u0007' } }, 'control character U+0007'],
    ['legacy-looking path without selector', { documentPath: ['pf.xml', 'resource-lists'], nodeSelector: null }, 'pre-RFC 4825 form'],
    ['unknown kind', { kind: 'file' as XcapUri['kind'] }, 'kind must be'],
    ['directory with a document path', { kind: 'directory' }, 'directory URI has an empty document path'],
    ['directory with a node selector', { kind: 'directory', documentPath: [] }, 'takes no node selector'],
    ['directory with namespaces', { kind: 'directory', documentPath: [], nodeSelector: null }, 'takes no namespace bindings'],
  ])('%s', (_, overrides, message) => {
    const uri = { ...valid, ...overrides };
    expect(expectXcapError(() => buildXcapUri(uri), 'invalid-argument').message).toContain(message);
    expect(expectXcapError(() => formatXcapUriForDisplay(uri), 'invalid-argument').message).toContain(message);
  });

  it('rejects values of the wrong type (data from outside the type system)', () => {
    const broken = [
      { ...valid, root: 1 },
      { ...valid, auid: null },
      { ...valid, documentPath: 'index' },
      { ...valid, documentPath: [1] },
      { ...valid, nodeSelector: 3 },
      { ...valid, namespaces: null },
      { ...valid, namespaces: { p: 1 } },
      { ...valid, scope: { kind: 'users' } },
      { ...valid, scope: 'global' },
    ];
    for (const uri of broken) expectXcapError(() => buildXcapUri(uri as unknown as XcapUri), 'invalid-argument');
  });
});

describe('control characters are named wherever they are', () => {
  it.each([
    ['\nhttp://h/r/a/global/d', 1],
    ['http://h\u0000x/r/a/global/d', 9],
    ['http://h/r/a/global/d?xmlns(p=urn:\u0007)', 35],
    ['http://h/r/a/global/d/~~/a\u009f', 27],
  ])('%j', (text, column) => {
    expect(expectXcapErrorAt(() => parseXcapUri(text), 'invalid-uri', column).message).toContain('Control character');
  });
});
