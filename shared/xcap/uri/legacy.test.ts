import { describe, expect, it } from 'vitest';
import { detectLegacyXcapUri, parseXcapUri, parseXcapUriLenient } from './index';
import { selectorTypoProblem } from './selector-typos';
import { expectXcapErrorAt } from './test-support/expect-xcap-error';

// 3GPP TS 24.141 annex A.8 (pre-RFC 4825 draft syntax).
const QUERY_FORM =
  'http://xcap.home1.net/services/resource-lists/users/user1/pf.xml?resource-lists/list[@name="Presence_fellows"]/entry';
const PATH_FORM =
  'http://xcap.home1.net/services/permission-statements/users/user1/ps.xml/permission-statements/statement[@id="dsafa43232"]/permissions/show-namespace';
const REQUEST_LINE_FORM = `PUT ${QUERY_FORM}`;
const TYPO_FORM = 'http://xcap.home1.net/services/resource-lists/users/user1/pf.xml?resource-lists/list[@name="Presence_fellows"]/entry[@name=user2"]';

const QUERY_FORM_RFC =
  'http://xcap.home1.net/services/resource-lists/users/user1/pf.xml/~~/resource-lists/list%5B@name=%22Presence_fellows%22%5D/entry';
const PATH_FORM_RFC =
  'http://xcap.home1.net/services/permission-statements/users/user1/ps.xml/~~/permission-statements/statement%5B@id=%22dsafa43232%22%5D/permissions/show-namespace';

describe('detectLegacyXcapUri', () => {
  it.each([
    ['query-selector', QUERY_FORM, QUERY_FORM_RFC, QUERY_FORM.indexOf('?') + 2],
    ['path-selector', PATH_FORM, PATH_FORM_RFC, PATH_FORM.indexOf('permission-statements/statement') + 1],
    ['query-selector', REQUEST_LINE_FORM, QUERY_FORM_RFC, REQUEST_LINE_FORM.indexOf('?') + 2],
  ])('recognises the %s form of %s', (form, text, suggestion, column) => {
    const report = detectLegacyXcapUri(text);
    expect(report).toMatchObject({ form, suggestion, column });
    expect(report?.message).toContain('pre-RFC 4825');
    expect(report?.message).toContain('draft-ietf-simple-xcap');
    expect(report?.message).toContain('TS 24.141 annex A.8');
    expect(report?.message).toContain(form === 'query-selector' ? 'in the query' : 'follows the document name directly');
    expect(report?.message).toContain(suggestion);
    expect(report?.message).not.toContain('malformed');
  });

  it('gives suggestions that parse to the request the legacy URI meant', () => {
    expect(parseXcapUri(QUERY_FORM_RFC)).toMatchObject({ documentPath: ['pf.xml'], nodeSelector: 'resource-lists/list[@name="Presence_fellows"]/entry' });
    expect(parseXcapUri(PATH_FORM_RFC)).toMatchObject({
      documentPath: ['ps.xml'],
      nodeSelector: 'permission-statements/statement[@id="dsafa43232"]/permissions/show-namespace',
    });
  });

  it('handles the A.8.2-5 typo entry[@name=user2"] without crashing, and says the selector is malformed', () => {
    const report = detectLegacyXcapUri(TYPO_FORM);
    expect(report?.form).toBe('query-selector');
    expect(report?.suggestion).toBe(
      'http://xcap.home1.net/services/resource-lists/users/user1/pf.xml/~~/resource-lists/list%5B@name=%22Presence_fellows%22%5D/entry%5B@name=user2%22%5D',
    );
    expect(report?.message).toContain('the node selector itself looks malformed');
    expect(report?.message).toContain('not quoted');
    expect(parseXcapUri(report?.suggestion ?? '').nodeSelector).toBe('resource-lists/list[@name="Presence_fellows"]/entry[@name=user2"]');
  });

  it('recognises legacy forms that were percent-encoded, a trailing HTTP version and whitespace', () => {
    const encoded = 'http://xcap.home1.net/services/resource-lists/users/user1/pf.xml?resource-lists/list%5B@name=%22Presence_fellows%22%5D/entry';
    expect(detectLegacyXcapUri(encoded)?.suggestion).toBe(QUERY_FORM_RFC);
    expect(detectLegacyXcapUri(`  GET ${PATH_FORM} HTTP/1.1\r\n`)?.suggestion).toBe(PATH_FORM_RFC);
  });

  it('carries xmlns() bindings of a path-form URI into the suggestion', () => {
    const report = detectLegacyXcapUri('http://h/s/resource-lists/users/u/pf.xml/rl:resource-lists/rl:list?xmlns(rl=urn:ietf:params:xml:ns:resource-lists)');
    expect(report?.suggestion).toBe('http://h/s/resource-lists/users/u/pf.xml/~~/rl:resource-lists/rl:list?xmlns(rl=urn:ietf:params:xml:ns:resource-lists)');
  });

  it('uses options.root to find the document', () => {
    const report = detectLegacyXcapUri('http://h/users/x/resource-lists/global/pf.xml?resource-lists/list', { root: 'http://h/users/x' });
    expect(report?.suggestion).toBe('http://h/users/x/resource-lists/global/pf.xml/~~/resource-lists/list');
  });

  it.each([
    ['an RFC 4825 URI', QUERY_FORM_RFC],
    ['an RFC 4825 URI with bindings', 'http://h/s/a/users/u/pf.xml/~~/p:x?xmlns(p=urn:x)'],
    ['a document without a selector', 'http://h/s/a/users/u/pf.xml'],
    ['a document inside an ".xml" directory', 'http://h/s/a/users/u/backup.xml/pf.xml'],
    ['a path after a document name without extension (indistinguishable from a deeper path)', 'http://h/s/a/users/u/index/resource-lists/list'],
    ['a query that is not a selector', 'http://h/s/a/users/u/pf.xml?foo=bar'],
    ['a query with another XPointer scheme', 'http://h/s/a/users/u/pf.xml?xpointer(/a)'],
    ['a directory', 'http://h/s/a/users/u/'],
    ['text that is no URI', 'resource-lists/list[@name="x"]'],
    ['an empty string', ''],
    ['a URI whose root cannot be found', 'http://h/a/b.xml?x'],
    ['a legacy form whose suggestion cannot be built', 'http://h/s/a/users/u/pf.xml/resource-lists/../list'],
  ])('returns null for %s', (_, text) => {
    expect(detectLegacyXcapUri(text)).toBeNull();
  });
});

describe('parsers refuse legacy URIs instead of misreading them', () => {
  it.each([QUERY_FORM, PATH_FORM, REQUEST_LINE_FORM, TYPO_FORM])('%s', (text) => {
    const report = detectLegacyXcapUri(text);
    if (report === null) throw new Error('expected a report');
    const strict = expectXcapErrorAt(() => parseXcapUri(text), 'legacy-uri', report.column);
    expect(strict.message).toBe(report.message);
    expect(expectXcapErrorAt(() => parseXcapUriLenient(text), 'legacy-uri', report.column).message).toBe(report.message);
  });
});

describe('legacy path form reached by a successful RFC 4825 read', () => {
  it('reports it the same way the detector does', () => {
    const text = 'http://h/s/resource-lists/users/u/pf.xml/resource-lists/list?xmlns(p=urn:x)';
    const report = detectLegacyXcapUri(text);
    expect(report?.suggestion).toBe('http://h/s/resource-lists/users/u/pf.xml/~~/resource-lists/list?xmlns(p=urn:x)');
    for (const parse of [parseXcapUri, parseXcapUriLenient]) {
      expect(expectXcapErrorAt(() => parse(text), 'legacy-uri', report?.column ?? 0).message).toBe(report?.message);
    }
  });
});

describe('selectorTypoProblem', () => {
  it.each([
    ['resource-lists/list[@name="friends"]/entry[1]', null],
    ["list[@name='a\"b']", null],
    ['list[@name = "x"]', null],
    ['entry[@name=user2"]', 'the attribute value after "=" at index 11 is not quoted'],
    ['entry[@name="user2]', 'a quoted value opened with " is never closed'],
    ['entry[@name="user2"', 'a "[" is never closed'],
    ['entry]', '"]" at index 5 closes no "["'],
  ])('%s', (selector, problem) => {
    expect(selectorTypoProblem(selector)).toBe(problem);
  });
});
