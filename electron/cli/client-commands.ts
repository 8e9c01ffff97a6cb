import { readFile, writeFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { planRequest, quoteEtag } from '../../shared/xcap/plan';
import type { RequestPlan } from '../../shared/xcap/plan';
import type { XcapMethod } from '../../shared/xcap/edit/types';
import type { XcapUri } from '../../shared/xcap/uri';
import { parseXcapUriLenient } from '../../shared/xcap/uri';
import { formatExchangeVerbose, toHar, TrafficRecorder } from '../client/capture';
import { XcapClientError } from '../client/client-error';
import { createTransport } from '../client/transport/transport';
import type { XcapResponse } from '../client/xcap-client';
import { XcapClient } from '../client/xcap-client';
import { CliUsageError } from './cli-error';
import { refuseUsimKeyArguments } from './gba-options';
import type { ClientValues } from './client-options';
import { CLIENT_OPTIONS, createAuthenticator, extraHeaders, loadProfile, resolveUri, transportSettings, withProfile } from './client-options';
import type { Secret } from '../secrets/secret';

/** Exit status of the network commands: what scripts branch on. */
export const EXIT = { ok: 0, usage: 2, transport: 3, clientError: 4, serverError: 5 } as const;

/** `xcap get|put|delete URI [...]`. */
export async function clientCommand(method: XcapMethod, args: readonly string[]): Promise<number> {
  refuseUsimKeyArguments(args);
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { ...CLIENT_OPTIONS, file: { type: 'string' }, stdin: { type: 'boolean', default: false }, 'content-type': { type: 'string' } },
  });
  if (positionals.length > 1) throw new CliUsageError(`unexpected argument "${positionals[1]}"`);
  const loaded = await loadProfile(values);
  const settings = withProfile(values, loaded);
  const uri = resolveUri(positionals[0], positionals[0] === undefined ? settings : { ...settings, root: values.root, auid: values.auid });
  let body: string | null = null;
  if (method === 'PUT') {
    if (Boolean(values.file) === values.stdin) throw new CliUsageError('put needs the body from --file F or --stdin (one of them)');
    if (values.stdin && values['password-stdin']) throw new CliUsageError('--stdin and --password-stdin cannot both read standard input: use XCAP_PASSWORD');
    body = values.file ? await readFile(values.file, 'utf8') : await text(process.stdin);
  } else if (values.file || values.stdin) throw new CliUsageError(`${method.toLowerCase()} takes no body`);
  const plan = conditionalPlan(method, uri, body, values);
  const finalPlan = values['content-type'] ? { ...plan, headers: { ...plan.headers, 'Content-Type': values['content-type'] } } : plan;
  return execute(finalPlan, uri, settings, loaded?.password ?? null);
}

/** `xcap caps ROOT`: the server's xcap-caps document. */
export async function capsCommand(args: readonly string[]): Promise<number> {
  refuseUsimKeyArguments(args);
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: CLIENT_OPTIONS });
  const [root] = positionals;
  if (!root || positionals.length > 1) throw new CliUsageError('caps takes the XCAP root: xcap caps https://xcap.example.com/xcap-root');
  const uri = parseXcapUriLenient(`${root.replace(/\/+$/, '')}/xcap-caps/global/index`);
  return execute(planRequest({ method: 'GET', uri }), uri, values);
}

/** `xcap ls ROOT --user XUI`: the user's documents from the OMA xcap-directory. */
export async function lsCommand(args: readonly string[]): Promise<number> {
  refuseUsimKeyArguments(args);
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: CLIENT_OPTIONS });
  const [root] = positionals;
  if (!root || positionals.length > 1 || !values.user) throw new CliUsageError('ls takes the XCAP root and --user XUI');
  const uri = resolveUri(undefined, { ...values, root, auid: 'org.openmobilealliance.xcap-directory', doc: 'directory.xml' });
  return execute(planRequest({ method: 'GET', uri }), uri, values);
}

function conditionalPlan(method: XcapMethod, uri: XcapUri, body: string | null, values: ClientValues): RequestPlan {
  const ifMatch = values['if-match'];
  const ifNoneMatch = values['if-none-match'];
  if (ifMatch && ifNoneMatch) throw new CliUsageError('give --if-match or --if-none-match, not both');
  if (ifNoneMatch === '*') return planRequest({ method, uri, body, createOnly: true });
  const plan = planRequest({ method, uri, body, etag: ifMatch ?? null });
  if (ifNoneMatch) return { ...plan, headers: { ...plan.headers, 'If-None-Match': quoteEtag(ifNoneMatch) } };
  return plan;
}

async function execute(plan: RequestPlan, uri: XcapUri, values: ClientValues, profilePassword: Secret | null = null): Promise<number> {
  const recorder = new TrafficRecorder({ xcapRoot: uri.root });
  // -v shows each exchange as it completes, like curl -v (credentials redacted).
  if (values.verbose) recorder.on('exchange', (exchange) => void process.stderr.write(formatExchangeVerbose(exchange) + '\n'));
  const dispatcher = createTransport(transportSettings(values)).compose(recorder.interceptor());
  const client = new XcapClient({ dispatcher, authenticator: await createAuthenticator(values, uri, profilePassword, { dispatcher }), headers: extraHeaders(values) });
  let response: XcapResponse | null = null;
  try {
    response = await client.send(plan);
  } catch (error) {
    if (!(error instanceof XcapClientError)) throw error;
    process.stderr.write(`xcap: ${error.message} (${error.code})\n`);
  } finally {
    if (values.har) await writeFile(values.har, JSON.stringify(toHar(recorder.list()), null, 2) + '\n');
    recorder.close();
  }
  if (response === null) return EXIT.transport;
  report(response, values);
  if (response.status >= 500) return EXIT.serverError;
  if (response.status >= 400) return EXIT.clientError;
  return EXIT.ok;
}

function report(response: XcapResponse, values: ClientValues): void {
  const body = response.text();
  if (values.json) {
    process.stdout.write(JSON.stringify({ status: response.status, headers: response.headers, etag: response.etag, body }, null, 2) + '\n');
    return;
  }
  if (response.status >= 400) {
    process.stderr.write(`${response.status}${response.etag ? ` (ETag "${response.etag}")` : ''}\n`);
    if (response.conflict) {
      process.stderr.write(`the document changed since you read it; the server now has ETag "${response.conflict.etag}". Fetch it, merge, and retry with --if-match.\n`);
    }
    if (body) process.stderr.write(body.endsWith('\n') ? body : body + '\n');
    return;
  }
  if (body) process.stdout.write(body.endsWith('\n') ? body : body + '\n');
}
