// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS: sandboxed preloads
// cannot be modules) into dist/electron/. Dependencies stay in node_modules (electron-builder packs them).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: 'linked', logLevel: 'warning', external: ['electron'] };

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.js', format: 'esm', packages: 'external' }),
  // The preload bundles what it imports (the contract): a sandboxed preload can only require('electron').
  build({ ...common, entryPoints: ['electron/main/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
]);
