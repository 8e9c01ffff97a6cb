/**
 * The "/"-separated segments of text[pathStart, pathEnd) without copying them up front: a
 * megabyte path can hold a million segments, so positions live in typed arrays, plain
 * segments are compared in place, and only segments with a "%" are decoded (once).
 */
import { findForbiddenCharacter, forbiddenCharacterError } from './forbidden-characters';
import { percentDecode } from './percent';

export type DecodeMode = 'strict' | 'lenient';

export class PathReader {
  readonly count: number;
  private readonly starts: Int32Array;
  private readonly escaped: Uint8Array;
  private readonly decodedCache = new Map<number, string>();

  /**
   * `text[pathStart]` is the "/" before the first segment (or pathStart === pathEnd: no
   * path). Throws XcapCoreError('invalid-uri') at a control character or unpaired surrogate.
   */
  constructor(
    readonly text: string,
    readonly pathStart: number,
    readonly pathEnd: number,
    private readonly mode: DecodeMode,
  ) {
    // One pass: segment starts, segments with escapes, forbidden characters.
    // Preallocated for the worst case (every character a "/"), so the loop never grows an array.
    const starts = new Int32Array(Math.max(0, pathEnd - pathStart));
    const escapedSegments: number[] = [];
    let count = 0;
    for (let index = pathStart; index < pathEnd; index++) {
      const code = text.charCodeAt(index);
      if (code === 0x2f) {
        starts[count++] = index + 1;
      } else if (code === 0x25) {
        if (escapedSegments[escapedSegments.length - 1] !== count - 1) escapedSegments.push(count - 1);
      } else if (code < 0x20 || code >= 0x7f) {
        const forbidden = findForbiddenCharacter(text, index, Math.min(index + 2, pathEnd));
        if (forbidden === index) throw forbiddenCharacterError(text, index);
        if (code >= 0xd800 && code <= 0xdbff) index++; // the low half of a checked pair
      }
    }
    this.count = count;
    this.starts = starts.subarray(0, count);
    this.escaped = new Uint8Array(this.count);
    for (const segment of escapedSegments) this.escaped[segment] = 1;
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
    const length = this.end(index) - this.start(index);
    if (this.escaped[index] === 0) return length === value.length && this.text.startsWith(value, this.start(index));
    // An escape is 3 characters for at most 2 UTF-16 units: longer raw text cannot match, so is() never decodes it.
    return length <= 3 * value.length && this.decoded(index) === value;
  }

  /** Column just after the path, for "missing ..." errors. */
  get endColumn(): number {
    return this.pathEnd + 1;
  }
}
