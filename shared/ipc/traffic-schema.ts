/** Values of the traffic.* channels. Full exchanges use the shared record type (shared/traffic). */
import { z } from 'zod';
import type { AkaView } from '../traffic/aka';
import type { ExchangeJson } from '../traffic/exchange';

/** One row of the inspector's list: enough to filter and sort without fetching the exchange. */
export const exchangeSummarySchema = z.strictObject({
  id: z.number(),
  profile: z.string(),
  startedAt: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().nullable(),
  error: z.string().nullable(),
  auid: z.string().nullable(),
  resource: z.string().nullable(),
  attempt: z.string(),
  label: z.string().nullable(),
  totalMs: z.number(),
  requestBytes: z.number(),
  responseBytes: z.number(),
  contentType: z.string().nullable(),
});
export type ExchangeSummary = z.infer<typeof exchangeSummarySchema>;

// The exchange record is a large, nested, main-process-produced type: checked by its TypeScript type
// (shared/traffic/exchange.ts) rather than repeated here as a schema.
export const exchangeSchema = z.custom<ExchangeJson & { readonly profile: string; readonly aka: AkaView | null }>((value) => typeof value === 'object' && value !== null && 'request' in value);
