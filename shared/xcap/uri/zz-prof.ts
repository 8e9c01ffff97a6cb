import { parseXcapUri, parseXcapUriLenient, detectLegacyXcapUri } from './index';
import { PathReader } from './path-reader';
import { percentDecode } from './percent';
const M = 1 << 20;
const fill = (u: string, n = M) => u.repeat(Math.ceil(n / u.length)).slice(0, n);
const D = 'https://xcap.example.com/services/resource-lists/users/sip:alice@example.com/index';
const texts: Record<string, string> = { slashes: `http://h${fill('/')}`, deep: `${D}${fill('/a')}`, sel: `${D}/~~/${fill('list%5B@name=%22x%22%5D/')}entry` };
function t(name: string, f: () => unknown) { for (let i = 0; i < 3; i++) { const s = performance.now(); try { f(); } catch {} if (i === 2) console.log(name, (performance.now() - s).toFixed(1)); } }
for (const [k, v] of Object.entries(texts)) {
  t(k + ' strict', () => parseXcapUri(v));
  t(k + ' legacy', () => detectLegacyXcapUri(v));
  t(k + ' reader', () => { const r = new PathReader(v, 8, v.length, 'strict'); for (let i = 0; i < r.segments.length; i++) r.decoded(i); });
  t(k + ' decode', () => percentDecode(v.slice(8)));
}
