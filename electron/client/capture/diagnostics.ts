import diagnosticsChannel from 'node:diagnostics_channel';

/** undici's diagnostics channels the recorder listens to (process-wide: every undici in the process publishes here). */
export const UNDICI_CHANNELS = {
  create: 'undici:request:create',
  bodyChunkSent: 'undici:request:bodyChunkSent',
  bodySent: 'undici:request:bodySent',
  headers: 'undici:request:headers',
  trailers: 'undici:request:trailers',
  error: 'undici:request:error',
  sendHeaders: 'undici:client:sendHeaders',
  beforeConnect: 'undici:client:beforeConnect',
  connected: 'undici:client:connected',
  connectError: 'undici:client:connectError',
} as const;

export type UndiciChannel = keyof typeof UNDICI_CHANNELS;

/**
 * Subscribes every handler, each wrapped so that it can never throw: an exception in a diagnostics
 * subscriber propagates into undici's publish call (breaking that request) or, from a socket
 * callback, crashes the process. Failures go to `onError`. Returns the unsubscribe function.
 */
export function subscribeGuarded(handlers: { readonly [K in UndiciChannel]?: (message: unknown) => void }, onError: (error: unknown, channel: string) => void): () => void {
  const subscriptions: Array<[string, (message: unknown, name: string | symbol) => void]> = [];
  for (const [key, handler] of Object.entries(handlers) as Array<[UndiciChannel, (message: unknown) => void]>) {
    const channel = UNDICI_CHANNELS[key];
    const guarded = (message: unknown): void => {
      try {
        handler(message);
      } catch (error) {
        try {
          onError(error, channel);
        } catch {
          // The reporter failed as well: drop it rather than break the request.
        }
      }
    };
    diagnosticsChannel.subscribe(channel, guarded);
    subscriptions.push([channel, guarded]);
  }
  return () => {
    for (const [channel, guarded] of subscriptions.splice(0)) diagnosticsChannel.unsubscribe(channel, guarded);
  };
}

/** Reads a field of a diagnostics message defensively: messages are undici's internal objects. */
export function field(message: unknown, name: string): unknown {
  return typeof message === 'object' && message !== null ? (message as Record<string, unknown>)[name] : undefined;
}
