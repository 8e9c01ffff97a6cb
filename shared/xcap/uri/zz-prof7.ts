import { findForbiddenCharacter } from './forbidden-characters';
const s = 'list%5B@name=%22x%22%5D/'.repeat(50000);
const t = ('a' + s).slice(1);
for (const [n, v] of [['flat', s], ['sliced', t], ['cons', s + 'x']] as const) {
  for (let i = 0; i < 6; i++) { const st = performance.now(); findForbiddenCharacter(v, 0, v.length); const e = performance.now() - st; if (i >= 4) console.log(n, e.toFixed(2)); }
}
function plain(text: string) { let c = 0; for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 37) c++; return c; }
for (let i = 0; i < 6; i++) { const st = performance.now(); plain(s); const e = performance.now() - st; if (i >= 4) console.log('plain', e.toFixed(2)); }
