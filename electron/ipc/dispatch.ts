/**
 * The one entry point of every call, whichever way it arrives (Electron IPC or browser mode's
 * socket): the channel must be in the contract, the argument must pass the channel's schema, and
 * whatever happens the caller gets an IpcResult — never an exception, never a crash.
 */
import { calls, failure, isCallChannel, ok, type IpcResult } from '../../shared/ipc';
import type { CallHandlers } from './handlers';
import { toIpcError } from './to-ipc-error';

export async function dispatchCall(handlers: CallHandlers, channel: unknown, args: unknown): Promise<IpcResult<unknown>> {
  if (!isCallChannel(channel)) return failure('unknown-channel', `no such call: ${String(channel).slice(0, 100)}`);
  const parsed = calls[channel].args.safeParse(args);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    return failure('invalid-argument', `${channel}: invalid argument${where}: ${first?.message ?? 'rejected'}`);
  }
  try {
    const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}
