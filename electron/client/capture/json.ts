import { bodyText } from './body-text';
import type { BodyJson, CapturedBody, Exchange, ExchangeJson } from './exchange';
import { redactExchange, type RedactOptions } from './redact';

export type { BodyJson, ExchangeJson } from './exchange';

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
