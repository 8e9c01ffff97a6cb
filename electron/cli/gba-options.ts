/**
 * `--auth gba` for get/put/delete/caps/ls: the GbaAuthenticator from --impi [--bsf URL] (or the
 * profile), with the software USIM's K and OPc (or OP) from XCAP_USIM_K, XCAP_USIM_OPC
 * (XCAP_USIM_OP) or the profile's keychain entries. USIM keys are never taken from arguments.
 */
import type { Dispatcher } from 'undici';
import type { Authenticator } from '../client/auth';
import { GbaAuthenticator } from '../client/auth';
import { isGbaError } from '../gba/gba-error';
import { createUsim, USIM_ENV, usimSecretsFromEnv, type UsimSecrets } from '../gba/usim-credentials';
import { OsKeychain } from '../keychain';
import { readUsimSecrets } from '../profiles';
import { CliUsageError } from './cli-error';
import type { ClientValues } from './client-options';

const SECRET_FLAGS = /^--(?:k|ki|key-hex|opc|op|usim-k|usim-opc|usim-op|usim-key|sqn)(?:=|$)/i;

/**
 * Refuses USIM keys given as arguments before parseArgs sees them: it would only say "unknown
 * option", and the key would already be in the process list and the shell history.
 */
export function refuseUsimKeyArguments(args: readonly string[]): void {
  const flag = args.find((arg) => SECRET_FLAGS.test(arg));
  if (flag !== undefined) {
    throw new CliUsageError(
      `${flag.split('=')[0] ?? flag}: USIM keys are never taken from command-line arguments (anyone on this machine can read those in the process list, and they stay in shell history). ` +
        `Set ${USIM_ENV.k} and ${USIM_ENV.opc} (or ${USIM_ENV.op}) in the environment, or store them in a profile: xcap profile add NAME --auth gba --impi IMPI … with those variables set.`,
    );
  }
}

export async function createGbaAuthenticator(values: ClientValues, dispatcher: Dispatcher | undefined): Promise<Authenticator> {
  if (!dispatcher) throw new CliUsageError('--auth gba needs a network transport (internal error)');
  const impi = values.impi;
  if (!impi) throw new CliUsageError('--auth gba needs --impi IMPI (e.g. 234150999999999@ims.mnc015.mcc234.3gppnetwork.org), or a GBA profile');
  const secrets = usimSecretsFromEnv() ?? (values.profile ? await readUsimSecrets(new OsKeychain(), values.profile) : null);
  if (!secrets) {
    throw new CliUsageError(`--auth gba needs the USIM keys: set ${USIM_ENV.k} and ${USIM_ENV.opc} (or ${USIM_ENV.op}), hex, or use a profile that stores them (xcap profile add … --auth gba)`);
  }
  return new GbaAuthenticator({ impi, usim: usimOf(secrets), dispatcher, ...(values.bsf && { bsfUrl: values.bsf }) });
}

function usimOf(secrets: UsimSecrets) {
  try {
    return createUsim(secrets);
  } catch (error) {
    if (isGbaError(error)) throw new CliUsageError(error.message);
    throw error;
  }
}
