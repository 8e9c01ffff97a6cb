// `npm start`: the Electron app when Electron can start here; otherwise one clear line on stderr and
// browser mode instead (its URL is then the first line of standard output).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const extra = process.argv.slice(2);

function electronBinary() {
  if (process.env.XCAP_NO_ELECTRON === '1') return { error: 'XCAP_NO_ELECTRON=1 is set' };
  // require('electron') resolves the binary, downloading it on first use; this fails without network.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (probe.status !== 0 || !probe.stdout) {
    if (probe.error) return { error: `looking for the Electron binary failed: ${probe.error.message}` };
    const lines = `${probe.stderr ?? ''}`.split('\n').map((l) => l.trim());
    const network = lines.find((l) => /fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|certificate/i.test(l));
    return { error: `the Electron binary is missing and could not be downloaded${network ? `: ${network}` : ''}` };
  }
  return existsSync(probe.stdout) ? { path: probe.stdout } : { error: `the Electron binary is missing (${probe.stdout})` };
}

function browserMode(reason) {
  process.stderr.write(`xcap-console: Electron cannot start here (${reason}); starting browser mode instead.\n`);
  const child = spawn(process.execPath, [fileURLToPath(new URL('../bin/xcap.js', import.meta.url)), 'web', ...extra], { cwd: root, stdio: 'inherit' });
  forward(child);
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

const found = electronBinary();
if (found.error) browserMode(found.error);
else {
  const built = spawnSync(process.execPath, ['scripts/build.js'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const started = Date.now();
  const child = spawn(found.path, ['.', ...extra], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  child.on('error', (error) => browserMode(error.message));
  child.on('exit', (code, signal) => {
    // Electron that dies at once (no display, missing system libraries) is "cannot start", not a crash of the app.
    if (code !== 0 && Date.now() - started < 5000) browserMode(stderr.trim().split('\n').pop() || `electron exited with ${code ?? signal}`);
    else process.exit(code ?? 1);
  });
}
