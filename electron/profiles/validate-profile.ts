/**
 * The strict schema of a profile (profile.ts). `readProfile` takes untrusted JSON (a saved file, an
 * import, a form) and returns a frozen Profile with the fields in a fixed order, or throws a
 * ProfileError whose `path` names the field: 'profile-contains-secret' before anything else, then
 * 'profile-invalid'.
 */
import { xuiProblem } from '../sandbox/auth/xui';
import { refuseSecrets } from './find-secrets';
import { booleanAt, fieldPath, invalid, objectAt, oneOf, optional, required, stringAt } from './json-fields';
import type { AuthMethod, Profile, ProfileAuth } from './profile';
import { readHeaders } from './validate-headers';
import { readTls } from './validate-tls';

export const MAX_NAME_LENGTH = 100;
const MAX_URI_LENGTH = 2048;
const AUTH_METHODS: readonly AuthMethod[] = ['digest', 'basic', 'gba', 'none'];
const PROFILE_FIELDS = ['name', 'xcapRoot', 'xui', 'auth', 'tls', 'headers', 'userAgent', 'intendedIdentity'];

export function readProfile(value: unknown, path = ''): Profile {
  refuseSecrets(value, path);
  const record = objectAt(value, path, PROFILE_FIELDS);
  const name = required(record, 'name', path, readProfileName);
  const xcapRoot = required(record, 'xcapRoot', path, readXcapRoot);
  const xui = required(record, 'xui', path, readIdentity);
  const auth = required(record, 'auth', path, readAuth);
  const tls = required(record, 'tls', path, readTls);
  const headers = optional(record, 'headers', path, readHeaders);
  const userAgent = optional(record, 'userAgent', path, (v, at) => stringAt(v, at, { maxLength: 512 }));
  const intendedIdentity = optional(record, 'intendedIdentity', path, readIdentity);
  if (auth.method === 'basic' && xcapRoot.startsWith('http:') && auth.allowCleartextBasic !== true) {
    invalid(fieldPath(fieldPath(path, 'auth'), 'allowCleartextBasic'), 'Basic authentication over http:// sends the password readable by anyone on the path: use an https:// xcapRoot, or set allowCleartextBasic to true to accept that (test labs only)');
  }
  return Object.freeze({
    name,
    xcapRoot,
    xui,
    auth,
    tls: Object.freeze(tls),
    ...(headers === undefined ? {} : { headers }),
    ...(userAgent === undefined ? {} : { userAgent }),
    ...(intendedIdentity === undefined ? {} : { intendedIdentity }),
  });
}

/** Why `name` cannot name a profile, or null. */
export function profileNameProblem(name: unknown): string | null {
  try {
    readProfileName(name, '');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function readProfileName(value: unknown, path: string): string {
  const name = stringAt(value, path, { maxLength: MAX_NAME_LENGTH });
  if (name.trim() !== name) invalid(path, 'must not start or end with spaces');
  return name;
}

function readXcapRoot(value: unknown, path: string): string {
  const text = stringAt(value, path, { maxLength: MAX_URI_LENGTH });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    invalid(path, 'must be an absolute http:// or https:// URL, such as https://xcap.example.com/xcap-root');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') invalid(path, `must use http or https, not ${url.protocol.slice(0, -1)}`);
  if (text.trim() !== text || /\s/.test(text)) invalid(path, 'must not contain spaces');
  if (url.username !== '') invalid(path, 'must not contain a user name: put it in auth.username');
  if (text.includes('?') || text.includes('#')) invalid(path, 'must not have a query (?) or fragment (#): the XCAP root is a path prefix');
  return text;
}

function readIdentity(value: unknown, path: string): string {
  const xui = stringAt(value, path, { maxLength: MAX_URI_LENGTH });
  const problem = xuiProblem(xui);
  if (problem !== null) invalid(path, `${problem} (for example sip:alice@example.com or tel:+15551234)`);
  return xui;
}

function readAuth(value: unknown, path: string): ProfileAuth {
  const record = objectAt(value, path, ['method', 'username', 'allowCleartextBasic', 'bsfUrl']);
  const method = required(record, 'method', path, (v, at) => oneOf(v, at, AUTH_METHODS));
  const username = optional(record, 'username', path, (v, at) => stringAt(v, at, { maxLength: 512 }));
  const allowCleartextBasic = optional(record, 'allowCleartextBasic', path, booleanAt);
  const bsfUrl = optional(record, 'bsfUrl', path, readBsfUrl);
  if (method !== 'gba' && bsfUrl !== undefined) invalid(fieldPath(path, 'bsfUrl'), 'only applies to method "gba": remove it');

  if (method === 'none' && username !== undefined) invalid(fieldPath(path, 'username'), 'is not used with method "none": remove it, or choose digest, basic or gba');
  if (method !== 'basic' && allowCleartextBasic !== undefined) invalid(fieldPath(path, 'allowCleartextBasic'), 'only applies to method "basic": remove it');
  return Object.freeze({
    method,
    ...(username === undefined ? {} : { username }),
    ...(allowCleartextBasic === undefined ? {} : { allowCleartextBasic }),
    ...(bsfUrl === undefined ? {} : { bsfUrl }),
  });
}

function readBsfUrl(value: unknown, path: string): string {
  const text = stringAt(value, path, { maxLength: MAX_URI_LENGTH });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    invalid(path, 'must be an absolute http:// or https:// URL, such as http://bsf.example.com:8080/bsf');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') invalid(path, `must use http or https, not ${url.protocol.slice(0, -1)}`);
  return text;
}
