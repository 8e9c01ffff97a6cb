/**
 * The JSON form of a list of profiles, the same for profiles.json and for export/import:
 *
 *   { "format": "xcap-console-profiles/1", "profiles": [ { "name": "Lab", … }, … ] }
 *
 * Names are unique (case-sensitive). Nothing in it is secret (find-secrets.ts refuses it otherwise).
 */
import { refuseSecrets } from './find-secrets';
import { arrayAt, fieldPath, invalid, objectAt, required } from './json-fields';
import type { Profile } from './profile';
import { ProfileError } from './profile-error';
import { readProfile } from './validate-profile';

export const PROFILES_FORMAT = 'xcap-console-profiles/1';
export const MAX_PROFILES = 1000;
export const MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;

/** Where a document came from, for the wording of errors. */
export type DocumentSource = { readonly kind: 'file'; readonly file: string } | { readonly kind: 'import' };

export function parseProfilesDocument(text: string, source: DocumentSource): Profile[] {
  try {
    return readDocument(text);
  } catch (error) {
    if (!(error instanceof ProfileError) || source.kind !== 'file') throw error;
    const code = error.code === 'profile-invalid' ? 'profiles-file-invalid' : error.code;
    throw new ProfileError(code, `${source.file}: ${error.message}; fix the file or move it away (the console does not change it until then)`, { path: error.path, cause: error });
  }
}

export function serializeProfiles(profiles: readonly Profile[]): string {
  return `${JSON.stringify({ format: PROFILES_FORMAT, profiles }, null, 2)}\n`;
}

function readDocument(text: string): Profile[] {
  if (typeof text !== 'string') invalid('', `a profiles document is JSON text, not ${typeof text}`);
  if (text.length > MAX_DOCUMENT_LENGTH) invalid('', `a profiles document may be at most ${MAX_DOCUMENT_LENGTH} characters long`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    invalid('', `not JSON (${(error as Error).message}); expected {"format": "${PROFILES_FORMAT}", "profiles": [...]}`);
  }
  refuseSecrets(json, '');
  const record = objectAt(json, '', ['format', 'profiles']);
  if (record.format !== PROFILES_FORMAT) {
    invalid('format', `must be "${PROFILES_FORMAT}": this is not an XCAP Console profiles document, or one from a newer version`);
  }
  const items = required(record, 'profiles', '', (value, path) => arrayAt(value, path, MAX_PROFILES));
  const names = new Set<string>();
  return items.map((item, index) => {
    const path = fieldPath('profiles', index);
    const profile = readProfile(item, path);
    if (names.has(profile.name)) invalid(fieldPath(path, 'name'), 'names another profile earlier in the list: profile names must be unique');
    names.add(profile.name);
    return profile;
  });
}
