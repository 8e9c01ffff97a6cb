import { describe, expect, it } from 'vitest';
import type { ExchangeSummary } from '../../../shared/ipc';
import { appendRows, idsBetween, indexOfId } from '../../../renderer/src/views/inspector/traffic-rows';

const row = (id: number) => ({ id }) as ExchangeSummary;
const ids = (rows: readonly ExchangeSummary[]) => rows.map((r) => r.id);

describe('inspector rows', () => {
  it('appends new ids in order, skipping those already listed (events that raced the first list)', () => {
    const { rows, dropped } = appendRows([row(1), row(2)], [row(4), row(2), row(3)]);
    expect(ids(rows)).toEqual([1, 2, 3, 4]);
    expect(dropped).toBe(0);
    const same = [row(1)];
    expect(appendRows(same, [row(1)]).rows).toBe(same);
  });

  it('keeps at most max rows, dropping the oldest, and says how many left', () => {
    expect(appendRows([row(1), row(2), row(3)], [row(4), row(5)], 4)).toEqual({ rows: [row(2), row(3), row(4), row(5)], dropped: 1 });
    expect(appendRows([row(1)], [row(2), row(3), row(4)], 2)).toEqual({ rows: [row(3), row(4)], dropped: 1 });
  });

  it('finds rows by id and ranges', () => {
    const rows = [row(2), row(5), row(9), row(12)];
    expect(rows.map((r) => indexOfId(rows, r.id))).toEqual([0, 1, 2, 3]);
    expect(indexOfId(rows, 7)).toBe(-1);
    expect(indexOfId([], 1)).toBe(-1);
    expect(idsBetween(rows, 3, 1)).toEqual([5, 9, 12]);
  });
});
