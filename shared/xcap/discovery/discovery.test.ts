import { describe, expect, it } from 'vitest';
import { isXcapCoreError } from '../errors';
import { parseXcapCaps, parseXcapDirectory } from './index';

describe('parseXcapCaps', () => {
  it('reads auids, extensions and namespaces', () => {
    const caps = parseXcapCaps(`<?xml version="1.0"?>
<xcap-caps xmlns="urn:ietf:params:xml:ns:xcap-caps">
  <auids><auid>xcap-caps</auid><auid> resource-lists </auid><auid>a&amp;b</auid></auids>
  <extensions/>
  <namespaces><namespace>urn:ietf:params:xml:ns:resource-lists</namespace></namespaces>
</xcap-caps>`);
    expect(caps).toEqual({ auids: ['xcap-caps', 'resource-lists', 'a&b'], extensions: [], namespaces: ['urn:ietf:params:xml:ns:resource-lists'] });
  });

  it('refuses another document, and hostile XML', () => {
    expect(() => parseXcapCaps('<resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"/>')).toThrow(/not an xcap-caps document/);
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaa">]><xcap-caps xmlns="urn:ietf:params:xml:ns:xcap-caps"><auids><auid>&a;</auid></auids></xcap-caps>';
    expect(() => parseXcapCaps(bomb)).toThrow();
    try {
      parseXcapCaps(bomb);
    } catch (error) {
      expect(isXcapCoreError(error)).toBe(true);
    }
  });
});

describe('parseXcapDirectory', () => {
  it('reads folders and entries with their ETags', () => {
    const folders = parseXcapDirectory(`<xcap-directory xmlns="urn:oma:xml:xdm:xcap-directory">
  <folder auid="resource-lists"><entry uri="http://h/r/resource-lists/users/sip:a@b/index" etag="e1" last-modified="2026-01-01T00:00:00.000Z" size="10"/></folder>
  <folder auid="pres-rules"/>
</xcap-directory>`);
    expect(folders).toEqual([
      { auid: 'resource-lists', documents: [{ uri: 'http://h/r/resource-lists/users/sip:a@b/index', etag: 'e1', lastModified: '2026-01-01T00:00:00.000Z' }] },
      { auid: 'pres-rules', documents: [] },
    ]);
  });
});
