import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where the Debian packages put things; found at run time (the module directory is per architecture). */
export interface KamailioInstall {
  readonly binary: string;
  readonly moduleDirectory: string;
  readonly sqlite3: string;
}

export type KamailioAvailability = { readonly available: true; readonly install: KamailioInstall } | { readonly available: false; readonly reason: string };

const PACKAGES = 'apt-get install kamailio kamailio-presence-modules kamailio-sqlite-modules sqlite3';
const MODULES = ['xhttp.so', 'xcap_server.so', 'db_sqlite.so', 'auth.so', 'auth_db.so'];

/**
 * Whether the interop peer can run here: /usr/sbin/kamailio (or kamailio on PATH; XCAP_KAMAILIO
 * names another binary), its modules, sqlite3.
 */
export function kamailioAvailability(): KamailioAvailability {
  const override = process.env.XCAP_KAMAILIO;
  const binary = override ? (isExecutable(override) ? override : null) : (['/usr/sbin/kamailio'].find(isExecutable) ?? onPath('kamailio'));
  if (binary === null) return { available: false, reason: `kamailio is not installed (${override ? `XCAP_KAMAILIO=${override} is not executable` : 'neither /usr/sbin/kamailio nor kamailio on PATH'}); ${PACKAGES}` };
  const moduleDirectory = findModuleDirectory();
  if (moduleDirectory === null) return { available: false, reason: `kamailio modules ${MODULES.join(', ')} not found under /usr/lib/*/kamailio/modules; ${PACKAGES}` };
  const sqlite3 = onPath('sqlite3');
  if (sqlite3 === null) return { available: false, reason: `sqlite3 is not on PATH; ${PACKAGES}` };
  return { available: true, install: { binary, moduleDirectory, sqlite3 } };
}

function findModuleDirectory(): string | null {
  const candidates = ['/usr/lib/kamailio/modules', '/usr/local/lib64/kamailio/modules', '/usr/local/lib/kamailio/modules'];
  try {
    for (const entry of readdirSync('/usr/lib')) candidates.unshift(join('/usr/lib', entry, 'kamailio/modules'));
  } catch {
    // no /usr/lib: nothing to find there
  }
  return candidates.find((dir) => MODULES.every((m) => existsSync(join(dir, m)))) ?? null;
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
