import { parseArgs } from 'node:util';
import { planRequest } from '../../shared/xcap/plan';
import type { XcapMethod } from '../../shared/xcap/edit/types';
import { parseXcapUriLenient } from '../../shared/xcap/uri';
import { CliUsageError } from './cli-error';
import { readInput, writeJson } from './io';

/** `xcap plan METHOD URI [--body FILE] [--etag ETAG] [--json]`: the exact request, nothing sent. */
export async function planCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { body: { type: 'string' }, etag: { type: 'string' }, json: { type: 'boolean', default: false }, create: { type: 'boolean', default: false } },
  });
  const [methodArg, uriArg, ...extra] = positionals;
  if (!methodArg || !uriArg || extra.length > 0) throw new CliUsageError('plan takes METHOD and URI');
  const method = parseMethod(methodArg);
  const body = values.body === undefined ? null : new TextDecoder('utf-8', { fatal: true }).decode(await readInput(values.body));
  const plan = planRequest({ method, uri: parseXcapUriLenient(uriArg), body, etag: values.etag ?? null, createOnly: values.create });
  if (values.json) {
    writeJson({ method: plan.method, url: plan.url, headers: plan.headers, body: plan.body });
  } else {
    const lines = [`${plan.method} ${plan.url}`, ...Object.entries(plan.headers).map(([name, value]) => `${name}: ${value}`)];
    process.stdout.write(lines.join('\n') + '\n' + (plan.body === null ? '' : '\n' + plan.body + (plan.body.endsWith('\n') ? '' : '\n')));
  }
  return 0;
}

export function parseMethod(text: string): XcapMethod {
  const method = text.toUpperCase();
  if (method !== 'GET' && method !== 'PUT' && method !== 'DELETE') throw new CliUsageError(`METHOD must be GET, PUT or DELETE, not "${text}"`);
  return method;
}
