/** What crash-writer.ts writes, shared with crash.test.ts, which checks it. */

export const CRASH_KEYS = [
  'resource-lists/users/sip:alice@example.com/index',
  'resource-lists/users/sip:bob@example.com/index',
  'pres-rules/users/sip:alice@example.com/index',
  'mime/users/sip:alice@example.com/log.txt',
];

/** Line n (from 1) of a document; padded so files grow by kilobytes and a torn write would show. */
export function crashLine(n: number): string {
  return `line ${n} ${'x'.repeat(200 + (n % 17) * 13)}\n`;
}
