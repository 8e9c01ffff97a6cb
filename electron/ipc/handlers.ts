/**
 * What the main process must implement: one handler per contract call. A services object that
 * lacks one fails the typecheck (`satisfies CallHandlers`), which is the point.
 */
import type { z } from 'zod';
import type { CallChannel, CallValue, calls } from '../../shared/ipc';

/** Handlers receive arguments already checked against the channel's schema. */
export type CallHandlers = {
  readonly [C in CallChannel]: (args: z.output<(typeof calls)[C]['args']>) => Promise<CallValue<C>>;
};

/** Thrown by a handler to answer with a specific contract error code. */
export class IpcHandlerError extends Error {
  override readonly name = 'IpcHandlerError';
  constructor(
    readonly code: 'not-found' | 'invalid-argument' | 'sandbox' | 'xcap-invalid' | 'network' | 'auth' | 'profile-invalid',
    message: string,
  ) {
    super(message);
  }
}
