/**
 * The "/"-separated segments of text[pathStart, pathEnd) without copying them up front: a
 * megabyte path can hold a million segments, so positions live in typed arrays, plain
 * segments are compared in place, and only segments with a "%" are decoded (once).
 */
import { XcapCoreError } from '../errors';
import { codePointLabel, isControl } from './char-classes';
import { percentDecode } from './percent';

export type DecodeMode = 'strict' | 'lenient';

const SLASH = 0x2f;
const PERCENT = 0x25;

export class PathReader {
  readonly count: number;
  private readonly starts: Int32Array;
  private readonly escaped: Uint8Array;
  private readonly decodedCache = new Map<number, string>();

  /** `text[pathStart]` is the "/" before the first segment (or pathStart === pathEnd: no path). */
  constructor(
    readonly text: string,
    readonly pathStart: number,
    readonly pathEnd: number,
    private readonly mode: DecodeMode,
  ) {
    let count = 0;
    for (let index = pathStart; index < pathEnd; index++) if (text.charCodeAt(index) === SLASH) count++;
    this.count = count;
    this.starts = new Int32Array(count);
    this.escaped = new Uint8Array(count);
    let segment = -1;
    for (let index = pathStart; index < pathEnd; index++) {
      const code = text.charCodeAt(index);
      if (code === SLASH) this.starts[++segment] = index + 1;
      else if (code === PERCENT) this.escaped[segment] = 1;
      else if (isControl(code) || (code >= 0xd800 && code <= 0xdfff)) index = this.checkCharacter(index);
    }
  }

  /** Rejects control characters and unpaired surrogates; returns the index of the last unit of the character. */
  private checkCharacter(index: number): number {
    const code = this.text.charCodeAt(index);
    const next = this.text.charCodeAt(index + 1);
    if (code <= 0xdbff && code >= 0xd800 && index + 1 < this.pathEnd && next >= 0xdc00 && next <= 0xdfff) return index + 1;
    const what = isControl(code) ? 'Control character' : 'Unpaired surrogate';
    throw new XcapCoreError('invalid-uri', `${what} ${codePointLabel(code)} at column ${index + 1} is not allowed in an XCAP URI.`, {
      column: index + 1,
    });
  }

  /** Index in the text of the segment's first character. */
  start(index: number): number {
    return this.starts[index] ?? this.pathEnd;
  }

  /** Index in the text just after the segment. */
  end(index: number): number {
    return index + 1 < this.count ? this.start(index + 1) - 1 : this.pathEnd;
  }

  raw(index: number): string {
    return this.text.slice(this.start(index), this.end(index));
  }

  isEmpty(index: number): boolean {
    return this.start(index) === this.end(index);
  }

  decoded(index: number): string {
    if (index < 0 || index >= this.count) return '';
    if (this.escaped[index] === 0) return this.raw(index);
    let value = this.decodedCache.get(index);
    if (value === undefined) {
      value = percentDecode(this.raw(index), { column: this.start(index) + 1, mode: this.mode });
      this.decodedCache.set(index, value);
    }
    return value;
  }

  /** decoded(index) === value, without slicing a segment that has no escapes. */
  is(index: number, value: string): boolean {
    if (index < 0 || index >= this.count) return false;
    if (this.escaped[index] === 1) return this.decoded(index) === value;
    return this.end(index) - this.start(index) === value.length && this.text.startsWith(value, this.start(index));
  }

  /** Column just after the path, for "missing ..." errors. */
  get endColumn(): number {
    return this.pathEnd + 1;
  }
}
