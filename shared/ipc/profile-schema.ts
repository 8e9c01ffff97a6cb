/**
 * The shape of a server profile as it crosses the IPC boundary. The main process validates it
 * again, strictly, with its own rules (electron/profiles/validate-profile.ts); this schema only
 * keeps wrong-typed values out of the handlers. Secrets are never part of a profile: a password
 * travels once, write-only, beside it (profiles.save).
 */
import { z } from 'zod';

const text = (max: number) => z.string().max(max);

export const profileAuthSchema = z.strictObject({
  method: z.enum(['digest', 'basic', 'gba', 'none']),
  username: text(512).optional(),
  allowCleartextBasic: z.boolean().optional(),
  /** GBA: the BSF's URL when not derived from the IMPI. */
  bsfUrl: text(2048).optional(),
});

const clientCertSchema = z.union([
  z.strictObject({ certFile: text(4096), keyFile: text(4096) }),
  z.strictObject({ p12File: text(4096) }),
]);

export const profileTlsSchema = z.strictObject({
  caFiles: z.array(text(4096)).max(50).optional(),
  pinSha256: text(200).optional(),
  clientCert: clientCertSchema.optional(),
  http2: z.boolean().optional(),
});

export const profileSchema = z.strictObject({
  name: text(100),
  xcapRoot: text(2048),
  xui: text(2048),
  auth: profileAuthSchema,
  tls: profileTlsSchema,
  headers: z.record(text(200), text(8192)).optional(),
  userAgent: text(512).optional(),
  intendedIdentity: text(2048).optional(),
});

export type ProfileData = z.infer<typeof profileSchema>;

/** A profile as the renderer sees it: the settings, and which secrets are stored (never their values). */
export const profileEntrySchema = z.strictObject({
  profile: profileSchema,
  passwordSet: z.boolean(),
  /** GBA profiles: whether the software USIM's K and OPc/OP are in the keychain (never their values). */
  usimSet: z.boolean(),
  /** The profile of the embedded sandbox server (its root follows the sandbox's port). */
  sandbox: z.boolean(),
});

export type ProfileEntry = z.infer<typeof profileEntrySchema>;

const hex128 = z.string().regex(/^[0-9a-fA-F]{32}$/, '16 bytes in hex (32 hex digits)');
/** GBA: the software USIM's parameters, sent once to the keychain. K with exactly one of OPc and OP. */
export const usimInputSchema = z.union([z.strictObject({ k: hex128, opc: hex128 }), z.strictObject({ k: hex128, op: hex128 })]);
