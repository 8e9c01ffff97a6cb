import { bodyText } from './body-text';
import type { CapturedBody, Exchange, ExchangeRequest, ExchangeResponse } from './exchange';
import { redactExchange, type RedactOptions } from './redact';

/** A body in JSON: UTF-8 text when it is clean text, else base64. */
export interface BodyJson {
  readonly size: number;
  readonly truncated: boolean;
  readonly text?: string;
  readonly base64?: string;
}

/** An Exchange with JSON-safe bodies (for files, `--json` and logs; IPC can carry Exchange as it is). */
export interface ExchangeJson extends Omit<Exchange, 'request' | 'response'> {
  readonly request: Omit<ExchangeRequest, 'body'> & { readonly body: BodyJson | null };
  readonly response: (Omit<ExchangeResponse, 'body'> & { readonly body: BodyJson | null }) | null;
}

/** The exchange as plain JSON data, redacted unless `reveal`. */
export function exchangeToJson(exchange: Exchange, options: RedactOptions = {}): ExchangeJson {
  const shown = redactExchange(exchange, options);
  return {
    ...shown,
    request: { ...shown.request, body: bodyJson(shown.request.body) },
    response: shown.response && { ...shown.response, body: bodyJson(shown.response.body) },
  };
}

function bodyJson(body: CapturedBody | null): BodyJson | null {
  if (body === null) return null;
  const shown = bodyText(body.bytes);
  return { size: body.size, truncated: body.truncated, ...(shown.encoding === null ? { text: shown.text } : { base64: shown.text }) };
}
