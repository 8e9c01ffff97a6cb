/** Cell texts of the inspector's list and detail panes. */

/** The URL's path and query with each segment percent-decoded (the node selector readable), or the URL when it does not parse. */
export function decodedPath(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  return decodePercent(parsed.pathname) + decodePercent(parsed.search);
}

/** Percent-decodes what decodes; a malformed escape stays as written. */
export function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** `10:04:05.123` in local time, from an ISO timestamp. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** `0.4`, `12`, `1,234` ms. */
export function milliseconds(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 10) return ms.toFixed(1);
  return thousands(Math.round(ms));
}

/** `1,234,567` (Intl is too slow for cells rendered every frame). */
export function thousands(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) out += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  return (n < 0 ? '-' : '') + out;
}

/** `0 B`, `912 B`, `1.5 kB`, `2.3 MB` (SI, as HAR tools show). */
export function byteSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** `auth-retry`; nothing for a plain first try, which is most rows. */
export function attemptLabel(attempt: string): string {
  return attempt === 'initial' ? '' : attempt;
}

/** A file-name-safe local timestamp: `20261127-100405`. */
export function fileStamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}
