/**
 * One live connection setup per profile: undici Agent with the profile's TLS trust, a traffic
 * recorder (first in the chain, so the inspector sees every request on the wire), the
 * authenticator with the profile's keychain secrets, and an XcapClient with its ETag memory.
 * Rebuilt whenever the profile or its secrets change.
 */
import type { Dispatcher } from 'undici';
import type { Authenticator } from '../client/auth';
import { BasicAuthenticator, DigestAuthenticator, GbaAuthenticator, NoAuthenticator } from '../client/auth';
import { createUsim } from '../gba/usim-credentials';
import { TrafficRecorder } from '../client/capture';
import { createTransport } from '../client/transport/transport';
import type { TlsSettings } from '../client/transport/tls';
import { XcapClient } from '../client/xcap-client';
import type { Keychain } from '../keychain';
import type { Profile } from '../profiles';
import { readProfileSecret, readUsimSecrets } from '../profiles';
import type { Secret } from '../secrets/secret';
import { IpcHandlerError } from '../ipc/handlers';
import { digestUsernameOf } from '../sandbox/auth/xui';

export interface ProfileConnection {
  readonly profile: Profile;
  readonly client: XcapClient;
  readonly recorder: TrafficRecorder;
  close(): Promise<void>;
}

/** Exchanges each profile's recorder keeps (bodies within the recorder's own byte budget). */
const RECORDER_EXCHANGES = 100_000;

export async function openProfileConnection(profile: Profile, keychain: Keychain): Promise<ProfileConnection> {
  const password = profile.auth.method === 'none' || profile.auth.method === 'gba' ? null : await readProfileSecret(keychain, profile.name, 'password');
  const passphrase = profile.tls.clientCert ? await readProfileSecret(keychain, profile.name, 'key-passphrase') : null;
  const recorder = new TrafficRecorder({ xcapRoot: profile.xcapRoot, maxExchanges: RECORDER_EXCHANGES });
  const agent = createTransport({ tls: tlsSettings(profile, passphrase), http2: profile.tls.http2 ?? false });
  const dispatcher: Dispatcher = agent.compose(recorder.interceptor());
  const authenticator = profile.auth.method === 'gba' ? await gbaAuthenticator(profile, keychain, dispatcher) : authenticatorFor(profile, password);
  const client = new XcapClient({ dispatcher, authenticator, headers: profileHeaders(profile) });
  return {
    profile,
    client,
    recorder,
    async close() {
      recorder.close();
      await agent.close();
    },
  };
}

function authenticatorFor(profile: Profile, password: Secret | null): Authenticator {
  const { auth } = profile;
  if (auth.method === 'none' || auth.method === 'gba') return new NoAuthenticator();
  if (password === null) throw new IpcHandlerError('auth', `profile "${profile.name}" has no password in the keychain: set one in the profile`);
  const username = auth.username ?? digestUsernameOf(profile.xui);
  return auth.method === 'digest' ? new DigestAuthenticator({ username, password }) : new BasicAuthenticator({ username, password, allowCleartext: auth.allowCleartextBasic ?? false });
}

/** GBA (TS 33.220): the software USIM's keys from the keychain; bootstrapping goes through the same recorded transport. */
async function gbaAuthenticator(profile: Profile, keychain: Keychain, dispatcher: Dispatcher): Promise<Authenticator> {
  const impi = profile.auth.username;
  if (!impi) throw new IpcHandlerError('auth', `profile "${profile.name}": GBA needs the IMPI (the profile's username)`);
  const secrets = await readUsimSecrets(keychain, profile.name);
  if (!secrets) throw new IpcHandlerError('auth', `profile "${profile.name}" has no USIM keys in the keychain: store them with xcap profile add … --auth gba`);
  return new GbaAuthenticator({ impi, usim: createUsim(secrets), dispatcher, ...(profile.auth.bsfUrl && { bsfUrl: profile.auth.bsfUrl }) });
}

function tlsSettings(profile: Profile, passphrase: Secret | null): TlsSettings {
  const cert = profile.tls.clientCert;
  const secret = passphrase ? { passphrase } : {};
  return {
    ...(profile.tls.caFiles && { caFiles: profile.tls.caFiles }),
    ...(profile.tls.pinSha256 && { pinSha256: profile.tls.pinSha256 }),
    ...(cert && { clientCertificate: 'p12File' in cert ? { p12File: cert.p12File, ...secret } : { certFile: cert.certFile, keyFile: cert.keyFile, ...secret } }),
  };
}

/** What the profile adds to every request: custom headers, User-Agent, X-3GPP-Intended-Identity. */
function profileHeaders(profile: Profile): Record<string, string> {
  return {
    'User-Agent': profile.userAgent ?? 'xcap-console',
    ...profile.headers,
    ...(profile.intendedIdentity && { 'X-3GPP-Intended-Identity': profile.intendedIdentity }),
  };
}
