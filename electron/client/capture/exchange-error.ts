import type { ExchangeError } from './exchange';

/** `{ code, message }` of whatever undici or Node threw: its code, its cause's code, else its name. */
export function describeError(error: unknown): ExchangeError {
  if (typeof error !== 'object' || error === null) return { code: 'Error', message: String(error) };
  const e = error as { code?: unknown; name?: unknown; message?: unknown; cause?: { code?: unknown } | null; errors?: unknown };
  const nested = Array.isArray(e.errors) ? (e.errors[0] as { code?: unknown } | undefined) : undefined;
  const code = [e.code, e.cause?.code, nested?.code].find((c) => typeof c === 'string' && c !== '');
  const message = typeof e.message === 'string' && e.message !== '' ? e.message : typeof code === 'string' ? code : 'request failed';
  return { code: typeof code === 'string' ? code : typeof e.name === 'string' ? e.name : 'Error', message };
}
