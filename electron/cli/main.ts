import { applyCommand } from './apply-command';
import { CliUsageError } from './cli-error';
import { planCommand } from './plan-command';
import { sandboxCommand } from './sandbox-command';
import { capsCommand, clientCommand, lsCommand } from './client-commands';
import { profileCommand } from './profile-command';
import { webCommand } from './web-command';

const USAGE = `usage:
  xcap plan METHOD URI [--body FILE] [--etag ETAG] [--json]
      print the exact HTTP request for an XCAP operation (nothing is sent)
  xcap apply --doc FILE --method GET|PUT|DELETE --uri URI [--body FILE] [--json] [--write]
      apply the operation to the document in FILE as an RFC 4825 server would
      (FILE missing = the document does not exist yet); --write stores the result in FILE

  xcap get URI | xcap put URI (--file F | --stdin) [--content-type T] | xcap delete URI
      [--if-match ETAG | --if-none-match ETAG|*] [--json] [-v] [--har FILE] [-H "Name: value"]
      [--user XUI [--auth-user NAME] [--auth digest|basic|none] (--password-stdin | XCAP_PASSWORD)]
      [--auth gba --impi IMPI [--bsf URL] [--intended-identity XUI]]   (USIM keys: XCAP_USIM_K and
          XCAP_USIM_OPC or XCAP_USIM_OP, hex, or a GBA profile; never arguments)
      [--cacert F] [--pin sha256/BASE64] [--cert F --key F | --p12 F] [--allow-cleartext]
      URI may also be built: --root ROOT --auid AUID [--doc PATH] [--sel SELECTOR] --user XUI
      exit status: 0 2xx, 4 4xx, 5 5xx, 3 transport/TLS/authentication failure, 2 usage
  xcap caps ROOT [options]          the server's xcap-caps
  xcap ls ROOT --user XUI [options] the user's documents (OMA xcap-directory)
  xcap profile add NAME --root ROOT --user XUI [--auth …] [--impi IMPI [--bsf URL]] [TLS options] [--password-stdin] [--config DIR]
  xcap profile list [--json] | xcap profile remove NAME
      server profiles (no secrets in them: the password, or with --auth gba the USIM keys from
      XCAP_USIM_K/XCAP_USIM_OPC/XCAP_USIM_OP, go to the OS keychain); use with --profile NAME
  xcap sandbox [--port 0] [--host 127.0.0.1] [--data DIR] [--user XUI=PASSWORD ...]
               [--users-file FILE] [--trusted-proxy IP ...] [--tls] [--demo] [--quiet]
               [--gba --subscriber IMPI=K_HEX:OPC_HEX[:SQN_HEX] ... [--impu IMPI=XUI ...] [--key-lifetime SECONDS]]
      run the embedded XCAP server; prints its XCAP root URL as the first line
      --gba: also a GBA BSF at /bsf (Digest AKAv1-MD5, TS 24.109) and NAF mode: the subscribers' IMPUs
      (default sip:IMPI) authenticate only with GBA Digest (realm 3GPP-bootstrapping@HOST)
  xcap web [--port 0] [--config DIR]
      the console in a browser (browser mode, 127.0.0.1 only); prints the URL with its token first

  FILE may be - for standard input. URIs may carry the node selector unencoded
  (…/index/~~/resource-lists/list[@name="friends"]) or percent-encoded.`;

/** Runs the CLI; returns the process exit code (0 ok, 1 the operation failed, 2 bad usage). */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'plan':
        return await planCommand(rest);
      case 'apply':
        return await applyCommand(rest);
      case 'sandbox':
        return await sandboxCommand(rest);
      case 'get':
        return await clientCommand('GET', rest);
      case 'put':
        return await clientCommand('PUT', rest);
      case 'delete':
        return await clientCommand('DELETE', rest);
      case 'caps':
        return await capsCommand(rest);
      case 'ls':
        return await lsCommand(rest);
      case 'profile':
        return await profileCommand(rest);
      case 'web':
        return await webCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new CliUsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`xcap: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      process.stderr.write(`xcap: ${error.message} (${error.code})\n`);
      return 2;
    }
    throw error;
  }
}
