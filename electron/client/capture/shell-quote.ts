import { CaptureError } from './capture-error';

/**
 * POSIX shell quoting (works in sh/dash, bash, zsh): single quotes keep every character literal
 * except the single quote itself, written '\'' (close, escaped quote, reopen).
 */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** `'prefix'"$NAME"`: a literal followed by a variable expanded by the shell, never re-split. */
export function shellQuoteWithVariable(prefix: string, variable: string, suffix = ''): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new CaptureError('invalid-option', `not a shell variable name: ${variable}`);
  return `${prefix === '' ? '' : shellQuote(prefix)}"$${variable}"${suffix === '' ? '' : shellQuote(suffix)}`;
}

/**
 * Characters kept literal in a printf %b argument: printable ASCII and printable non-ASCII, plus
 * tab and line feed. Everything else (other controls, DEL, C1, invisible and bidi formatting
 * characters that could make a pasted command read differently than it runs, bytes that are not
 * UTF-8) becomes \0ooo.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const ESCAPED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;

/**
 * The shell words `'%b' 'arg' 'arg' …` for printf that print exactly `bytes`: POSIX printf's %b
 * turns \\ into a backslash and \0ooo into a byte. Arguments are split at about `chunkChars`
 * characters, below Linux's 128 KiB limit on one argument (printf is a builtin in sh, bash and zsh,
 * but a copy may end up in other hands).
 */
export function printfBytesArguments(bytes: Uint8Array, chunkChars = 32 * 1024): string {
  const args: string[] = [];
  let current = '';
  const push = (piece: string): void => {
    if (current.length + piece.length > chunkChars && current !== '') {
      args.push(current);
      current = '';
    }
    current += piece;
  };
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 0) {
      const char = Buffer.from(bytes.buffer, bytes.byteOffset + i, length).toString('utf8');
      if (char === '\\') push('\\\\');
      else if (!ESCAPED.test(char)) push(char);
      else for (let k = 0; k < length; k++) push(octal(bytes[i + k] ?? 0));
      i += length;
    } else {
      push(octal(bytes[i] ?? 0));
      i += 1;
    }
  }
  if (current !== '' || args.length === 0) args.push(current);
  return [`'%b'`, ...args.map(shellQuote)].join(' ');
}

function octal(byte: number): string {
  return `\\0${byte.toString(8).padStart(3, '0')}`;
}

/** Length of the well-formed UTF-8 sequence at `i` (1–4), or 0 when the bytes there are not UTF-8. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= low && b <= high;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
