/**
 * Where the built renderer is, building it first when it is missing or older than its sources (a
 * checkout after `npm install`). Vite's output goes to stderr: stdout's first line is the URL.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_DIST = join(PROJECT_ROOT, 'dist', 'renderer');

export async function ensureRendererBuilt(log: (line: string) => void): Promise<string> {
  const index = join(RENDERER_DIST, 'index.html');
  const sources = [join(PROJECT_ROOT, 'renderer'), join(PROJECT_ROOT, 'shared')];
  if (existsSync(index) && !sources.some((dir) => existsSync(dir) && newestMtime(dir) > statSync(index).mtimeMs)) return RENDERER_DIST;
  const vite = join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) throw new Error(`the renderer in ${RENDERER_DIST} is missing or older than its sources, and Vite is not installed to build it: run npm install, then npm run build`);
  log('xcap-console: building the renderer (vite build)…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.pipe(process.stderr);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code})`))));
  });
  return RENDERER_DIST;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name.endsWith('.test.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}
