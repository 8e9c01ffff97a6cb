import { inspect } from 'node:util';

const REDACTED = '<redacted>';

/**
 * A secret (password, USIM key, private key passphrase) that cannot leak by accident: string
 * conversion, JSON and console inspection all print `<redacted>`. Only `reveal()` gives the value,
 * so every place that needs it is visible in the code.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    if (typeof value !== 'string') throw new TypeError('a Secret wraps a string');
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get isEmpty(): boolean {
    return this.#value.length === 0;
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
