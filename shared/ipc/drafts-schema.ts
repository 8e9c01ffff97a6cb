/** Unsaved editor text kept by the main process so that it survives a restart (drafts.*). */
import { z } from 'zod';

export const draftKeySchema = z.strictObject({ profile: z.string().max(100), uri: z.string().max(8192) });

export const draftSchema = z.strictObject({
  profile: z.string().max(100),
  uri: z.string().max(8192),
  /** The edited text. */
  text: z.string().max(10 << 20),
  /** The server version the edit started from: its ETag and text (the base of a three-way merge). */
  baseEtag: z.string().max(1024).nullable(),
  baseText: z.string().max(10 << 20).nullable(),
  savedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;
