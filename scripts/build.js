// `npm run build`: the renderer (Vite) into dist/renderer and the Electron main + preload (esbuild)
// into dist/electron. Build output goes to stderr.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const step of [['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], ['scripts/build-electron.js']]) {
  const result = spawnSync(process.execPath, step, { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
