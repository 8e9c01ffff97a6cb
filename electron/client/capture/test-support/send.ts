/** Sending through a composed undici dispatcher the way the XCAP client does. */
import type { Dispatcher } from 'undici';
import type { CaptureMark } from '../mark';
import { markRequest } from '../mark';

export interface SendInput {
  readonly origin: string;
  readonly path: string;
  readonly method?: Dispatcher.HttpMethod;
  readonly headers?: Record<string, string> | string[];
  readonly body?: Dispatcher.DispatchOptions['body'];
  readonly mark?: CaptureMark;
}

export async function send(dispatcher: Dispatcher, input: SendInput): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  const options: Dispatcher.RequestOptions = {
    origin: input.origin,
    path: input.path,
    method: input.method ?? 'GET',
    ...(input.headers !== undefined && { headers: input.headers }),
    ...(input.body !== undefined && { body: input.body }),
  };
  const response = await dispatcher.request(input.mark ? markRequest(options, input.mark) : options);
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, body, headers: response.headers };
}

/** Resolves once `predicate` holds (polling: exchanges finish as the body is consumed). */
export async function until(predicate: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
