import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { OsKeychain } from '../keychain';
import type { Profile } from '../profiles';
import { defaultConfigDir, forgetProfileSecrets, ProfileStore, saveProfileSecret, saveUsimSecrets } from '../profiles';
import { createUsim, USIM_ENV, usimSecretsFromEnv } from '../gba/usim-credentials';
import { Secret } from '../secrets/secret';
import { CliUsageError } from './cli-error';
import { defaultAuthUser } from './client-options';
import { refuseUsimKeyArguments } from './gba-options';

/**
 * `xcap profile add NAME --root ROOT --user XUI [--auth digest|basic|gba|none] [--auth-user NAME] [--impi IMPI [--bsf URL]]
 *  [--cacert F ...] [--pin P] [--cert F --key F | --p12 F] [--password-stdin] [--config DIR]`,
 * `xcap profile list [--json]`, `xcap profile remove NAME`. Profiles hold no secrets: the password
 * goes to the OS keychain.
 */
export async function profileCommand(args: readonly string[]): Promise<number> {
  refuseUsimKeyArguments(args);
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      root: { type: 'string' },
      user: { type: 'string' },
      auth: { type: 'string', default: 'digest' },
      'auth-user': { type: 'string' },
      cacert: { type: 'string', multiple: true },
      pin: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      p12: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      impi: { type: 'string' },
      bsf: { type: 'string' },
    },
  });
  const store = await ProfileStore.open(values.config ?? defaultConfigDir());
  switch (action) {
    case 'list': {
      const profiles = await store.list();
      if (values.json) process.stdout.write(JSON.stringify(profiles, null, 2) + '\n');
      else for (const p of profiles) process.stdout.write(`${p.name}\t${p.xcapRoot}\t${p.xui}\t${p.auth.method}\n`);
      return 0;
    }
    case 'remove': {
      const [name] = positionals;
      if (!name) throw new CliUsageError('profile remove takes the profile name');
      const removed = await store.remove(name);
      if (!removed) {
        process.stderr.write(`xcap: no profile "${name}"\n`);
        return 4;
      }
      await forgetProfileSecrets(new OsKeychain(), name);
      return 0;
    }
    case 'add': {
      const [name] = positionals;
      if (!name || !values.root || !values.user) throw new CliUsageError('profile add takes NAME --root ROOT --user XUI');
      const method = values.auth as Profile['auth']['method'];
      const clientCert = values.p12 ? { p12File: values.p12 } : values.cert && values.key ? { certFile: values.cert, keyFile: values.key } : undefined;
      const profile: Profile = {
        name,
        xcapRoot: values.root,
        xui: values.user,
        auth: authOf(method, values),
        tls: { ...(values.cacert && { caFiles: values.cacert }), ...(values.pin && { pinSha256: values.pin }), ...(clientCert && { clientCert }) },
      };
      // GBA: the USIM keys come from the environment, checked before anything is saved, and go to the keychain once.
      const usim = method === 'gba' ? usimSecretsFromEnv() : null;
      if (usim) createUsim(usim);
      await store.save(profile);
      if (usim) await saveUsimSecrets(new OsKeychain(), name, usim);
      else if (method === 'gba') process.stderr.write(`profile "${name}" saved without USIM keys: set ${USIM_ENV.k} and ${USIM_ENV.opc} (or ${USIM_ENV.op}) when using it, or add them again with those variables set\n`);
      else if (values['password-stdin']) await saveProfileSecret(new OsKeychain(), name, new Secret((await text(process.stdin)).replace(/\r?\n$/, '')));
      else if (method !== 'none') process.stderr.write(`profile "${name}" saved without a password: add it with --password-stdin (it goes to the OS keychain)\n`);
      return 0;
    }
    default:
      throw new CliUsageError('profile takes add, list or remove');
  }
}

function authOf(method: Profile['auth']['method'], values: { user?: string; 'auth-user'?: string; impi?: string; bsf?: string }): Profile['auth'] {
  if (method === 'none') return { method };
  if (method === 'gba') {
    if (!values.impi) throw new CliUsageError('profile add --auth gba needs --impi IMPI');
    return { method, username: values.impi, ...(values.bsf && { bsfUrl: values.bsf }) };
  }
  return { method, username: values['auth-user'] ?? defaultAuthUser(values.user ?? '') };
}
