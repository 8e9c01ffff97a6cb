import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { User } from '../sandbox/auth';
import { parseUserFlag, parseUsersFile } from '../sandbox/auth';
import { startSandboxServer } from '../sandbox/sandbox-server';
import { CliUsageError } from './cli-error';

/** Where the sandbox keeps its documents unless --data says otherwise. */
export function defaultSandboxDataDirectory(): string {
  const base = process.env.XDG_DATA_HOME || (process.platform === 'win32' ? process.env.APPDATA : undefined) || join(homedir(), '.local', 'share');
  return join(base ?? homedir(), 'xcap-console', 'sandbox');
}

/**
 * `xcap sandbox [--port 0] [--host 127.0.0.1] [--data DIR] [--user XUI=PASSWORD ...] [--tls] [--demo]`
 * The XCAP root URL is the first line of standard output (scripts read it), then one line per request.
 */
export async function sandboxCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    allowPositionals: false,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      user: { type: 'string', multiple: true },
      'users-file': { type: 'string' },
      'trusted-proxy': { type: 'string', multiple: true },
      tls: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port must be 0..65535, not "${values.port}"`);
  const users: User[] = (values.user ?? []).map((flag) => parseUserFlag(flag));
  if (values['users-file']) users.push(...parseUsersFile(await readFile(values['users-file'], 'utf8')));

  const server = await startSandboxServer({
    dataDirectory: values.data ?? defaultSandboxDataDirectory(),
    host: values.host,
    port,
    users,
    tls: values.tls,
    demo: values.demo,
    trustedProxies: values['trusted-proxy'] ?? [],
    ...(!values.quiet && { log: (line: string) => void process.stdout.write(line + '\n') }),
  });
  process.stdout.write(server.rootUrl + '\n');
  if (server.fingerprint256) process.stdout.write(`TLS certificate SHA-256 fingerprint: ${server.fingerprint256}\n`);
  // Standard output is the root URL, then request lines (scripts parse it); the rest goes to stderr.
  process.stderr.write(`users: ${server.users.list().map((u) => u.xui).join(', ') || '(none: add --user XUI=PASSWORD or --demo)'}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  process.stderr.write('sandbox stopped\n');
  return 0;
}
