import type { IpcResult } from '../../../shared/ipc';

/** Thrown for a failed contract call, carrying its stable code for the views to branch on. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call;
  if (!result.ok) throw new CallError(result.error.code, result.error.message);
  return result.value;
}
