/** Runs keychain-probe.ts in a child process with the environment a test chooses. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The value the probe stores: tests look for it in everything the probe prints. */
export const PROBE_SECRET = 'probe-s3cret-ünïcødé-☃-42';
export const PROBE_ACCOUNT = 'profile:probe:password';

export type ProbeOutcome =
  | { readonly call: string; readonly ok: true; readonly result: string }
  | { readonly call: string; readonly ok: false; readonly code: string; readonly message: string; readonly json: string; readonly inspected: string };

export type ProbeMode = 'set-get-delete' | 'locked';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const PROBE = fileURLToPath(new URL('./keychain-probe.ts', import.meta.url));
const WITH_KEYRING = fileURLToPath(new URL('../../../.ci/with-keyring.sh', import.meta.url));

export interface ProbeRun {
  readonly outcomes: ProbeOutcome[];
  /** Everything the child printed, for "the secret never appears" checks. */
  readonly output: string;
}

/**
 * `env` replaces the D-Bus variables of this process. With `privateKeyring`, the probe runs under
 * .ci/with-keyring.sh: a Secret Service of its own that it may lock without disturbing other tests.
 */
export function runProbe(mode: ProbeMode, options: { env?: NodeJS.ProcessEnv; privateKeyring?: boolean } = {}): Promise<ProbeRun> {
  const node = [process.execPath, '--import', 'tsx', PROBE, mode];
  const [file, ...args] = options.privateKeyring ? ['bash', WITH_KEYRING, ...node] : node;
  // Without a display the keyring's unlock prompt (gcr-prompter) fails at once instead of waiting for a click.
  const headless = options.privateKeyring ? { DISPLAY: undefined, WAYLAND_DISPLAY: undefined } : {};
  return new Promise((resolve, reject) => {
    execFile(file as string, args, { cwd: REPO, env: { ...process.env, ...headless, ...options.env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      if (error) return reject(new Error(`the keychain probe failed: ${error.message}\n${output}`));
      const line = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve({ outcomes: JSON.parse(line) as ProbeOutcome[], output });
      } catch {
        reject(new Error(`the keychain probe printed no JSON line:\n${output}`));
      }
    });
  });
}
