import { parseArgs } from 'node:util';
import { resolveConfigDir } from '../profiles';
import { startBrowserMode } from '../web/browser-mode';
import { CliUsageError } from './cli-error';
import { untilStopSignal } from './io';

/**
 * `xcap web [--port 0] [--config DIR]`: browser mode. The URL (with its per-start token) is the
 * first line of standard output; everything else goes to stderr. Ctrl-C stops it.
 */
export async function webCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...args], allowPositionals: false, options: { port: { type: 'string', default: '0' }, config: { type: 'string' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliUsageError(`--port must be 0..65535, not "${values.port}"`);
  const log = (line: string) => void process.stderr.write(line + '\n');
  const mode = await startBrowserMode({ configDir: resolveConfigDir(values.config === undefined ? [] : ['--config', values.config]), port, log });
  process.stdout.write(mode.web.url + '\n');
  const sandbox = mode.services.sandbox.status();
  log(`XCAP Console (browser mode) on 127.0.0.1 only; open the URL above.${sandbox.running ? ` Embedded sandbox: ${sandbox.rootUrl}` : ''}`);
  await untilStopSignal();
  await mode.close();
  log('browser mode stopped');
  return 0;
}
