/** fast-check generators of XcapUri values, biased towards the characters that break URIs. */
import fc from 'fast-check';
import { encodePathSegment, percentDecode } from '../percent';
import { segmentProblem } from '../segments';
import type { XcapUri } from '../xcap-uri';
import { nodeSelectorProblem, xcapUriProblem } from '../xcap-uri-rules';
import { namespaceBindingProblem } from '../xmlns-query';

/** Any Unicode scalar value that is not a control character. */
const anyPrintable = fc
  .integer({ min: 0x20, max: 0x10ffff })
  .filter((code) => code !== 0x7f && !(code >= 0x80 && code <= 0x9f) && !(code >= 0xd800 && code <= 0xdfff))
  .map((code) => String.fromCodePoint(code));

const tricky = fc.constantFrom(...'/?#%[]"\'<>^`{|}\\ :@!$&()*+,;=~-._', '%41', '%zz', '~~', '..', 'é', 'ü', '日', '😀', '\u00a0', '\u200b', 'users', 'global', '.xml');
const plain = fc.constantFrom(...'abcxyzABC0129');

export const text = (minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ arbitrary: plain, weight: 4 }, { arbitrary: tricky, weight: 3 }, { arbitrary: anyPrintable, weight: 2 }), { minLength, maxLength }).map((parts) => parts.join(''));

export const segment = text(1, 8).filter((value) => value !== '~~' && segmentProblem(value, 'segment') === null);

const auid = fc.oneof(fc.constantFrom('resource-lists', 'pres-rules', 'org.openmobilealliance.pres-rules', 'xcap-caps', 'users', 'global', '~~'), segment);

const xui = fc.oneof(
  fc.constantFrom('sip:alice@example.com', 'tel:+1-201-555-0123;phone-context=x', 'users', 'global', '~~'),
  segment.map((user) => `sip:${user}@example.com`),
  segment,
);

const documentPath = fc.array(fc.oneof(segment, segment.map((name) => `${name}.xml`), fc.constantFrom('index', 'pf.xml', 'resource-lists')), {
  minLength: 1,
  maxLength: 4,
});

const quotedValue = (quote: string): fc.Arbitrary<string> => text(0, 10).map((value) => value.split(quote).join(''));
const step = fc
  .tuple(
    fc.constantFrom('resource-lists', 'list', 'entry', 'rl:list', '*', 'display-name', 'é'),
    fc.oneof(
      fc.constant(''),
      fc.integer({ min: 1, max: 99 }).map((position) => `[${position}]`),
      quotedValue('"').map((value) => `[@name="${value}"]`),
      quotedValue("'").map((value) => `[@uri='${value}']`),
    ),
  )
  .map(([name, predicate]) => name + predicate);
const realisticSelector = fc
  .tuple(fc.array(step, { minLength: 1, maxLength: 4 }), fc.constantFrom('', '/@name', '/namespace::*'))
  .map(([steps, terminal]) => steps.join('/') + terminal);

export const nodeSelector = fc.oneof(realisticSelector, text(1, 24)).filter((selector) => nodeSelectorProblem(selector) === null);

const prefix = fc.oneof(fc.constantFrom('p', 'rl', 'cp', '__proto__', 'é', 'a.b-c_d', 'constructor'), fc.stringMatching(/^[a-z_][a-z0-9._-]{0,6}$/));
const namespaceName = fc.oneof(
  fc.constantFrom('urn:ietf:params:xml:ns:resource-lists', 'http://example.com/ns?x=1#f', 'urn:a(b)^c', 'urn:)(', "it's \"quoted\""),
  text(1, 20),
);
export const namespaces = fc
  .uniqueArray(fc.tuple(prefix, namespaceName), { selector: ([name]) => name, maxLength: 4 })
  .map((entries) => entries.filter(([name, value]) => namespaceBindingProblem(name, value) === null))
  .map((entries) => Object.fromEntries(entries) as Record<string, string>);

const rootPathSegment = fc.oneof(segment.map(encodePathSegment), fc.constantFrom('services', 'xcap-root', 'users', 'global', '~~', '%7Eroot', 'a%2fb'));
export const root = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTP', 'hTTps'),
    fc.constantFrom('xcap.example.com', '127.0.0.1', '[::1]', '[2001:db8::1]', 'XCAP.Example.COM', 'h', 'xn--bcher-kva.example'),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    fc.array(rootPathSegment, { maxLength: 3 }),
  )
  .map(([scheme, host, port, path]) => `${scheme}://${host}${port === undefined ? '' : `:${port}`}${path.map((part) => `/${part}`).join('')}`);

const scope = fc.oneof(fc.constant({ kind: 'global' as const }), xui.map((value) => ({ kind: 'users' as const, xui: value })));

const documentUri: fc.Arbitrary<XcapUri> = fc.record({
  kind: fc.constant('document' as const),
  root,
  auid,
  scope,
  documentPath,
  nodeSelector: fc.option(nodeSelector, { nil: null }),
  namespaces,
});

const directoryUri: fc.Arbitrary<XcapUri> = fc.record({
  kind: fc.constant('directory' as const),
  root,
  auid,
  scope: fc.option(scope, { nil: null }),
  documentPath: fc.constant([]),
  nodeSelector: fc.constant(null),
  namespaces: fc.constant({}),
});

/** Valid XcapUri values (buildXcapUri accepts them). */
export const xcapUri: fc.Arbitrary<XcapUri> = fc
  .oneof({ arbitrary: documentUri, weight: 4 }, { arbitrary: directoryUri, weight: 1 })
  .filter((uri) => xcapUriProblem(uri) === null);

/**
 * Whether the parser finds u.root without options.root: no segment of root path + AUID may
 * be "~~", and none after the first may be "users" or "global" (see parseXcapUri).
 */
export function rootIsDetectable(uri: XcapUri): boolean {
  const path = uri.root.replace(/^[^:]+:\/\/[^/]*/, '');
  const segments = [...(path === '' ? [] : path.slice(1).split('/').map((part) => percentDecode(part))), uri.auid];
  return segments.every((value, index) => value !== '~~' && (index === 0 || (value !== 'users' && value !== 'global')));
}
