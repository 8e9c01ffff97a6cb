import { buildXcapUri, detectLegacyXcapUri, parseXcapUri, parseXcapUriLenient, type XcapUri } from './index';
const MEGABYTE = 1 << 20;
const DOCUMENT = 'https://xcap.example.com/services/resource-lists/users/sip:alice@example.com/index';
function fill(unit: string, length = MEGABYTE): string { return unit.repeat(Math.ceil(length / unit.length)).slice(0, length); }
function manyBindings(): Record<string, string> { const n: Record<string, string> = {}; for (let i = 0; JSON.stringify(n).length < MEGABYTE; i++) n[`p${i}`] = `urn:example:ns:${i}`; return n; }
const valid: XcapUri = { kind: 'document', root: 'https://xcap.example.com/services', auid: 'resource-lists', scope: { kind: 'users', xui: fill('é', MEGABYTE / 6) },
  documentPath: Array.from({ length: 40_000 }, (_, i) => `dir${i}`).concat('index'), nodeSelector: fill('list[@name="a/b?c"]/', MEGABYTE / 4) + 'entry', namespaces: { p: fill('urn:x(y)^', MEGABYTE / 8) } };
const inputs: [string, string][] = [
  ['valid', buildXcapUri(valid)], ['sel', `${DOCUMENT}/~~/${fill('list%5B@name=%22x%22%5D/')}entry`], ['unbal', `${DOCUMENT}/~~/entry[@name=user2"${fill('a/b?c#')}`],
  ['bindings', buildXcapUri({ ...valid, scope: { kind: 'global' }, documentPath: ['index'], nodeSelector: 'a', namespaces: manyBindings() })],
  ['deep', `${DOCUMENT}${fill('/a')}`], ['deeproot', `http://h${fill('/a')}/`], ['slashes', `http://h${fill('/')}`], ['legpath', `http://h/s/a/users/u/pf.xml${fill('/x')}`],
  ['legquery', `http://h/s/a/users/u/pf.xml?${fill('list[@n="v"]/')}`], ['parens', `${DOCUMENT}/~~/a?xmlns(p=${fill('(')}`], ['xmlns', `${DOCUMENT}/~~/a?${fill('xmlns(')}`],
  ['host', `http://${fill('a')}/r/a/global/d`], ['percent', `${DOCUMENT}/${fill('%')}`], ['letters', fill('a')], ['reqline', `PUT ${fill(' ')}`]];
for (const [name, text] of inputs) {
  const row = [name];
  for (const f of [parseXcapUri, parseXcapUriLenient, detectLegacyXcapUri]) {
    let best = 1e9;
    for (let i = 0; i < 4; i++) { const s = performance.now(); try { f(text); } catch (e) { if (i === 0 && f === parseXcapUri) row.push(String((e as Error).message).slice(0, 40)); } best = Math.min(best, performance.now() - s); }
    row.push(best.toFixed(0));
  }
  console.log(row.join(' | '));
}
