import { describe, expect, it } from 'vitest';
import { buildXcapUri, formatXcapUriForDisplay, parseXcapUri, parseXcapUriLenient, type XcapUri } from './index';
import { expectXcapError, expectXcapErrorAt } from './test-support/expect-xcap-error';

const ROOT = 'https://xcap.example.com/services/resource-lists/users/sip:alice@example.com/index';

function withSelector(nodeSelector: string, namespaces: Record<string, string> = {}): XcapUri {
  return {
    kind: 'document',
    root: 'https://xcap.example.com/services',
    auid: 'resource-lists',
    scope: { kind: 'users', xui: 'sip:alice@example.com' },
    documentPath: ['index'],
    nodeSelector,
    namespaces,
  };
}

describe('formatXcapUriForDisplay', () => {
  it('shows the node selector as engineers type it', () => {
    const uri = withSelector('resource-lists/list[@name="friends"]/entry[1]', { rl: 'urn:ietf:params:xml:ns:resource-lists' });
    expect(buildXcapUri(uri)).toBe(`${ROOT}/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B1%5D?xmlns(rl=urn:ietf:params:xml:ns:resource-lists)`);
    expect(formatXcapUriForDisplay(uri)).toBe(`${ROOT}/~~/resource-lists/list[@name="friends"]/entry[1]?xmlns(rl=urn:ietf:params:xml:ns:resource-lists)`);
  });

  it('shows "/", "?", "#", spaces and non-ASCII inside quoted values as typed', () => {
    const uri = withSelector('entry[@uri="sip:bob@example.com?subject=hi there#x/y"]/display-name[@xml:lang="日本"]');
    expect(formatXcapUriForDisplay(uri)).toBe(`${ROOT}/~~/entry[@uri="sip:bob@example.com?subject=hi there#x/y"]/display-name[@xml:lang="日本"]`);
  });

  it('escapes only what would change the meaning of pasted text', () => {
    expect(formatXcapUriForDisplay(withSelector('a[@p="50%"]/b?c#d  '))).toBe(`${ROOT}/~~/a[@p="50%25"]/b%3Fc%23d%20%20`);
    // An unbalanced quote cannot be trusted to protect "?" and "#".
    expect(formatXcapUriForDisplay(withSelector('entry[@name=user2"?]'))).toBe(`${ROOT}/~~/entry[@name=user2"%3F]`);
  });

  it('shows documents and directories without a selector in canonical form', () => {
    const uri: XcapUri = { ...withSelector(''), nodeSelector: null };
    expect(formatXcapUriForDisplay(uri)).toBe(ROOT);
  });
});

describe('parseXcapUriLenient', () => {
  it('reads the selector typed unencoded as the encoded URI', () => {
    const typed = `${ROOT}/~~/resource-lists/list[@name="friends"]/entry[1]`;
    const wire = `${ROOT}/~~/resource-lists/list%5B@name=%22friends%22%5D/entry%5B1%5D`;
    expect(parseXcapUriLenient(typed)).toEqual(parseXcapUri(wire));
    expect(parseXcapUriLenient(wire)).toEqual(parseXcapUri(wire));
  });

  it('keeps "?" and "#" inside quoted values in the selector and finds the query after it', () => {
    const uri = parseXcapUriLenient(`${ROOT}/~~/entry[@uri="sip:b@x?a=1#f"]/@uri?xmlns(p=urn:x)`);
    expect(uri.nodeSelector).toBe('entry[@uri="sip:b@x?a=1#f"]/@uri');
    expect(uri.namespaces).toEqual({ p: 'urn:x' });
  });

  it('falls back to the first "?" when a quote is never closed', () => {
    const uri = parseXcapUriLenient(`${ROOT}/~~/entry[@name=user2"]?xmlns(p=urn:x)`);
    expect(uri.nodeSelector).toBe('entry[@name=user2"]');
    expect(uri.namespaces).toEqual({ p: 'urn:x' });
  });

  it('accepts raw spaces, non-ASCII and typed "%"', () => {
    const uri = parseXcapUriLenient('http://h/s/resource-lists/users/sip:jörg@x/my index/~~/l[@n="50% ü"]');
    expect(uri).toMatchObject({ scope: { kind: 'users', xui: 'sip:jörg@x' }, documentPath: ['my index'], nodeSelector: 'l[@n="50% ü"]' });
    expect(buildXcapUri(uri)).toBe('http://h/s/resource-lists/users/sip:j%C3%B6rg@x/my%20index/~~/l%5B@n=%2250%25%20%C3%BC%22%5D');
  });

  it('strips surrounding whitespace and a request line, and counts columns in the text given', () => {
    const uri = parseXcapUriLenient(`\n  PUT ${ROOT}/~~/a[1] HTTP/1.1\r\n`);
    expect(uri.nodeSelector).toBe('a[1]');
    const text = `  ${ROOT}/~~/a/../b`;
    expectXcapErrorAt(() => parseXcapUriLenient(text), 'invalid-uri', text.indexOf('~~/') + 4);
  });

  it('rejects fragments outside quoted values', () => {
    const text = `${ROOT}/~~/a[1]#top`;
    expect(expectXcapErrorAt(() => parseXcapUriLenient(text), 'invalid-uri', text.indexOf('#') + 1).message).toContain('Fragments');
    const inQuery = `${ROOT}/~~/a?xmlns(p=urn:x)#f`;
    expectXcapErrorAt(() => parseXcapUriLenient(inQuery), 'invalid-uri', inQuery.indexOf('#') + 1);
    const noSelector = `${ROOT}#f`;
    expectXcapErrorAt(() => parseXcapUriLenient(noSelector), 'invalid-uri', noSelector.indexOf('#') + 1);
  });

  it('still rejects control characters inside the URI and bytes that are not UTF-8', () => {
    expectXcapError(() => parseXcapUriLenient(`${ROOT}/~~/a\tb`), 'invalid-uri');
    expectXcapError(() => parseXcapUriLenient(`${ROOT}/~~/a[@n="%E9"]`), 'invalid-percent-encoding');
  });

  it('still requires the root to be a valid URI as written', () => {
    expect(expectXcapError(() => parseXcapUriLenient('http://h/my root/a/users/x/d'), 'invalid-uri').message).toContain('must be percent-encoded');
  });

  it('inverts formatXcapUriForDisplay', () => {
    for (const selector of ['a[@p="50%"]/b?c#d  ', 'entry[@name=user2"?]#', "x[@a='?#/\"']", '%41', 'é/ü[@x="😀"]']) {
      const uri = withSelector(selector, { p: 'urn:it(s)' });
      expect(parseXcapUriLenient(formatXcapUriForDisplay(uri))).toEqual(uri);
    }
  });
});
