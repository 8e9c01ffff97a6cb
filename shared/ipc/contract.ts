/**
 * The IPC contract: every renderer→main call and main→renderer event, with the runtime schema of
 * its argument and of its value. Preload (electron/main/preload.ts), the main-process handlers
 * (electron/ipc/handlers.ts) and browser mode's socket (electron/web/) are all derived from this
 * object, so a call without a handler fails the typecheck.
 *
 * Channel names are `xcap:<domain>.<verb>`. Every call takes one object (possibly empty) and
 * resolves to an IpcResult (result.ts), never a thrown error.
 */
import { z } from 'zod';
import { CALL_CHANNEL_NAMES, EVENT_CHANNEL_NAMES } from './channels';
import { draftKeySchema, draftSchema } from './drafts-schema';
import { profileEntrySchema, profileSchema, usimInputSchema } from './profile-schema';
import { exchangeSchema, exchangeSummarySchema } from './traffic-schema';
import { capsSchema, connectionReportSchema, directorySchema, sendRequestSchema, sendResultSchema } from './xcap-schema';

const none = z.strictObject({});
const profileName = z.strictObject({ profile: z.string().min(1).max(100) });

export const calls = {
  'xcap:app.info': {
    args: none,
    value: z.strictObject({ version: z.string(), mode: z.enum(['electron', 'browser']), platform: z.string(), keychain: z.enum(['os', 'memory']) }),
  },
  'xcap:profiles.list': { args: none, value: z.array(profileEntrySchema) },
  'xcap:profiles.save': {
    // password: a string stores it in the keychain, null deletes it, absent leaves it. It never comes back.
    // usim (GBA): K and OPc or OP, written to the keychain; like the password, never sent back.
    args: z.strictObject({ profile: profileSchema, previousName: z.string().max(100).nullable(), password: z.string().max(4096).nullable().optional(), usim: usimInputSchema.optional() }),
    value: profileEntrySchema,
  },
  'xcap:profiles.remove': { args: profileName, value: z.strictObject({ removed: z.boolean() }) },
  'xcap:profiles.test': { args: profileName, value: connectionReportSchema },
  'xcap:sandbox.status': {
    args: none,
    value: z.strictObject({ running: z.boolean(), rootUrl: z.string().nullable(), profile: z.string().nullable(), users: z.array(z.string()) }),
  },
  'xcap:xcap.caps': { args: profileName, value: capsSchema },
  'xcap:xcap.directory': { args: profileName, value: directorySchema },
  'xcap:xcap.send': { args: sendRequestSchema, value: sendResultSchema },
  /** Cancels a send in flight (by its requestId); it then fails with code 'cancelled'. */
  'xcap:xcap.cancel': { args: z.strictObject({ requestId: z.string().min(1).max(64) }), value: z.strictObject({ cancelled: z.boolean() }) },
  'xcap:traffic.list': { args: z.strictObject({ afterId: z.number().int().nonnegative().optional() }), value: z.array(exchangeSummarySchema) },
  'xcap:traffic.get': { args: z.strictObject({ id: z.number().int().positive(), reveal: z.boolean() }), value: exchangeSchema },
  'xcap:traffic.exportHar': { args: z.strictObject({ ids: z.array(z.number().int().positive()).max(1_000_000).optional() }), value: z.strictObject({ har: z.string() }) },
  'xcap:traffic.curl': { args: z.strictObject({ id: z.number().int().positive() }), value: z.strictObject({ command: z.string() }) },
  'xcap:traffic.clear': { args: none, value: z.strictObject({ cleared: z.number() }) },
  'xcap:drafts.list': { args: none, value: z.array(draftSchema) },
  'xcap:drafts.save': { args: draftSchema.omit({ savedAt: true }), value: draftSchema },
  'xcap:drafts.remove': { args: draftKeySchema, value: z.strictObject({ removed: z.boolean() }) },
} as const satisfies Record<`xcap:${string}.${string}`, { args: z.ZodType; value: z.ZodType }>;

export const events = {
  /** An exchange ended (response complete or failed). */
  'xcap:traffic.recorded': exchangeSummarySchema,
  /** The session's traffic was cleared (by this window or another): drop what is shown. */
  'xcap:traffic.cleared': none,
  /** Profiles were added, changed or removed (by this window or another). */
  'xcap:profiles.changed': none,
} as const satisfies Record<`xcap:${string}.${string}`, z.ZodType>;

export type CallChannel = keyof typeof calls;
export type EventChannel = keyof typeof events;
export type CallArgs<C extends CallChannel> = z.input<(typeof calls)[C]['args']>;
export type CallValue<C extends CallChannel> = z.output<(typeof calls)[C]['value']>;
export type EventPayload<E extends EventChannel> = z.output<(typeof events)[E]>;

export const CALL_CHANNELS: readonly CallChannel[] = CALL_CHANNEL_NAMES;
export const EVENT_CHANNELS: readonly EventChannel[] = EVENT_CHANNEL_NAMES;

// channels.ts (what the preload bundles) must list exactly the contract's channels, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callNamesMatch: Same<CallChannel, (typeof CALL_CHANNEL_NAMES)[number]> = true;
const eventNamesMatch: Same<EventChannel, (typeof EVENT_CHANNEL_NAMES)[number]> = true;
void callNamesMatch;
void eventNamesMatch;

export function isCallChannel(value: unknown): value is CallChannel {
  return typeof value === 'string' && Object.hasOwn(calls, value);
}
