/**
 * MILENAGE (3GPP TS 35.206): the example algorithm set for the AKA functions f1, f1*, f2, f3, f4,
 * f5 and f5*, built on AES-128 (node:crypto, one ECB block at a time).
 *
 *   OPc  = OP ⊕ E_K(OP)
 *   TEMP = E_K(RAND ⊕ OPc)
 *   IN1  = SQN ‖ AMF ‖ SQN ‖ AMF
 *   OUT1 = E_K(TEMP ⊕ rot(IN1 ⊕ OPc, r1) ⊕ c1) ⊕ OPc       f1 = OUT1[0..63], f1* = OUT1[64..127]
 *   OUTi = E_K(rot(TEMP ⊕ OPc, ri) ⊕ ci) ⊕ OPc   (i = 2…5)  f5 = OUT2[0..47], f2 = OUT2[64..127],
 *                                                          f3 = OUT3, f4 = OUT4, f5* = OUT5[0..47]
 *   r1…r5 = 64, 0, 32, 64, 96 bits;  c1…c5 = 0, 1, 2, 4, 8 (128-bit constants)
 *
 * Every rotation is a whole number of bytes, so rot() is a byte rotation. Inputs are checked for
 * length; outputs are fresh Buffers the caller owns (and should not print: CK, IK and RES are keys).
 */
import { createCipheriv } from 'node:crypto';
import { GbaError } from './gba-error';

export interface MilenageF1 {
  /** f1: the network authentication code MAC-A (8 bytes). */
  readonly macA: Buffer;
  /** f1*: the resynchronisation authentication code MAC-S (8 bytes). */
  readonly macS: Buffer;
}

export interface MilenageF2345 {
  /** f2: RES / XRES (8 bytes). */
  readonly res: Buffer;
  /** f3: the cipher key CK (16 bytes). */
  readonly ck: Buffer;
  /** f4: the integrity key IK (16 bytes). */
  readonly ik: Buffer;
  /** f5: the anonymity key AK (6 bytes). */
  readonly ak: Buffer;
}

const R = [64, 0, 32, 64, 96] as const;
const C = [0, 1, 2, 4, 8] as const;

/** E_K(block): one AES-128 block. */
function encrypt(k: Uint8Array, block: Uint8Array): Buffer {
  const cipher = createCipheriv('aes-128-ecb', k, null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]);
}

function xor(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  return out;
}

/** Cyclic rotation of a 128-bit value by `bits` towards the most significant bit. */
function rot(x: Uint8Array, bits: number): Buffer {
  const shift = bits / 8;
  const out = Buffer.alloc(16);
  for (let i = 0; i < 16; i++) out[i] = x[(i + shift) % 16] ?? 0;
  return out;
}

function withConstant(x: Buffer, c: number): Buffer {
  const out = Buffer.from(x);
  out[15] = (out[15] ?? 0) ^ c;
  return out;
}

function check(value: Uint8Array, length: number, what: string): void {
  if (!(value instanceof Uint8Array) || value.length !== length) throw new GbaError('invalid-argument', `${what} must be ${length} bytes.`);
}

/** OPc = OP ⊕ E_K(OP) (TS 35.206 §4.1). */
export function opcFromOp(k: Uint8Array, op: Uint8Array): Buffer {
  check(k, 16, 'K');
  check(op, 16, 'OP');
  return xor(encrypt(k, op), op);
}

/** MILENAGE for one subscriber (K, OPc). Holds the keys privately; prints nothing of them. */
export class Milenage {
  readonly #k: Buffer;
  readonly #opc: Buffer;

  constructor(k: Uint8Array, opc: Uint8Array) {
    check(k, 16, 'K');
    check(opc, 16, 'OPc');
    this.#k = Buffer.from(k);
    this.#opc = Buffer.from(opc);
  }

  /** f1 and f1*: MAC-A and MAC-S over SQN (6 bytes), RAND (16) and AMF (2). */
  f1(rand: Uint8Array, sqn: Uint8Array, amf: Uint8Array): MilenageF1 {
    check(rand, 16, 'RAND');
    check(sqn, 6, 'SQN');
    check(amf, 2, 'AMF');
    const in1 = Buffer.concat([sqn, amf, sqn, amf]);
    const out1 = xor(encrypt(this.#k, xor(this.#temp(rand), rot(xor(in1, this.#opc), R[0]))), this.#opc);
    return { macA: out1.subarray(0, 8), macS: out1.subarray(8, 16) };
  }

  /** f2, f3, f4 and f5: RES, CK, IK and AK for RAND. */
  f2345(rand: Uint8Array): MilenageF2345 {
    check(rand, 16, 'RAND');
    const temp = this.#temp(rand);
    const out2 = this.#out(temp, 1);
    return { res: out2.subarray(8, 16), ck: this.#out(temp, 2), ik: this.#out(temp, 3), ak: out2.subarray(0, 6) };
  }

  /** f5*: the anonymity key AK* that conceals SQN_MS in AUTS. */
  f5star(rand: Uint8Array): Buffer {
    check(rand, 16, 'RAND');
    return this.#out(this.#temp(rand), 4).subarray(0, 6);
  }

  #temp(rand: Uint8Array): Buffer {
    return encrypt(this.#k, xor(rand, this.#opc));
  }

  /** OUT2…OUT5 by index 1…4 into r/c. */
  #out(temp: Buffer, index: 1 | 2 | 3 | 4): Buffer {
    return xor(encrypt(this.#k, withConstant(rot(xor(temp, this.#opc), R[index]), C[index])), this.#opc);
  }

  toJSON(): string {
    return 'Milenage(<redacted>)';
  }

  toString(): string {
    return 'Milenage(<redacted>)';
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'Milenage(<redacted>)';
  }
}
