import { XcapCoreError } from '../errors';
import type { XmlLimits } from './limits';
import { defaultXmlLimits } from './limits';

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/**
 * Decodes bytes that must be UTF-8 (RFC 4825 §8.2.1: XCAP documents and bodies are UTF-8).
 * A BOM is kept in the text so that byte-preserving edits give the same bytes back.
 */
export function decodeUtf8(bytes: Uint8Array, limits: XmlLimits = defaultXmlLimits): string {
  assertWithinLimit(bytes.byteLength, limits);
  try {
    return strictDecoder.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new XcapCoreError('not-utf-8', `the content is not valid UTF-8 (first invalid byte at offset ${offset})`);
  }
}

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Accepts text or bytes; text is measured in UTF-8 bytes against the limit. */
export function toText(input: string | Uint8Array, limits: XmlLimits = defaultXmlLimits): string {
  if (typeof input !== 'string') return decodeUtf8(input, limits);
  // A UTF-16 string is at most 3 UTF-8 bytes per code unit: only measure when it could matter.
  if (input.length * 3 > limits.maxBytes) assertWithinLimit(encoder.encode(input).byteLength, limits);
  return input;
}

export function assertWithinLimit(byteLength: number, limits: XmlLimits): void {
  if (byteLength > limits.maxBytes) {
    throw new XcapCoreError('too-large', `the content is ${byteLength} bytes; the limit is ${limits.maxBytes} bytes`);
  }
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.byteLength;
  // Binary search on prefixes: a prefix decodes (streaming) iff no invalid byte occurs in it.
  while (low < high) {
    const mid = (low + high) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return low;
}
