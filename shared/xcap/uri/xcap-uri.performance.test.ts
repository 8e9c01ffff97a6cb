import { describe, expect, it } from 'vitest';
import { isXcapCoreError } from '../errors';
import { buildXcapUri, detectLegacyXcapUri, parseXcapUri, parseXcapUriLenient, type XcapUri } from './index';

const MEGABYTE = 1 << 20;
// A guard against super-linear parsing (a quadratic scan of 1 MB takes minutes), not a benchmark:
// the slowest input takes ~180 ms of CPU on a busy 2-core machine, so the budget leaves room.
const BUDGET_MS = 1000;
const DOCUMENT = 'https://xcap.example.com/services/resource-lists/users/sip:alice@example.com/index';

function fill(unit: string, length = MEGABYTE): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function manyBindings(): Record<string, string> {
  const namespaces: Record<string, string> = {};
  for (let index = 0, size = 0; size < MEGABYTE; index++) {
    namespaces[`p${index}`] = `urn:example:ns:${index}`;
    size += `xmlns(p${index}=urn:example:ns:${index})`.length;
  }
  return namespaces;
}

const valid: XcapUri = {
  kind: 'document',
  root: 'https://xcap.example.com/services',
  auid: 'resource-lists',
  scope: { kind: 'users', xui: fill('é', MEGABYTE / 6) },
  documentPath: Array.from({ length: 40_000 }, (_, index) => `dir${index}`).concat('index'),
  nodeSelector: fill('list[@name="a/b?c"]/', MEGABYTE / 4) + 'entry',
  namespaces: { p: fill('urn:x(y)^', MEGABYTE / 8) },
};

const inputs: [string, string][] = [
  ['a valid URI with every part large', buildXcapUri(valid)],
  ['a long encoded selector', `${DOCUMENT}/~~/${fill('list%5B@name=%22x%22%5D/')}entry`],
  ['a typed selector with an unbalanced quote', `${DOCUMENT}/~~/entry[@name=user2"${fill('a/b?c#')}`],
  ['many namespace bindings', buildXcapUri({ ...valid, scope: { kind: 'global' }, documentPath: ['index'], nodeSelector: 'a', namespaces: manyBindings() })],
  ['deep document path', `${DOCUMENT}${fill('/a')}`],
  ['deep root without "users" or "global"', `http://h${fill('/a')}/`],
  ['slashes only', `http://h${fill('/')}`],
  ['a legacy path form', `http://h/s/a/users/u/pf.xml${fill('/x')}`],
  ['a legacy query form', `http://h/s/a/users/u/pf.xml?${fill('list[@n="v"]/')}`],
  ['unclosed parentheses in a binding', `${DOCUMENT}/~~/a?xmlns(p=${fill('(')}`],
  ['repeated xmlns(', `${DOCUMENT}/~~/a?${fill('xmlns(')}`],
  ['a huge host', `http://${fill('a')}/r/a/global/d`],
  ['percent signs', `${DOCUMENT}/${fill('%')}`],
  ['letters only', fill('a')],
  ['request line', `PUT ${fill(' ')}`],
];

/**
 * Milliseconds of CPU time this process spends parsing. CPU rather than wall-clock time:
 * test files run in parallel on few cores, and wall-clock time would measure the neighbours.
 */
function timeParse(parse: (text: string) => unknown, text: string): number {
  const before = process.cpuUsage();
  try {
    parse(text);
  } catch (error) {
    if (!isXcapCoreError(error)) throw error;
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('linear-time parsing', () => {
  it.each(inputs)(`%s: 1 MB parses or fails within ${BUDGET_MS} ms`, (_, text) => {
    expect(text.length).toBeGreaterThanOrEqual(MEGABYTE);
    for (const parse of [parseXcapUri, parseXcapUriLenient, detectLegacyXcapUri]) {
      // Warm-up: let the JIT compile the parser first (the budget is about linear work, not compilation).
      timeParse(parse, text);
      timeParse(parse, text);
      // The best of five runs measures the parser, not a garbage collection or another process that happened to run.
      const elapsed = Math.min(...Array.from({ length: 5 }, () => timeParse(parse, text)));
      expect(elapsed).toBeLessThan(BUDGET_MS);
    }
  });

  it('round-trips the large valid URI', () => {
    expect(parseXcapUri(buildXcapUri(valid))).toEqual(valid);
  });
});
