/**
 * The inspector's display filter: free text, a method, and a status class. Every
 * whitespace-separated term of the text must match: a three-digit term (`401`) or a class (`4xx`)
 * matches the status only — so a port like 40123 does not match 401 —, any other term is found,
 * case insensitive, in the method, AUID, URL (raw or decoded), attempt, label, profile, error or
 * `#id`.
 */
import type { ExchangeSummary } from '../../../../shared/ipc';
import { decodedPath } from './format';

export type StatusClass = 'all' | '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'failed';

export const STATUS_CLASSES: readonly { readonly value: StatusClass; readonly label: string }[] = [
  { value: 'all', label: 'Any status' },
  { value: '2xx', label: '2xx success' },
  { value: '3xx', label: '3xx redirect' },
  { value: '4xx', label: '4xx client error' },
  { value: '5xx', label: '5xx server error' },
  { value: '1xx', label: '1xx informational' },
  { value: 'failed', label: 'No response (failed)' },
];

export const METHODS: readonly string[] = ['GET', 'PUT', 'DELETE', 'POST', 'HEAD', 'OPTIONS', 'PATCH'];

export interface TrafficFilter {
  readonly text: string;
  /** '' for any method. */
  readonly method: string;
  readonly status: StatusClass;
}

export const NO_FILTER: TrafficFilter = { text: '', method: '', status: 'all' };

export function isFilterActive(filter: TrafficFilter): boolean {
  return filter.text.trim() !== '' || filter.method !== '' || filter.status !== 'all';
}

export function statusClassOf(status: number | null): StatusClass {
  if (status === null) return 'failed';
  const hundred = Math.floor(status / 100);
  return hundred >= 1 && hundred <= 5 ? (`${hundred}xx` as StatusClass) : 'all';
}

// The lowercased text a row is searched in, computed once per summary (rows are immutable).
const haystacks = new WeakMap<ExchangeSummary, string>();

function haystack(row: ExchangeSummary): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = [`#${row.id}`, row.method, row.status === null ? 'failed' : '', row.auid ?? '', row.url, decodedPath(row.url), row.attempt, row.label ?? '', row.profile, row.error ?? '', row.resource ?? '']
      .join('\n')
      .toLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

/** A predicate for the filter (the terms split once, not per row). */
export function compileFilter(filter: TrafficFilter): (row: ExchangeSummary) => boolean {
  const terms = filter.text.toLowerCase().split(/\s+/).filter((term) => term !== '');
  const method = filter.method.toUpperCase();
  return (row) => {
    if (method !== '' && row.method.toUpperCase() !== method) return false;
    if (filter.status !== 'all' && statusClassOf(row.status) !== filter.status) return false;
    if (terms.length === 0) return true;
    const text = haystack(row);
    return terms.every((term) => {
      if (/^\d{3}$/.test(term)) return String(row.status) === term;
      if (/^[1-5]xx$/.test(term)) return statusClassOf(row.status) === term;
      return text.includes(term);
    });
  };
}

/** The rows that pass, in order; the same array when no filter is set. */
export function applyFilter(rows: readonly ExchangeSummary[], filter: TrafficFilter): readonly ExchangeSummary[] {
  if (!isFilterActive(filter)) return rows;
  return rows.filter(compileFilter(filter));
}
