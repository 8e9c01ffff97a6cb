/**
 * Lenient reading of HTTP authentication parameters (RFC 9110 §11): `name=token` or
 * `name="quoted \"string\""`, comma-separated. Lenient on purpose: it must read back its own
 * redacted output (`response=<redacted>`) and whatever real servers send, and it never throws.
 */
export interface AuthParam {
  /** Lowercased, for matching. */
  readonly name: string;
  /** The parameter exactly as written, `name=value`. */
  readonly text: string;
  /** The name as written. */
  readonly rawName: string;
}

/** The parameters of `text`, or null when it is not a parameter list (e.g. a token68). */
export function parseAuthParams(text: string): AuthParam[] | null {
  const params: AuthParam[] = [];
  let i = 0;
  const n = text.length;
  const skip = (chars: string): void => {
    while (i < n && chars.includes(text[i] ?? '')) i++;
  };
  for (;;) {
    skip(' \t,');
    if (i >= n) return params;
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(text[i] ?? '')) i++;
    const rawName = text.slice(start, i);
    if (rawName === '') return null;
    skip(' \t');
    if (text[i] !== '=') return null;
    i++;
    skip(' \t');
    if (text[i] === '"') {
      i++;
      while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (i >= n) return null; // unterminated quoted-string
      i++;
    } else {
      const valueStart = i;
      while (i < n && !' \t,'.includes(text[i] ?? '')) i++;
      if (i === valueStart) return null; // `name=` with nothing: token68 padding, not a parameter
    }
    params.push({ name: rawName.toLowerCase(), text: text.slice(start, i), rawName });
    skip(' \t');
    if (i < n && text[i] !== ',') return null;
  }
}
