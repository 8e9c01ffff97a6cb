/** Profiles end to end with the real OS keychain (run under .ci/with-keyring.sh): the password never lands in a file. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxServer } from '../sandbox/sandbox-server';
import { startSandboxServer } from '../sandbox/sandbox-server';

const BIN = resolve(import.meta.dirname, '../../bin/xcap.js');
const dir = mkdtempSync(join(tmpdir(), 'xcap-profile-'));
const config = join(dir, 'config');

function xcap(args: string[], input = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const env = { ...process.env };
    delete env.XCAP_PASSWORD; // the password must come from the keychain
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

let server: SandboxServer;
beforeAll(async () => {
  server = await startSandboxServer({ dataDirectory: join(dir, 'data'), users: [], demo: true });
});
afterAll(() => server.close());

describe('xcap profile with the OS keychain', () => {
  const secret = 'alice';
  it('add stores the profile without its password, and the password in the keychain', async () => {
    const added = await xcap(['profile', 'add', 'lab', '--root', server.rootUrl, '--user', 'sip:alice@example.com', '--password-stdin', '--config', config], `${secret}\n`);
    expect(added).toMatchObject({ code: 0 });
    for (const file of readdirSync(config)) expect(readFileSync(join(config, file), 'utf8')).not.toContain(`"${secret}"`);
    const listed = await xcap(['profile', 'list', '--config', config]);
    expect(listed.stdout).toContain(`lab\t${server.rootUrl}\tsip:alice@example.com\tdigest`);
  });
  it('get --profile authenticates with the keychain password', async () => {
    const out = await xcap(['get', '--profile', 'lab', '--config', config, '--auid', 'resource-lists']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Presence_fellows');
  });
  it('remove deletes the profile and its keychain entry', async () => {
    expect((await xcap(['profile', 'remove', 'lab', '--config', config])).code).toBe(0);
    expect((await xcap(['get', '--profile', 'lab', '--config', config, '--auid', 'resource-lists'])).code).toBe(2);
  });
});
