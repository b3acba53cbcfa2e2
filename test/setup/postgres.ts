/**
 * vitest globalSetup: gives the store tests a real PostgreSQL server.
 *
 * - `DATABASE_URL` set: the tests use that server, and nothing is started.
 * - Otherwise, when `/usr/lib/postgresql/<n>/bin/initdb` exists (Debian's postgresql package), a
 *   throw-away server is made: `initdb` into a fresh temporary folder (run as the `postgres` OS user
 *   when we are root, since initdb refuses root), started on 127.0.0.1 on a free port with its
 *   socket in that folder, and stopped by its pid in teardown, which also removes the folder.
 * - Neither: the tests are told why, and the server suite is skipped with that message.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string for a PostgreSQL server, or '' when none is available. */
    postgresUrl: string;
    /** Why there is no server, when `postgresUrl` is ''. */
    postgresSkipReason: string;
  }
}

const debianRoot = '/usr/lib/postgresql';

function findBinDir(): string | undefined {
  if (!existsSync(debianRoot)) return undefined;
  const versions = readdirSync(debianRoot)
    .filter((v) => existsSync(join(debianRoot, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(debianRoot, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

export async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresSkipReason', '');
    return undefined;
  }
  const bin = findBinDir();
  if (!bin) {
    project.provide('postgresUrl', '');
    project.provide(
      'postgresSkipReason',
      `DATABASE_URL is unset and no ${debianRoot}/*/bin/initdb exists (apt-get install -y postgresql)`,
    );
    return undefined;
  }

  const root = mkdtempSync(join(tmpdir(), 'shijian-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: hand the folder to the postgres OS user and run as that user.
  const run = (cmd: string, args: readonly string[]): string =>
    execFileSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : [...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(root, uid, gid);
    }
    const data = join(root, 'data');
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(root, 'server.log'), '-w', '-o', options, 'start']);
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
    project.provide('postgresSkipReason', '');
    return async () => {
      // SIGINT is PostgreSQL's fast shutdown: open sessions are ended, the data folder is discarded next.
      if (isAlive(pid)) {
        process.kill(pid, 'SIGINT');
        if (!(await waitForExit(pid, 10_000))) process.kill(pid, 'SIGKILL');
      }
      rmSync(root, { recursive: true, force: true });
    };
  } catch (e) {
    const log = join(root, 'server.log');
    const detail = existsSync(log) ? `\n${readFileSync(log, 'utf8')}` : '';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`[test/setup/postgres] could not start a throw-away PostgreSQL server: ${String(e)}${detail}`);
  }
}
