/**
 * Where the console keeps its configuration (profiles.json): `--config DIR` when given, otherwise
 * the platform's per-user configuration directory, as Electron's `userData` would be:
 *
 *   Linux and others  $XDG_CONFIG_HOME/xcap-console, or ~/.config/xcap-console
 *   macOS             ~/Library/Application Support/xcap-console
 *   Windows           %APPDATA%\xcap-console, or ~\AppData\Roaming\xcap-console
 */
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';
import { ProfileError } from './profile-error';

export const APP_DIRECTORY_NAME = 'xcap-console';
export const PROFILES_FILE_NAME = 'profiles.json';

export interface Platform {
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly home: string;
}

const CURRENT: Platform = { env: process.env, platform: process.platform, home: homedir() };

export function defaultConfigDir(where: Platform = CURRENT): string {
  const { env, platform, home } = where;
  if (platform === 'win32') {
    const appData = env.APPDATA;
    return win32.join(appData && win32.isAbsolute(appData) ? appData : win32.join(home, 'AppData', 'Roaming'), APP_DIRECTORY_NAME);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', APP_DIRECTORY_NAME);
  // XDG Base Directory: a relative XDG_CONFIG_HOME is invalid and ignored.
  const xdg = env.XDG_CONFIG_HOME;
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config'), APP_DIRECTORY_NAME);
}

/** The value of `--config DIR` or `--config=DIR` in `args` (the last one wins), or undefined. */
export function configDirOption(args: readonly string[]): string | undefined {
  let found: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') break;
    if (arg.startsWith('--config=')) found = arg.slice('--config='.length);
    else if (arg === '--config') {
      const next = args[index + 1];
      if (next === undefined || next.startsWith('--')) throw new ProfileError('invalid-argument', '--config needs a directory: --config DIR');
      found = next;
      index++;
    } else continue;
    if (found === '') throw new ProfileError('invalid-argument', '--config needs a directory: --config DIR');
  }
  return found;
}

/** The configuration directory for these command-line arguments: `--config DIR` (made absolute) or the default. */
export function resolveConfigDir(args: readonly string[], where: Platform = CURRENT): string {
  const option = configDirOption(args);
  return option === undefined ? defaultConfigDir(where) : resolve(option);
}
