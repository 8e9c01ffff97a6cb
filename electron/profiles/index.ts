/**
 * Public API of server profiles: ProfileStore (profiles.json in the configuration directory), the
 * profile schema, and where a profile's secrets live in the OS keychain. Everything else in this
 * folder is internal.
 */
export type { AuthMethod, ClientCertificateFiles, Profile, ProfileAuth, ProfileTls } from './profile';
export { isProfileError, ProfileError, type ProfileErrorCode } from './profile-error';
export { ProfileStore, type ImportOptions, type ImportResult } from './profile-store';
export { readProfile, profileNameProblem } from './validate-profile';
export { PROFILES_FORMAT } from './profiles-document';
export { APP_DIRECTORY_NAME, configDirOption, defaultConfigDir, PROFILES_FILE_NAME, resolveConfigDir } from './config-dir';
export {
  forgetProfileSecrets,
  profileKeyPassphraseAccount,
  profilePasswordAccount,
  profileSecretAccount,
  readProfileSecret,
  readUsimSecrets,
  saveProfileSecret,
  saveUsimSecrets,
  type ProfileSecretKind,
} from './profile-secrets';
