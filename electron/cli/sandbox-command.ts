import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { User } from '../sandbox/auth';
import { parseUserFlag, parseUsersFile } from '../sandbox/auth';
import { startSandboxServer } from '../sandbox/sandbox-server';
import type { SandboxGbaOptions } from '../sandbox/sandbox-server';
import { parseSubscriberFlag } from '../sandbox/gba/subscriber';
import { CliUsageError } from './cli-error';
import { untilStopSignal } from './io';

/** Where the sandbox keeps its documents unless --data says otherwise. */
export function defaultSandboxDataDirectory(): string {
  const base = process.env.XDG_DATA_HOME || (process.platform === 'win32' ? process.env.APPDATA : undefined) || join(homedir(), '.local', 'share');
  return join(base ?? homedir(), 'xcap-console', 'sandbox');
}

/**
 * `xcap sandbox [--port 0] [--host 127.0.0.1] [--data DIR] [--user XUI=PASSWORD ...] [--tls] [--demo]
 *   [--gba --subscriber IMPI=K_HEX:OPC_HEX[:SQN_HEX] ... [--impu IMPI=XUI ...] [--key-lifetime SECONDS]]`
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
      gba: { type: 'boolean', default: false },
      subscriber: { type: 'string', multiple: true },
      impu: { type: 'string', multiple: true },
      'key-lifetime': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port must be 0..65535, not "${values.port}"`);
  const users: User[] = (values.user ?? []).map((flag) => parseUserFlag(flag));
  if (values['users-file']) users.push(...parseUsersFile(await readFile(values['users-file'], 'utf8')));

  const gba = sandboxGbaOptions(values);

  const server = await startSandboxServer({
    dataDirectory: values.data ?? defaultSandboxDataDirectory(),
    host: values.host,
    port,
    users,
    tls: values.tls,
    demo: values.demo,
    trustedProxies: values['trusted-proxy'] ?? [],
    ...(gba && { gba }),
    ...(!values.quiet && { log: (line: string) => void process.stdout.write(line + '\n') }),
  });
  process.stdout.write(server.rootUrl + '\n');
  if (server.fingerprint256) process.stdout.write(`TLS certificate SHA-256 fingerprint: ${server.fingerprint256}\n`);
  // Standard output is the root URL, then request lines (scripts parse it); the rest goes to stderr.
  process.stderr.write(`users: ${server.users.list().map((u) => u.xui).join(', ') || (server.bsf ? '(none with a password)' : '(none: add --user XUI=PASSWORD or --demo)')}\n`);
  if (server.bsf) {
    process.stderr.write(`BSF: ${server.bsfUrl ?? ''}\nGBA subscribers (XCAP users through GBA only): ${server.bsf.subscribers().map((s) => `${s.impi} → ${s.impus.join(', ')}`).join('; ')}\n`);
  }

  await untilStopSignal();
  await server.close();
  process.stderr.write('sandbox stopped\n');
  return 0;
}

/**
 * `--gba --subscriber IMPI=K_HEX:OPC_HEX[:SQN_HEX] … [--impu IMPI=XUI …] [--key-lifetime SECONDS]`:
 * the BSF at /bsf and NAF mode. An IMPI's IMPUs are its --impu values, else sip:<IMPI>.
 */
function sandboxGbaOptions(values: { gba?: boolean; subscriber?: string[]; impu?: string[]; 'key-lifetime'?: string }): SandboxGbaOptions | null {
  if (!values.gba) {
    if (values.subscriber || values.impu || values['key-lifetime']) throw new CliUsageError('--subscriber, --impu and --key-lifetime go with --gba');
    return null;
  }
  if (!values.subscriber?.length) throw new CliUsageError('--gba needs at least one --subscriber IMPI=K_HEX:OPC_HEX[:SQN_HEX]');
  const impus = new Map<string, string[]>();
  for (const flag of values.impu ?? []) {
    const equals = flag.indexOf('=');
    if (equals <= 0) throw new CliUsageError(`--impu takes IMPI=XUI, not "${flag}"`);
    const impi = flag.slice(0, equals);
    impus.set(impi, [...(impus.get(impi) ?? []), flag.slice(equals + 1)]);
  }
  const subscribers = values.subscriber.map((flag) => {
    const impi = flag.slice(0, flag.lastIndexOf('='));
    return parseSubscriberFlag(flag, impus.get(impi) ?? []);
  });
  for (const impi of impus.keys()) if (!subscribers.some((s) => s.impi === impi)) throw new CliUsageError(`--impu ${impi}=…: no --subscriber with that IMPI`);
  const lifetime = values['key-lifetime'] === undefined ? undefined : Number(values['key-lifetime']);
  if (lifetime !== undefined && !(Number.isFinite(lifetime) && lifetime > 0)) throw new CliUsageError(`--key-lifetime takes seconds (> 0), not "${values['key-lifetime']}"`);
  return { subscribers, ...(lifetime !== undefined && { keyLifetimeMs: Math.round(lifetime * 1000) }) };
}
