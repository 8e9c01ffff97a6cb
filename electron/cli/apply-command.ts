import { writeFile, rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { applyXcapRequest, loadXcapDocument } from '../../shared/xcap/edit';
import { isXcapCoreError } from '../../shared/xcap/errors';
import { buildXcapUri, parseXcapUriLenient } from '../../shared/xcap/uri';
import { getApplicationUsage } from '../../shared/xcap/usages/registry';
import { CliUsageError } from './cli-error';
import { readInput, writeJson } from './io';
import { parseMethod } from './plan-command';

/**
 * `xcap apply --doc FILE --method M --uri URI [--body FILE] [--json] [--write]`: what an RFC 4825
 * server would answer and the document it would then hold, computed offline by the edit engine.
 */
export async function applyCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      doc: { type: 'string' },
      method: { type: 'string' },
      uri: { type: 'string' },
      body: { type: 'string' },
      json: { type: 'boolean', default: false },
      write: { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 0) throw new CliUsageError(`unexpected argument "${positionals[0]}"`);
  if (!values.doc || !values.method || !values.uri) throw new CliUsageError('apply needs --doc, --method and --uri');
  if (values.write && values.doc === '-') throw new CliUsageError('--write needs a file, not standard input');
  const method = parseMethod(values.method);
  const uri = parseXcapUriLenient(values.uri);
  const usage = getApplicationUsage(uri.auid);
  const stored = await readInput(values.doc, true);
  let snapshot;
  try {
    snapshot = stored === undefined ? null : loadXcapDocument(stored);
  } catch (error) {
    if (!isXcapCoreError(error)) throw error;
    process.stderr.write(`xcap: the document in ${values.doc} cannot be used: ${error.message} (${error.code})\n`);
    return 1;
  }
  const body = values.body === undefined ? undefined : await readInput(values.body);
  const result = applyXcapRequest(snapshot, {
    method,
    usage,
    nodeSelector: uri.nodeSelector,
    namespaces: uri.namespaces,
    documentUri: buildXcapUri({ ...uri, nodeSelector: null, namespaces: {} }),
    ...(body !== undefined && { body }),
  });
  if (values.write && result.documentChanged) {
    if (result.document === null) await rm(values.doc);
    else await writeFile(values.doc, result.document);
  }
  if (values.json) {
    writeJson({ status: result.status, contentType: result.contentType, body: result.body, document: result.document, xcapError: result.xcapError });
    return result.status < 400 ? 0 : 1;
  }
  if (result.status >= 400) {
    process.stderr.write(`${result.status}${result.xcapError ? ` ${result.xcapError}` : ''}\n${result.body ?? ''}`);
    return 1;
  }
  const output = method === 'GET' ? result.body : result.document;
  if (output) process.stdout.write(output.endsWith('\n') ? output : output + '\n');
  return 0;
}
