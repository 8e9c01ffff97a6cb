/**
 * Browser mode as users start it: `xcap web --port 0 --config DIR` in a child process. The URL is
 * its first line of standard output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { groupAlive } from '../../support/process-group';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export interface BrowserModeProcess {
  readonly url: string;
  readonly origin: string;
  readonly configDir: string;
  /** The first line of standard output, whatever it was. */
  readonly firstLine: string;
  readonly stderr: () => string;
  stop(): Promise<void>;
}

export async function startBrowserModeProcess(options: { configDir?: string; args?: readonly string[]; command?: readonly string[] } = {}): Promise<BrowserModeProcess> {
  const configDir = options.configDir ?? (await mkdtemp(join(tmpdir(), 'xcap-web-')));
  const command = options.command ?? [process.execPath, join(ROOT, 'bin', 'xcap.js'), 'web', '--port', '0', '--config', configDir, ...(options.args ?? [])];
  // XCAP_KEYCHAIN=memory: parallel tests must not share the OS keychain's accounts.
  const [program, ...programArgs] = command;
  if (!program) throw new Error('empty command');
  const child = spawn(program, programArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, XDG_CONFIG_HOME: join(configDir, 'xdg'), XCAP_KEYCHAIN: 'memory' } });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const { url, firstLine } = await firstUrlLine(child, () => stderr);
  return {
    url,
    firstLine,
    origin: new URL(url).origin,
    configDir,
    stderr: () => stderr,
    async stop() {
      await stopProcessGroup(child);
      if (!options.configDir) await rm(configDir, { recursive: true, force: true });
    },
  };
}

function firstUrlLine(child: ChildProcess, stderr: () => string): Promise<{ url: string; firstLine: string }> {
  let firstLine: string | null = null;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode printed no URL within 90 s; stderr:\n${stderr()}`)), 90_000);
    if (!child.stdout) return reject(new Error('no stdout'));
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      firstLine ??= line;
      if (!/^https?:\/\//.test(line)) return;
      clearTimeout(timer);
      resolve({ url: line.trim(), firstLine });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited (${code}) before printing its URL; stderr:\n${stderr()}`));
    });
  });
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (child.exitCode !== null || pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  // The group may outlive its leader (npm exits before the browser-mode process it started has
  // finished closing its store): wait until the whole group is gone before the caller removes
  // the configuration directory.
  // Bounded: an orphan's zombie (if nothing reaps it) answers kill(0) too.
  for (const deadline = Date.now() + 10_000; groupAlive(pid) && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 50));
  clearTimeout(timer);
}
