import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecord, JournalFile, readJournal, type JournalRecord } from './journal';
import { tempDirectory, text } from './test-support/temp-store';

const records: JournalRecord[] = [
  { key: 'resource-lists/users/sip:alice@example.com/index', file: text('{"format":"xcap-store/1"}\n<a/>') },
  { key: 'mime/users/sip:alice@example.com/photo', file: null },
  { key: 'a/global/ünïcode', file: new Uint8Array(0) },
];
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) out.set(part, (at += part.byteLength) - part.byteLength);
  return out;
};

describe('journal records', () => {
  it('round-trip in order', () => {
    expect(decodeRecords(concat(records.map(encodeRecord)))).toEqual(records);
  });

  it('a torn last record ends the list at the last whole one, at every cut', () => {
    const whole = concat(records.map(encodeRecord));
    const [first, second] = records.map(encodeRecord) as [Uint8Array, Uint8Array];
    const firstTwo = first.byteLength + second.byteLength;
    for (let cut = firstTwo; cut < whole.byteLength; cut++) expect(decodeRecords(whole.subarray(0, cut))).toEqual(records.slice(0, 2));
  });

  it('a damaged byte (CRC mismatch) or a foreign file ends the list before the damage', () => {
    const whole = concat(records.map(encodeRecord));
    const secondStart = (records.map(encodeRecord)[0] as Uint8Array).byteLength;
    const damaged = whole.slice();
    damaged[secondStart + 20] = (damaged[secondStart + 20] ?? 0) ^ 0x01;
    expect(decodeRecords(damaged)).toEqual(records.slice(0, 1));
    expect(decodeRecords(text('not a journal at all, just some text'))).toEqual([]);
  });
});

describe('JournalFile', () => {
  it('appends concurrently (group commit): every append resolves, and the file holds them all in call order', async () => {
    const path = join(tempDirectory(), '.journal-1');
    const journal = await JournalFile.create(path);
    // 1,200 writes, two buffers each: one group's writev passes IOV_MAX (1,024 on Linux).
    const many = Array.from({ length: 1200 }, (_, n) => ({ key: `a/global/d${n}`, file: text(`document ${n}`) }));
    await Promise.all(many.map((record) => journal.append(record)));
    await journal.close();
    expect(await readJournal(path)).toEqual(many);
    expect(journal.size).toBe(readFileSync(path).byteLength);
    await expect(journal.append({ key: 'a/global/late', file: null })).rejects.toThrow(/closed/);
  });

  it('never opens an existing file', async () => {
    const path = join(tempDirectory(), '.journal-1');
    await (await JournalFile.create(path)).close();
    await expect(JournalFile.create(path)).rejects.toMatchObject({ code: 'EEXIST' });
  });
});
