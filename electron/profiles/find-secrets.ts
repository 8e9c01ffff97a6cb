/**
 * Profiles never hold secrets. Before any schema check, the raw JSON is searched for anything that
 * looks like one, anywhere (also in fields the schema does not know):
 *
 * - a field named like a secret: password, passwd, passphrase, secret, token, api key, private key,
 *   credential(s) (case, "-", "_" and spaces ignored: `Pass_Word` counts);
 * - a header that carries credentials: Authorization, Proxy-Authorization, Cookie;
 * - a URL with a password in it (`https://user:pw@host/`).
 *
 * The value is never quoted in the error.
 */
import { fieldPath } from './json-fields';
import { ProfileError } from './profile-error';

const SECRET_FIELD = /pass(?:word|wd|phrase)|secret|token|apikey|privatekey|credential/;
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);
const URL_WITH_PASSWORD = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@]*:[^/?#@]*@/;
const MAX_DEPTH = 32;

/** Throws ProfileError 'profile-contains-secret' at the first secret-looking thing in `value`. */
export function refuseSecrets(value: unknown, path: string): void {
  walk(value, path, 0, false);
}

function walk(value: unknown, path: string, depth: number, inHeaders: boolean): void {
  if (depth > MAX_DEPTH) return; // the schema check refuses anything this deep anyway
  if (typeof value === 'string') {
    if (URL_WITH_PASSWORD.test(value.trim())) {
      refuse(path, 'is a URL with a password in it: remove the user:password@ part; put the username in auth.username and save the password in the OS keychain');
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, fieldPath(path, index), depth + 1, false));
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const at = fieldPath(path, key);
    if (inHeaders && CREDENTIAL_HEADERS.has(key.trim().toLowerCase())) {
      refuse(at, `profiles never hold credentials: remove the ${key} header; the console sends Authorization itself from auth.method, auth.username and the password in the OS keychain`);
    }
    if (SECRET_FIELD.test(key.toLowerCase().replace(/[-_\s]/g, ''))) {
      refuse(at, 'looks like a secret, and profiles never hold secrets: remove this field; passwords and key passphrases are kept in the OS keychain (saved from the profile dialog), never in profile files');
    }
    walk(item, at, depth + 1, key === 'headers');
  }
}

function refuse(path: string, problem: string): never {
  throw new ProfileError('profile-contains-secret', path === '' ? problem : `${path}: ${problem}`, { path });
}
