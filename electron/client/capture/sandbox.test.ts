/**
 * End to end against the embedded XCAP server: Digest 401 and retry, a 409 xcap-error, the HAR
 * of the session, and the redacted curl export replayed with curl's own Digest.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../../sandbox/auth';
import { digestAuthorization, parseChallenge } from '../../sandbox/auth/test-support/digest-client';
import { startSandboxServer, type SandboxServer } from '../../sandbox/sandbox-server';
import { toCurl } from './curl';
import type { Exchange } from './exchange';
import { toHar } from './har';
import { TrafficRecorder } from './recorder';
import { validate, type Schema } from './test-support/json-schema';
import { send } from './test-support/send';
import { formatExchangeVerbose } from './verbose';

const PASSWORD = "s3cr'et $HOME `x` wörd";
const XUI = 'sip:alice@example.com';
const schema = JSON.parse(readFileSync(new URL('./test-support/har-1.2.schema.json', import.meta.url), 'utf8')) as Schema;

describe('capture against the sandbox XCAP server', () => {
  let dataDirectory: string;
  let sandbox: SandboxServer;
  let agent: Agent;
  let recorder: TrafficRecorder;
  let dispatcher: Dispatcher;
  let origin: string;
  let root: string;

  beforeAll(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'xcap-capture-test-'));
    sandbox = await startSandboxServer({ dataDirectory, host: '127.0.0.1', port: 0, users: [new User(XUI, PASSWORD)], demo: true });
    root = sandbox.rootUrl;
    origin = new URL(root).origin;
    agent = new Agent();
    recorder = new TrafficRecorder({ xcapRoot: root });
    dispatcher = agent.compose(recorder.interceptor());
  });
  afterAll(async () => {
    recorder.close();
    await agent.close();
    await sandbox.close();
    await rm(dataDirectory, { recursive: true, force: true });
  });

  /** The client's loop: try, answer the challenge, retry marked as such. */
  async function authorized(path: string, method: Dispatcher.HttpMethod, headers: Record<string, string> = {}, body?: string) {
    const first = await send(dispatcher, { origin, path, method, headers, ...(body !== undefined && { body }) });
    if (first.status !== 401) return first;
    const challenges = ([] as string[]).concat(first.headers['www-authenticate'] as string | string[]);
    const challenge = parseChallenge(challenges[0] ?? '');
    const authorization = digestAuthorization(challenge, { username: 'alice@example.com', password: PASSWORD, method, uri: path });
    return send(dispatcher, { origin, path, method, headers: { ...headers, Authorization: authorization }, ...(body !== undefined && { body }), mark: { attempt: 'auth-retry' } });
  }

  it('records the challenge, the retry and a 409 with its xcap-error, and exports them', async () => {
    const index = `${new URL(root).pathname}/resource-lists/users/${XUI}/index`;
    expect((await authorized(index, 'GET')).status).toBe(200);
    const put = `${index}/~~/resource-lists/list%5B@name=%22nope%22%5D/entry%5B@uri=%22sip:bob@example.com%22%5D`;
    const answer = await authorized(put, 'PUT', { 'Content-Type': 'application/xcap-el+xml' }, '<entry uri="sip:bob@example.com"/>');
    expect(answer.status).toBe(409);

    const exchanges = recorder.list({ reveal: true });
    expect(exchanges.map((e) => [e.attempt, e.response?.status])).toEqual([
      ['initial', 401],
      ['auth-retry', 200],
      ['initial', 401],
      ['auth-retry', 409],
    ]);
    const conflict = exchanges[3] as Exchange;
    expect(conflict.xcap).toMatchObject({ auid: 'resource-lists', xui: XUI, documentPath: 'index', resource: 'element', xcapError: 'no-parent' });
    expect(conflict.request.target).toBe(put);

    const har = toHar(exchanges);
    expect(validate(schema, har)).toEqual([]);
    const exported = JSON.stringify(har) + exchanges.map((e) => toCurl(e) + formatExchangeVerbose(e, { bodies: true })).join('');
    const secrets = exchanges.flatMap((e) => e.request.headers.filter(([n]) => n === 'Authorization').map(([, v]) => v));
    expect(secrets).toHaveLength(2);
    for (const secret of [PASSWORD, ...secrets, ...secrets.map((s) => /response="([^"]+)"/.exec(s)?.[1] ?? 'x')]) {
      expect(exported.includes(secret) || exported.includes(JSON.stringify(secret).slice(1, -1))).toBe(false);
    }

    // The redacted command, with the password from the environment: curl does its own Digest.
    const command = toCurl(conflict);
    expect(command).toContain(`--digest`);
    const { stdout } = await promisify(execFile)('/bin/sh', ['-c', `${command} --silent --show-error --write-out '\\n%{http_code}'`], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', XCAP_PASSWORD: PASSWORD },
      encoding: 'utf8',
    });
    expect(stdout.trim().split('\n').at(-1)).toBe('409');
    expect(stdout).toContain('<no-parent');
  });
});
