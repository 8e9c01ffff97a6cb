/** Values of the xcap.* and profiles.test channels: what a server answered, in renderer-friendly form. */
import { z } from 'zod';

export const headerPairSchema = z.tuple([z.string(), z.string()]);

export const capsSchema = z.strictObject({
  /** 'server': the server's xcap-caps; 'registry': the server had none, so the console's own list. */
  source: z.enum(['server', 'registry']),
  auids: z.array(z.string()),
  extensions: z.array(z.string()),
  namespaces: z.array(z.string()),
  /** Why the server's xcap-caps could not be used, when source is 'registry'. */
  problem: z.string().nullable(),
});
export type CapsInfo = z.infer<typeof capsSchema>;

export const directoryEntrySchema = z.strictObject({ uri: z.string(), etag: z.string().nullable(), lastModified: z.string().nullable() });
export const directorySchema = z.strictObject({
  /** 'server': from org.openmobilealliance.xcap-directory; 'none': the server has no directory. */
  source: z.enum(['server', 'none']),
  folders: z.array(z.strictObject({ auid: z.string(), documents: z.array(directoryEntrySchema) })),
  problem: z.string().nullable(),
});
export type DirectoryInfo = z.infer<typeof directorySchema>;

export const certificateSchema = z.strictObject({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  fingerprint256: z.string(),
  /** `sha256/BASE64` of the public key: what a profile pins. */
  pinSha256: z.string(),
  subjectAltNames: z.array(z.string()),
});

export const connectionReportSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), status: z.number(), server: z.string().nullable(), caps: capsSchema, elapsedMs: z.number() }),
  z.strictObject({
    ok: z.literal(false),
    /** Where it failed: name resolution, the TCP connection, TLS, authentication, or the HTTP answer. */
    stage: z.enum(['dns', 'tcp', 'tls', 'auth', 'http', 'timeout', 'config', 'other']),
    code: z.string(),
    message: z.string(),
    /** The server's certificate when TLS failed on it (to inspect, and pin if the user trusts it). */
    certificate: certificateSchema.nullable(),
    /** The WWW-Authenticate challenge of a 401. */
    challenge: z.string().nullable(),
    status: z.number().nullable(),
    elapsedMs: z.number(),
  }),
]);
export type ConnectionReport = z.infer<typeof connectionReportSchema>;

export const sendRequestSchema = z.strictObject({
  profile: z.string().max(100),
  method: z.enum(['GET', 'PUT', 'DELETE']),
  /** An XCAP URI (lenient form accepted: a typed selector is encoded as planned). */
  uri: z.string().max(1 << 20),
  body: z.string().max(10 << 20).nullable(),
  /** ETag for If-Match (null: unconditional; absent: the one remembered from the last GET), or create-only. */
  etag: z.string().max(1024).nullable().optional(),
  createOnly: z.boolean().optional(),
  /** Shown in the traffic inspector, e.g. "playground send". */
  label: z.string().max(200).optional(),
  /** Names the request for xcap.cancel. */
  requestId: z.string().min(1).max(64).optional(),
});
export type SendRequest = z.infer<typeof sendRequestSchema>;

export const sentPlanSchema = z.strictObject({ method: z.string(), url: z.string(), headers: z.array(headerPairSchema), body: z.string().nullable() });

export const sendResultSchema = z.strictObject({
  plan: sentPlanSchema,
  status: z.number(),
  headers: z.array(headerPairSchema),
  contentType: z.string().nullable(),
  etag: z.string().nullable(),
  body: z.string(),
  /** On 412: the server's current document (the base of a three-way merge). */
  conflict: z.strictObject({ status: z.number(), etag: z.string().nullable(), body: z.string() }).nullable(),
  /** Traffic inspector ids of the exchanges this send made (challenge + answer, ...). */
  exchangeIds: z.array(z.number()),
});
export type SendResult = z.infer<typeof sendResultSchema>;
