/**
 * A throw-away PostgreSQL cluster for tests: initdb + pg_ctl under a temp dir, on a free 127.0.0.1 port, trust
 * auth, as a non-root user (root cannot run a cluster; `runuser -u postgres` then). Each suite owns its cluster,
 * so the fault tests can stop and start it.
 *
 * When no server can be started: a visible notice and the suites skip, except under `CI=true`, where it throws.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres://… of a fresh database in the cluster. */
  url: string;
  /** Creates another empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown (connections are cut), as an outage. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its directory. */
  destroy(): Promise<void>;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function asUser(command: string, args: string[]): [string, string[]] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function exec(command: string, args: string[]): Promise<void> {
  const [file, argv] = asUser(command, args);
  await run(file, argv, { timeout: 120_000 });
}

async function psql(bin: string, port: number, sql: string): Promise<void> {
  await exec(path.join(bin, 'psql'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    sql,
  ]);
}

/** Starts a cluster, or returns null (after a notice) when that is impossible outside CI. */
export async function startTestPostgres(): Promise<TestPostgres | null> {
  const bin = binDir();
  const why = bin ? null : 'no PostgreSQL binaries under /usr/lib/postgresql (apt-get install -y postgresql)';
  if (!bin) return unavailable(why ?? 'unknown');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'netkb-pg-'));
  const data = path.join(dir, 'data');
  try {
    chmodSync(dir, 0o755);
    if (process.getuid?.() === 0) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      chownSync(dir, uid, gid);
    }
    await exec(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--locale=C',
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return unavailable(`initdb failed: ${(error as Error).message.split('\n')[0]}`);
  }
  const port = await freePort();
  const pgCtl = path.join(bin, 'pg_ctl');
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  const start = () =>
    exec(pgCtl, ['-D', data, '-l', path.join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']);
  const stop = () => exec(pgCtl, ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  try {
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return unavailable(`pg_ctl start failed: ${(error as Error).message.split('\n')[0]}`);
  }
  const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  let created = 0;
  const createDatabase = async (name: string) => {
    await psql(bin, port, `CREATE DATABASE ${name}`);
    return urlOf(name);
  };
  const url = await createDatabase(`netkb_${created++}`);
  return {
    url,
    createDatabase,
    stop,
    start,
    destroy: async () => {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function unavailable(why: string): null {
  if (process.env.CI === 'true') throw new Error(`PostgreSQL tests need a server (CI=true): ${why}`);
  console.warn(`\n*** PostgreSQL tests SKIPPED: ${why} ***\n`);
  return null;
}
