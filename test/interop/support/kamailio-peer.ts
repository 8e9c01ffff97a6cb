/**
 * Kamailio's xcap_server as a disposable XCAP peer: a fresh work directory (config, sqlite database
 * with the Digest users, log), a free loopback port picked now, the process in its own process
 * group so that stopping it leaves nothing behind. Adapted from ../shared/peers/kamailio/start.sh.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KamailioInstall } from './kamailio-install';
import { groupAlive } from '../../support/process-group';

export interface KamailioPeer {
  /** http://127.0.0.1:PORT/xcap-root */
  readonly rootUrl: string;
  readonly port: number;
  readonly workDirectory: string;
  /** The last lines of Kamailio's log (for failure messages). */
  logTail(lines?: number): string;
  /** Kills the whole process group (TERM, then KILL after a deadline) and removes the work directory. */
  stop(): Promise<void>;
}

export const REALM = 'example.com';
/** The Digest users of xcap-db.sql (plain-text passwords, auth_db calculate_ha1). */
export const USERS = {
  alice: { xui: 'sip:alice@example.com', username: 'alice', password: 'alicepw' },
  bob: { xui: 'sip:bob@example.com', username: 'bob', password: 'bobpw' },
} as const;

const HERE = resolve(import.meta.dirname, '../kamailio');
const START_DEADLINE_MS = 20_000;
const STOP_DEADLINE_MS = 5_000;
const BUFSIZE = 1_048_576;

export async function startKamailio(install: KamailioInstall): Promise<KamailioPeer> {
  // The port is free when picked but could be taken before Kamailio binds it: then Kamailio exits
  // at once and another port is tried.
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(install, await freePort());
    } catch (error) {
      lastError = error;
      if (!(error instanceof PeerExitedError)) throw error;
    }
  }
  throw lastError;
}

class PeerExitedError extends Error {}

async function startOnce(install: KamailioInstall, port: number): Promise<KamailioPeer> {
  const work = mkdtempSync(join(tmpdir(), 'kamailio-xcap-'));
  const db = join(work, 'kamailio.sqlite');
  execFileSync(install.sqlite3, [db], { input: readFileSync(join(HERE, 'xcap-db.sql')) });
  const config = readFileSync(join(HERE, 'kamailio.cfg.in'), 'utf8')
    .replaceAll('@PORT@', String(port))
    .replaceAll('@DB@', db)
    .replaceAll('@REALM@', REALM)
    .replaceAll('@BUFSIZE@', String(BUFSIZE))
    .replaceAll('@RDBUF@', String(BUFSIZE + 65_536))
    .replaceAll('@MPATH@', install.moduleDirectory.endsWith('/') ? install.moduleDirectory : install.moduleDirectory + '/');
  writeFileSync(join(work, 'kamailio.cfg'), config);
  const logFile = join(work, 'kamailio.log');
  const log = openSync(logFile, 'a');
  // -DD: stay in the foreground (still forking the workers), so the child is the group leader
  // `detached` made it and the exit event is Kamailio's. -E: log to stderr (the log file).
  const args = ['-DD', '-E', '-f', join(work, 'kamailio.cfg'), '-A', 'WITH_AUTH', '-P', join(work, 'kamailio.pid'), '-Y', work, '-w', work, '-M', '64', '-m', '64'];
  const child = spawn(install.binary, args, { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const logTail = (lines = 30) => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  };
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', killOnExit);
    await stopGroup(child, exited);
    if (process.env.XCAP_INTEROP_KEEP !== '1') rmSync(work, { recursive: true, force: true });
  };
  try {
    await waitUntilAnswering(port, exited, logTail);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rootUrl: `http://127.0.0.1:${port}/xcap-root`, port, workDirectory: work, logTail, stop };
}

/** Polls with an HTTP request until Kamailio answers anything, it exits, or the deadline passes. */
async function waitUntilAnswering(port: number, exited: Promise<void>, logTail: () => string): Promise<void> {
  const deadline = Date.now() + START_DEADLINE_MS;
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  while (Date.now() < deadline) {
    if (await answers(port)) return;
    if (hasExited) throw new PeerExitedError(`kamailio exited before answering on 127.0.0.1:${port}:\n${logTail()}`);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 50))]);
  }
  throw new Error(`kamailio did not answer on 127.0.0.1:${port} within ${START_DEADLINE_MS} ms:\n${logTail()}`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', timeout: 1000, agent: false }, (res) => {
      res.resume();
      done(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
    req.end();
  });
}

async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined) return;
  killGroup(child, 'SIGTERM');
  const deadline = Date.now() + STOP_DEADLINE_MS;
  await Promise.race([exited, new Promise((r) => setTimeout(r, STOP_DEADLINE_MS))]);
  // Kamailio's main process stops its workers; wait until the group is empty, then force it.
  while (groupAlive(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (groupAlive(child.pid)) {
    killGroup(child, 'SIGKILL');
    const hardDeadline = Date.now() + STOP_DEADLINE_MS;
    while (groupAlive(child.pid) && Date.now() < hardDeadline) await new Promise((r) => setTimeout(r, 20));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
