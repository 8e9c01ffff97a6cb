import { text } from 'node:stream/consumers';
import type { ParseArgsConfig } from 'node:util';
import type { Dispatcher } from 'undici';
import type { XcapUri } from '../../shared/xcap/uri';
import { buildXcapUri, parseXcapUriLenient } from '../../shared/xcap/uri';
import type { Authenticator } from '../client/auth';
import { BasicAuthenticator, DigestAuthenticator, NoAuthenticator } from '../client/auth';
import type { TransportSettings } from '../client/transport/transport';
import { Secret } from '../secrets/secret';
import { OsKeychain } from '../keychain';
import type { Profile } from '../profiles';
import { defaultConfigDir, ProfileStore, readProfileSecret } from '../profiles';
import { digestUsernameOf } from '../sandbox/auth/xui';
import { CliUsageError } from './cli-error';
import { createGbaAuthenticator } from './gba-options';

/** Options every network command (get, put, delete, caps, ls) takes. */
export const CLIENT_OPTIONS = {
  root: { type: 'string' },
  auid: { type: 'string' },
  doc: { type: 'string' },
  sel: { type: 'string' },
  user: { type: 'string' },
  'auth-user': { type: 'string' },
  auth: { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  'allow-cleartext': { type: 'boolean' },
  cacert: { type: 'string', multiple: true },
  pin: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  p12: { type: 'string' },
  'if-match': { type: 'string' },
  'if-none-match': { type: 'string' },
  json: { type: 'boolean', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  har: { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  profile: { type: 'string' },
  config: { type: 'string' },
  impi: { type: 'string' },
  bsf: { type: 'string' },
  'intended-identity': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export type ClientValues = {
  [K in keyof typeof CLIENT_OPTIONS]?: (typeof CLIENT_OPTIONS)[K] extends { multiple: true } ? string[] : (typeof CLIENT_OPTIONS)[K] extends { type: 'boolean' } ? boolean : string;
};

/** The URI from the positional argument, or built from --root --auid [--doc] [--sel] --user. */
export function resolveUri(positional: string | undefined, values: ClientValues): XcapUri {
  if (positional !== undefined) {
    if (values.root || values.auid) throw new CliUsageError('give either a URI or --root/--auid, not both');
    return parseXcapUriLenient(positional);
  }
  if (!values.root || !values.auid) throw new CliUsageError('give a URI, or --root ROOT --auid AUID [--doc PATH] [--sel SELECTOR] with --user XUI');
  const scope = values.user ? { kind: 'users' as const, xui: values.user } : { kind: 'global' as const };
  const documentPath = (values.doc ?? 'index').split('/');
  const built = buildXcapUri({ kind: 'document', root: values.root.replace(/\/+$/, ''), auid: values.auid, scope, documentPath, nodeSelector: values.sel ?? null, namespaces: {} });
  return parseXcapUriLenient(built);
}

/** The Digest username of an XUI: without its sip:/sips:/tel: scheme. */
export function defaultAuthUser(xui: string): string {
  return digestUsernameOf(xui);
}

/** Password from --password-stdin or XCAP_PASSWORD; never from an argument (it would show in ps). */
export async function readPassword(values: ClientValues): Promise<Secret | null> {
  if (values['password-stdin']) return new Secret((await text(process.stdin)).replace(/\r?\n$/, ''));
  const fromEnvironment = process.env.XCAP_PASSWORD;
  return fromEnvironment ? new Secret(fromEnvironment) : null;
}

export async function createAuthenticator(values: ClientValues, uri: XcapUri, profilePassword: Secret | null = null, context: { dispatcher?: Dispatcher } = {}): Promise<Authenticator> {
  const method = values.auth ?? (values.user || profilePassword || process.env.XCAP_PASSWORD || values['password-stdin'] ? 'digest' : 'none');
  if (method === 'none') return new NoAuthenticator();
  if (method === 'gba') return createGbaAuthenticator(values, context.dispatcher);
  if (method !== 'digest' && method !== 'basic') throw new CliUsageError(`--auth must be digest, basic, gba or none, not "${method}"`);
  const xui = values.user ?? (uri.scope?.kind === 'users' ? uri.scope.xui : undefined);
  const username = values['auth-user'] ?? (xui ? defaultAuthUser(xui) : undefined);
  if (!username) throw new CliUsageError('--auth needs a user: --user XUI (or --auth-user NAME)');
  const password = profilePassword ?? (await readPassword(values));
  if (!password) throw new CliUsageError('no password: pipe it to --password-stdin, set XCAP_PASSWORD, or store it in a profile (xcap profile add … --password-stdin)');
  return method === 'digest' ? new DigestAuthenticator({ username, password }) : new BasicAuthenticator({ username, password, allowCleartext: values['allow-cleartext'] ?? false });
}

export function transportSettings(values: ClientValues): TransportSettings {
  if (values.p12 && (values.cert || values.key)) throw new CliUsageError('give --p12 or --cert/--key, not both');
  if (Boolean(values.cert) !== Boolean(values.key)) throw new CliUsageError('--cert and --key go together');
  const clientCertificate = values.p12 ? { p12File: values.p12 } : values.cert && values.key ? { certFile: values.cert, keyFile: values.key } : undefined;
  return {
    tls: {
      ...(values.cacert && { caFiles: values.cacert }),
      ...(values.pin && { pinSha256: values.pin }),
      ...(clientCertificate && { clientCertificate }),
    },
  };
}

/** -H "Name: value" headers the user adds (profile-style custom headers). */
export function extraHeaders(values: ClientValues): Record<string, string> {
  // TS 24.109 §5.2.1: the "3gpp-gba" product token tells a NAF that the client can do GBA.
  const headers: Record<string, string> = { 'User-Agent': values.auth === 'gba' ? 'xcap-console 3gpp-gba' : 'xcap-console' };
  if (values['intended-identity']) headers['X-3GPP-Intended-Identity'] = values['intended-identity'];
  for (const header of values.header ?? []) {
    const colon = header.indexOf(':');
    if (colon <= 0) throw new CliUsageError(`-H takes "Name: value", not "${header}"`);
    headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
  }
  return headers;
}

/** The profile named by --profile, with its password from the OS keychain; null without --profile. */
export async function loadProfile(values: ClientValues): Promise<{ profile: Profile; password: Secret | null } | null> {
  if (!values.profile) return null;
  const store = await ProfileStore.open(values.config ?? defaultConfigDir());
  const profile = await store.get(values.profile);
  if (!profile) throw new CliUsageError(`no profile "${values.profile}" (xcap profile list shows them)`);
  // GBA has no password: its USIM keys are read where the authenticator is made (gba-options.ts).
  const password = profile.auth.method === 'none' || profile.auth.method === 'gba' ? null : ((await readPassword(values)) ?? (await readProfileSecret(new OsKeychain(), profile.name)));
  return { profile, password };
}

/** Command-line values with the profile's settings filled in where the command line is silent. */
export function withProfile(values: ClientValues, loaded: { profile: Profile } | null): ClientValues {
  if (!loaded) return values;
  const { profile } = loaded;
  const cert = profile.tls.clientCert;
  return {
    root: profile.xcapRoot,
    user: profile.xui,
    auth: profile.auth.method,
    ...(profile.auth.username && (profile.auth.method === 'gba' ? { impi: profile.auth.username } : { 'auth-user': profile.auth.username })),
    ...(profile.auth.bsfUrl && { bsf: profile.auth.bsfUrl }),
    ...(profile.auth.allowCleartextBasic && { 'allow-cleartext': true }),
    ...(profile.tls.caFiles && { cacert: [...profile.tls.caFiles] }),
    ...(profile.tls.pinSha256 && { pin: profile.tls.pinSha256 }),
    ...(cert && ('p12File' in cert ? { p12: cert.p12File } : { cert: cert.certFile, key: cert.keyFile })),
    ...values,
    header: [
      ...Object.entries(profile.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
      ...(profile.userAgent ? [`User-Agent: ${profile.userAgent}`] : []),
      ...(profile.intendedIdentity ? [`X-3GPP-Intended-Identity: ${profile.intendedIdentity}`] : []),
      ...(values.header ?? []),
    ],
  };
}
