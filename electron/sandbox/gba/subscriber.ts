/**
 * The sandbox HSS's subscriber table for GBA: per IMPI the USIM's K and OPc, the network's
 * sequence number SQN_HE, and the public identities (IMPUs) the IMPI may act as on Ut.
 *
 *   --subscriber 234150999999999@ims.mnc015.mcc234.3gppnetwork.org=465b…a6bc:cd63…2baf[:000000000020]
 *
 * K and OPc are never printed (String, JSON, util.inspect show the IMPI only), and no error
 * message quotes them.
 */
import { inspect } from 'node:util';
import { bytesFromHex, GbaError } from '../../gba/gba-error';
import { Milenage } from '../../gba/milenage';
import { SandboxAuthError } from '../auth/auth-error';
import { xuiProblem } from '../auth/xui';

const SQN_MODULUS = 2 ** 48;

export class Subscriber {
  readonly impi: string;
  /** The IMPUs of the IMPI; the first is the default XCAP user (TS 23.003: sip:<IMPI> unless configured). */
  readonly impus: readonly string[];
  readonly milenage: Milenage;
  #sqn: number;

  constructor(fields: { impi: string; k: Uint8Array; opc: Uint8Array; sqn?: number; impus?: readonly string[] }) {
    this.impi = fields.impi;
    this.milenage = new Milenage(fields.k, fields.opc);
    this.#sqn = fields.sqn ?? 0;
    const impus = fields.impus && fields.impus.length > 0 ? [...fields.impus] : [`sip:${fields.impi}`];
    for (const impu of impus) {
      const problem = xuiProblem(impu);
      if (problem !== null) throw new SandboxAuthError('invalid-user', `IMPU of ${fields.impi}: ${problem}.`);
    }
    this.impus = Object.freeze(impus);
  }

  /** SQN_HE: the last sequence number the network used. */
  get sqn(): number {
    return this.#sqn;
  }

  /** The SQN of the next authentication vector (SQN_HE + 1, TS 33.102 Annex C without IND). */
  nextSqn(): number {
    this.#sqn = (this.#sqn + 1) % SQN_MODULUS;
    return this.#sqn;
  }

  /** Re-synchronisation (TS 33.102 §6.3.5): the network continues from the USIM's SQN_MS. */
  resynchronise(sqnMs: number): void {
    this.#sqn = sqnMs;
  }

  toJSON(): { impi: string; impus: readonly string[] } {
    return { impi: this.impi, impus: this.impus };
  }

  toString(): string {
    return this.impi;
  }

  [inspect.custom](): string {
    return `Subscriber(${this.impi})`;
  }
}

/**
 * One `--subscriber IMPI=K_HEX:OPC_HEX[:SQN_HEX]` value (SQN: up to 12 hex digits, SQN_HE).
 * Throws SandboxAuthError 'invalid-user' without quoting the keys.
 */
export function parseSubscriberFlag(text: string, impus: readonly string[] = []): Subscriber {
  if (typeof text !== 'string') throw new SandboxAuthError('invalid-argument', '--subscriber takes IMPI=K_HEX:OPC_HEX[:SQN_HEX].');
  const equals = text.lastIndexOf('=');
  const impi = equals < 0 ? '' : text.slice(0, equals).trim();
  if (equals < 0 || !/^[^@\s=]+@[^@\s=]+$/.test(impi)) {
    throw new SandboxAuthError('invalid-user', '--subscriber takes IMPI=K_HEX:OPC_HEX[:SQN_HEX], with an IMPI such as 234150999999999@ims.mnc015.mcc234.3gppnetwork.org.');
  }
  const [k = '', opc = '', sqn, ...rest] = text.slice(equals + 1).split(':');
  if (rest.length > 0) throw new SandboxAuthError('invalid-user', `--subscriber ${impi}: expected K_HEX:OPC_HEX[:SQN_HEX] after "=".`);
  try {
    const sqnValue = sqn === undefined ? 0 : Number.parseInt(sqn, 16);
    if (sqn !== undefined && (!/^[0-9a-fA-F]{1,12}$/.test(sqn) || !Number.isSafeInteger(sqnValue))) throw new GbaError('invalid-argument', 'SQN must be 1–12 hex digits.');
    return new Subscriber({ impi, k: bytesFromHex(k, 16, 'K'), opc: bytesFromHex(opc, 16, 'OPc'), sqn: sqnValue, impus });
  } catch (error) {
    if (error instanceof GbaError) throw new SandboxAuthError('invalid-user', `--subscriber ${impi}: ${error.message}`);
    throw error;
  }
}
