/**
 * The result of bootstrapping (TS 33.220 §4.5.2): the key Ks = CK ‖ IK, the RAND it came from,
 * the B-TID the BSF gave it and its lifetime. Held in memory only, never written anywhere, and
 * never printed: String(), JSON and util.inspect show `GbaKey(<redacted>)`.
 */
import { inspect } from 'node:util';
import { Secret } from '../secrets/secret';
import { GbaError } from './gba-error';
import { deriveKsNaf, UA_HTTP_DIGEST } from './kdf';

const REDACTED = 'GbaKey(<redacted>)';

export class GbaKey {
  readonly #impi: string;
  readonly #btid: string;
  readonly #rand: Buffer;
  readonly #ks: Buffer;
  readonly #expiresAt: number;

  constructor(fields: { impi: string; btid: string; rand: Uint8Array; ck: Uint8Array; ik: Uint8Array; expiresAt: Date }) {
    if (fields.ck.length !== 16 || fields.ik.length !== 16) throw new GbaError('invalid-argument', 'CK and IK must be 16 bytes each.');
    this.#impi = fields.impi;
    this.#btid = fields.btid;
    this.#rand = Buffer.from(fields.rand);
    this.#ks = Buffer.concat([fields.ck, fields.ik]);
    this.#expiresAt = fields.expiresAt.getTime();
  }

  /** The B-TID: the Digest username on Ua (it travels in clear there). */
  get btid(): string {
    return this.#btid;
  }

  get impi(): string {
    return this.#impi;
  }

  /** When Ks expires (ms since the epoch). */
  get expiresAt(): number {
    return this.#expiresAt;
  }

  isExpired(now: number): boolean {
    return now >= this.#expiresAt;
  }

  /** The Ua Digest password for a NAF: base64(Ks_NAF) (TS 24.109 §5.2.2). */
  nafPassword(nafFqdn: string, uaProtocolId: Uint8Array = UA_HTTP_DIGEST): Secret {
    return new Secret(deriveKsNaf(this.#ks, this.#rand, this.#impi, nafFqdn, uaProtocolId).toString('base64'));
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
