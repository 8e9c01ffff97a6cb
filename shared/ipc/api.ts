/**
 * `window.xcap`: the contract as methods, `window.xcap.<domain>.<verb>(args)` for calls and
 * `window.xcap.<domain>.on<Verb>(listener)` for events (returns an unsubscribe function). Built the
 * same way by the Electron preload and by browser mode's socket client, from two primitives that
 * stay private to them.
 */
import { CALL_CHANNEL_NAMES, EVENT_CHANNEL_NAMES } from './channels';
import type { CallArgs, CallChannel, CallValue, EventChannel, EventPayload } from './contract';
import type { IpcResult } from './result';

type DomainOf<C extends string> = C extends `xcap:${infer D}.${string}` ? D : never;
type VerbOf<C extends string> = C extends `xcap:${string}.${infer V}` ? V : never;

type DomainCalls<D extends string> = {
  [C in CallChannel as DomainOf<C> extends D ? VerbOf<C> : never]: (args: CallArgs<C>) => Promise<IpcResult<CallValue<C>>>;
};
type DomainEvents<D extends string> = {
  [E in EventChannel as DomainOf<E> extends D ? `on${Capitalize<VerbOf<E>>}` : never]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export type XcapApi = { [D in DomainOf<CallChannel | EventChannel>]: DomainCalls<D> & DomainEvents<D> };

export type Invoke = (channel: CallChannel, args: unknown) => Promise<IpcResult<unknown>>;
export type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

export function buildXcapApi(invoke: Invoke, subscribe: Subscribe): XcapApi {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (channel: string) => (api[channel.slice(5, channel.indexOf('.'))] ??= {});
  const verb = (channel: string) => channel.slice(channel.indexOf('.') + 1);
  for (const channel of CALL_CHANNEL_NAMES) domain(channel)[verb(channel)] = (args: unknown) => invoke(channel, args ?? {});
  for (const channel of EVENT_CHANNEL_NAMES) {
    const name = verb(channel);
    domain(channel)[`on${name.charAt(0).toUpperCase()}${name.slice(1)}`] = (listener: (payload: unknown) => void) => subscribe(channel, listener);
  }
  return api as unknown as XcapApi;
}
