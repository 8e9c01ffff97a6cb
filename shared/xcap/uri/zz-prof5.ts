import { buildXcapUri, parseXcapUri, parseXcapUriLenient, type XcapUri } from './index';
const M = 1 << 20;
const fill = (u: string, n = M) => u.repeat(Math.ceil(n / u.length)).slice(0, n);
const D = 'https://xcap.example.com/services/resource-lists/users/sip:alice@example.com/index';
const valid: XcapUri = { kind: 'document', root: 'https://xcap.example.com/services', auid: 'resource-lists', scope: { kind: 'users', xui: fill('é', M / 6) },
  documentPath: Array.from({ length: 40_000 }, (_, i) => `dir${i}`).concat('index'), nodeSelector: fill('list[@name="a/b?c"]/', M / 4) + 'entry', namespaces: { p: fill('urn:x(y)^', M / 8) } };
function manyBindings(): Record<string, string> { const n: Record<string, string> = {}; for (let i = 0; JSON.stringify(n).length < M; i++) n[`p${i}`] = `urn:example:ns:${i}`; return n; }
const which = process.argv[2];
const v = which === 'valid' ? buildXcapUri(valid) : which === 'percent' ? `${D}/${fill('%')}` : which === 'slashes' ? `http://h${fill('/')}` : which === 'bindings' ? buildXcapUri({ ...valid, scope: { kind: 'global' }, documentPath: ['index'], nodeSelector: 'a', namespaces: manyBindings() }) : `http://h${fill('/a')}/`;
for (let i = 0; i < 10; i++) { try { parseXcapUri(v); } catch {} try { parseXcapUriLenient(v); } catch {} }
