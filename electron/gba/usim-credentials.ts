/**
 * Where the software USIM's parameters come from: the environment (XCAP_USIM_K, XCAP_USIM_OPC or
 * XCAP_USIM_OP, hex) or a profile's entries in the OS keychain; never command-line arguments, which
 * every user of the machine can read in the process list and which land in shell history.
 */
import { Secret } from '../secrets/secret';
import { bytesFromHex, GbaError } from './gba-error';
import { opcFromOp } from './milenage';
import { SoftUsim } from './usim';

export const USIM_ENV = { k: 'XCAP_USIM_K', opc: 'XCAP_USIM_OPC', op: 'XCAP_USIM_OP' } as const;

/** K and exactly one of OPc and OP, as hex Secrets. */
export interface UsimSecrets {
  readonly k: Secret;
  readonly opc?: Secret;
  readonly op?: Secret;
}

/** The USIM secrets from the environment, or null when XCAP_USIM_K is not set. */
export function usimSecretsFromEnv(env: NodeJS.ProcessEnv = process.env): UsimSecrets | null {
  const k = env[USIM_ENV.k];
  if (!k) return null;
  const opc = env[USIM_ENV.opc];
  const op = env[USIM_ENV.op];
  return { k: new Secret(k), ...(opc && { opc: new Secret(opc) }), ...(op && { op: new Secret(op) }) };
}

/** A SoftUsim from the secrets. Throws GbaError 'usim-credentials' for missing or malformed values (never quoting them). */
export function createUsim(secrets: UsimSecrets, sqnMs = 0): SoftUsim {
  if (secrets.opc !== undefined && secrets.op !== undefined) throw new GbaError('usim-credentials', `give OPc (${USIM_ENV.opc}) or OP (${USIM_ENV.op}), not both.`);
  const k = bytesFromHex(secrets.k.reveal(), 16, `K (${USIM_ENV.k})`, 'usim-credentials');
  if (secrets.opc !== undefined) return new SoftUsim(k, bytesFromHex(secrets.opc.reveal(), 16, `OPc (${USIM_ENV.opc})`, 'usim-credentials'), sqnMs);
  if (secrets.op !== undefined) return new SoftUsim(k, opcFromOp(k, bytesFromHex(secrets.op.reveal(), 16, `OP (${USIM_ENV.op})`, 'usim-credentials')), sqnMs);
  throw new GbaError('usim-credentials', `the USIM needs OPc (${USIM_ENV.opc}) or OP (${USIM_ENV.op}) besides K.`);
}
