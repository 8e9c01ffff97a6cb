import { parseXcapUri } from './index';
const M = 1 << 20;
const fill = (u: string, n = M) => u.repeat(Math.ceil(n / u.length)).slice(0, n);
const D = 'https://xcap.example.com/services/resource-lists/users/sip:alice@example.com/index';
const v = process.argv[2] === 'slashes' ? `http://h${fill('/')}` : `${D}${fill('/a')}`;
for (let i = 0; i < 15; i++) { const s = performance.now(); try { parseXcapUri(v); } catch {} console.log((performance.now() - s).toFixed(1)); }
