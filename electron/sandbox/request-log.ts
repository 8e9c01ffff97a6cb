/** One line per request, never with credentials: time, client, user, method, target, status, duration. */
export function requestLogLine(fields: { remote: string | undefined; user: string | null; method: string; target: string; status: number; ms: number }): string {
  return `${new Date().toISOString()} ${fields.remote ?? '-'} ${fields.user ?? '-'} ${fields.method} ${fields.target} ${fields.status} ${fields.ms.toFixed(1)}ms`;
}
