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

/**
 * Documents written once each, in number order, by one more writer: a change no later write
 * supersedes, so losing any journal record or file of one shows.
 */
export function onceKey(n: number): string {
  return `resource-lists/users/sip:carol@example.com/once-${n}`;
}
export const ONCE_PREFIX = 'resource-lists/users/sip:carol@example.com';
