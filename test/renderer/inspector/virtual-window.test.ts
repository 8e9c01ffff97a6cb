import { describe, expect, it } from 'vitest';
import { firstVisibleRow, rowsPerPage, rowWindow, scrollTopToReveal } from '../../../renderer/src/views/inspector/virtual-window';

describe('virtual window', () => {
  it('renders the visible rows plus overscan, clamped to the list', () => {
    expect(rowWindow({ scrollTop: 0, viewportHeight: 240, rowHeight: 24, count: 100_000, overscan: 5 })).toEqual({ start: 0, end: 16, offset: 0, height: 2_400_000 });
    expect(rowWindow({ scrollTop: 24 * 1000 + 10, viewportHeight: 240, rowHeight: 24, count: 100_000, overscan: 5 })).toEqual({ start: 995, end: 1016, offset: 995 * 24, height: 2_400_000 });
    expect(rowWindow({ scrollTop: 24 * 99_995, viewportHeight: 240, rowHeight: 24, count: 100_000, overscan: 5 })).toMatchObject({ start: 99_990, end: 100_000 });
    expect(rowWindow({ scrollTop: 0, viewportHeight: 240, rowHeight: 24, count: 3, overscan: 5 })).toEqual({ start: 0, end: 3, offset: 0, height: 72 });
    expect(rowWindow({ scrollTop: 500, viewportHeight: 240, rowHeight: 24, count: 0, overscan: 5 })).toEqual({ start: 0, end: 0, offset: 0, height: 0 });
  });

  it('a scroll position past the end (the list shrank) still renders the last rows', () => {
    expect(rowWindow({ scrollTop: 1e6, viewportHeight: 240, rowHeight: 24, count: 10, overscan: 2 })).toMatchObject({ start: 7, end: 10 });
    expect(firstVisibleRow(1e6, 24, 10)).toBe(9);
    expect(firstVisibleRow(-5, 24, 10)).toBe(0);
  });

  it('reveals a row with the least scrolling', () => {
    expect(scrollTopToReveal(10, 0, 240, 24)).toBe(24 * 11 - 240); // below: bottom-aligned
    expect(scrollTopToReveal(2, 240, 240, 24)).toBe(48); // above: top-aligned
    expect(scrollTopToReveal(12, 240, 240, 24)).toBe(240); // already visible
    expect(scrollTopToReveal(0, 0, 10, 24)).toBe(0);
  });

  it('pages by the whole rows that fit, at least one', () => {
    expect(rowsPerPage(240, 24)).toBe(9);
    expect(rowsPerPage(10, 24)).toBe(1);
  });
});
