import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Agent } from 'undici';
import type { Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCaptureError } from './capture-error';
import { toCurl } from './curl';
import type { Exchange } from './exchange';
import { TrafficRecorder } from './recorder';
import { printfBytesArguments, shellQuote } from './shell-quote';
import { startHttpServer, type ReceivedRequest, type TestServer } from './test-support/servers';
import { send, type SendInput } from './test-support/send';

const run = promisify(execFile);

async function sh(command: string, env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  return run('/bin/sh', ['-c', command], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}

const NASTY = `it's "quoted" $HOME \`id\` $(id) \\ %s %b \\0101 ; & | < > * ? [a] {b,c} ~ # !\n\tnext line\r\n`;

describe('shell quoting', () => {
  it('single-quotes anything so that sh reads it back unchanged', async () => {
    for (const text of [NASTY, "'", "''", '', 'ünïcødé ✓', '-n', '--url=x']) {
      const { stdout } = await sh(`printf '%s' ${shellQuote(text)}`);
      expect(stdout).toBe(text);
    }
  });

  it('printf %b arguments reproduce any bytes, split below the argument size limit', async () => {
    const bytes = Buffer.concat([
      Buffer.from(NASTY),
      Buffer.from([0x00, 0x01, 0x7f, 0x80, 0xc3, 0x28, 0xff, 0xfe, 0x1b, 0x5b, 0x33, 0x31, 0x6d]),
      Buffer.from('\u202eevil\u202c \u200b é 漢字 😀 \\c \\n'),
      Buffer.alloc(70_000, 'x'),
    ]);
    const args = printfBytesArguments(bytes, 32 * 1024);
    expect(args.split("' '").length).toBeGreaterThan(2);
    const { stdout } = await run('/bin/sh', ['-c', `printf ${args} | od -An -v -tx1`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(Buffer.from(stdout.replace(/\s+/g, ''), 'hex')).toEqual(bytes);
  });

  it('writes invisible and control characters as octal escapes, readable text as is', () => {
    expect(printfBytesArguments(Buffer.from('<a b="1">\n\ttext\u202e</a>'))).toBe(`'%b' '<a b="1">\n\ttext\\0342\\0200\\0256</a>'`);
  });
});

describe('toCurl', () => {
  let server: TestServer;
  let agent: Agent;
  let recorder: TrafficRecorder;
  let dispatcher: Dispatcher;
  beforeAll(async () => {
    server = await startHttpServer((_request, response) => response.writeHead(200).end('ok'));
    agent = new Agent();
    recorder = new TrafficRecorder();
    dispatcher = agent.compose(recorder.interceptor());
  });
  afterAll(async () => {
    recorder.close();
    await agent.close();
    await server.close();
  });

  /** Sends with undici and records; replays the exported command with curl; returns both server views. */
  async function roundTrip(input: Omit<SendInput, 'origin'>, env: Record<string, string> = {}, raw = false): Promise<{ original: ReceivedRequest; replayed: ReceivedRequest; exchange: Exchange; command: string }> {
    await send(dispatcher, { ...input, origin: server.origin });
    const exchange = recorder.list({ reveal: true }).at(-1) as Exchange;
    const command = toCurl(exchange, { reveal: raw });
    const before = server.received.length;
    await sh(`${command} --silent --show-error --output /dev/null`, env);
    expect(server.received.length).toBe(before + 1);
    return { original: server.received[before - 1] as ReceivedRequest, replayed: server.received[before] as ReceivedRequest, exchange, command };
  }

  /** Header lines as a comparable list: lowercase names, in order, without the hop-by-hop connection header. */
  const comparable = (headers: ReadonlyArray<readonly [string, string]>) => headers.filter(([n]) => n.toLowerCase() !== 'connection').map(([n, v]) => `${n.toLowerCase()}: ${v}`);

  it('reproduces method, request-target, headers and body bytes exactly (curl on /bin/sh)', async () => {
    const body = Buffer.concat([Buffer.from(`<entry uri="sip:bob@example.com">${NASTY}</entry>`), Buffer.from([0x00, 0xff, 0x0d]), Buffer.alloc(40_000, 0x61)]);
    const target = "/xcap-root/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/list%5B@name=%22a'b%20c%22%5D/entry%5B1%5D/../x?xmlns(p=urn:x)";
    const { original, replayed, exchange } = await roundTrip({
      path: target,
      method: 'PUT',
      headers: { 'Content-Type': 'application/xcap-el+xml', 'X-Quote': `it's "x" $HOME \`id\``, 'If-Match': '"7a1b"', 'User-Agent': 'XCAP-Console/0.1' },
      body,
    });
    expect(exchange.request.target).toBe(target);
    expect(replayed.method).toBe('PUT');
    expect(replayed.target).toBe(original.target);
    expect(replayed.target).toBe(target);
    expect(comparable(replayed.headers).sort()).toEqual(comparable(original.headers).sort());
    expect(comparable(replayed.headers).filter((h) => !h.startsWith('host:'))).toEqual(comparable(original.headers).filter((h) => !h.startsWith('host:')));
    expect(replayed.body).toEqual(body);
  });

  it('adds no header of its own to a GET (no User-Agent, Accept)', async () => {
    const { original, replayed, command } = await roundTrip({ path: '/plain' });
    expect(comparable(replayed.headers).sort()).toEqual(comparable(original.headers).sort());
    expect(replayed.body.length).toBe(0);
    expect(command).toBe(`curl \\\n  --http1.1 \\\n  --globoff \\\n  --path-as-is \\\n  --request 'GET' \\\n  --url '${server.origin}/plain' \\\n  --header 'User-Agent:' \\\n  --header 'Accept:'`);
  });

  it('takes the Basic password from the environment and sends the very same Authorization', async () => {
    const password = `p'w "$x" \`y\``;
    const authorization = `Basic ${Buffer.from(`alice@example.com:${password}`).toString('base64')}`;
    const { original, replayed, command } = await roundTrip({ path: '/basic', headers: { Authorization: authorization } }, { XCAP_PASSWORD: password });
    expect(command).toContain(`--basic \\\n  --user 'alice@example.com:'"$XCAP_PASSWORD"`);
    expect(command).not.toContain(authorization.slice(6));
    expect(replayed.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1]).toBe(authorization);
    expect(comparable(replayed.headers).sort()).toEqual(comparable(original.headers).sort());
  });

  it('sends the recorded headers as they were with reveal', async () => {
    const { replayed, command } = await roundTrip({ path: '/bearer', headers: { Authorization: 'Bearer tok-123', Cookie: 'a=1' } }, {}, true);
    expect(command).toContain(`--header 'Authorization: Bearer tok-123'`);
    expect(replayed.headers).toContainEqual(['Authorization', 'Bearer tok-123']);
    expect(replayed.headers).toContainEqual(['Cookie', 'a=1']);
  });

  it('redacted, uses curl --digest, --oauth2-bearer and environment variables for other secrets', () => {
    const base = recorder.list({ reveal: true }).at(-1) as Exchange;
    const withHeaders = (headers: Array<[string, string]>): Exchange => ({ ...base, request: { ...base.request, headers } });
    expect(toCurl(withHeaders([['Authorization', 'Digest username="alice@example.com", realm="r", response="abc"']]), { multiline: false })).toContain(`--digest --user 'alice@example.com:'"$XCAP_PASSWORD"`);
    expect(toCurl(withHeaders([['Authorization', 'Digest username="0f3c", userhash=true, response="abc"']]), { multiline: false, passwordVariable: 'PW' })).toContain(`--digest --user "$XCAP_USERNAME:$PW"`);
    expect(toCurl(withHeaders([['Authorization', 'Bearer tok']]), { multiline: false })).toContain(`--oauth2-bearer "$XCAP_TOKEN"`);
    expect(toCurl(withHeaders([['Cookie', 'a=1']]), { multiline: false })).toContain(`--header 'Cookie: '"$XCAP_COOKIE"`);
    expect(toCurl(withHeaders([['Authorization', 'Weird abc']]), { multiline: false })).toContain(`--header 'Authorization: '"$XCAP_AUTHORIZATION"`);
  });

  it('refuses a truncated body and a pre-redacted exchange with reveal, with typed errors', async () => {
    const small = new TrafficRecorder({ maxBodyBytes: 4 });
    try {
      await send(agent.compose(small.interceptor()), { origin: server.origin, path: '/t', method: 'PUT', body: 'too long' });
      const [exchange] = small.list();
      expect(() => toCurl(exchange as Exchange)).toThrow(expect.objectContaining({ code: 'body-truncated' }));
      try {
        toCurl(recorder.list()[0] as Exchange, { reveal: true });
        expect.unreachable();
      } catch (error) {
        expect(isCaptureError(error, 'invalid-option')).toBe(true);
      }
    } finally {
      small.close();
    }
  });
});
