// A throw-away PostgreSQL cluster for the tests (issue 13): initdb in a temp folder, started with pg_ctl on a
// free port of 127.0.0.1, its socket in the same folder — no system service is used, started or needed, and
// nothing outside the temp folder is written. It is a scratch cluster, so durability is switched off for
// speed (fsync, synchronous_commit, full_page_writes). initdb and postgres refuse to run as root; this
// machine (and CI) runs as root, so then they run as the `postgres` system user, which Debian's package
// creates, with the temp folder handed to it.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres — the superuser, trust auth, no password. */
  url: string;
  stop(): Promise<void>;
}

export type PgClusterStart = PgCluster | { skipped: string };

/** The newest /usr/lib/postgresql/N/bin holding pg_ctl (Debian's layout), else the folder of pg_ctl on PATH. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => /^\d+(\.\d+)?$/.test(v) && fs.existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length > 0) return path.join(root, versions[0], 'bin');
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, 'pg_ctl')) && fs.existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return null;
}

/** A TCP port nobody listens on right now (the OS picks it; pg_ctl is retried should another take it first). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Runner {
  /** Runs a PostgreSQL binary, as the postgres user when we are root; rejects with its output on failure. */
  run(bin: string, args: string[]): Promise<string>;
  runSync(bin: string, args: string[]): void;
}

function runner(binDir: string, cwd: string, asPostgres: boolean): Runner {
  const command = (bin: string, args: string[]): [string, string[]] =>
    asPostgres ? ['runuser', ['-u', 'postgres', '--', path.join(binDir, bin), ...args]] : [path.join(binDir, bin), args];
  // A C locale: byte order, as SQLite compares text, and no dependency on the locales the machine has.
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  return {
    run(bin, args) {
      const [cmd, argv] = command(bin, args);
      return new Promise((resolve, reject) => {
        execFile(cmd, argv, { cwd, env, timeout: 60_000 }, (error, stdout, stderr) => {
          if (error) reject(new Error(`${bin} failed: ${error.message}\n${stdout}${stderr}`));
          else resolve(String(stdout));
        });
      });
    },
    runSync(bin, args) {
      const [cmd, argv] = command(bin, args);
      spawnSync(cmd, argv, { cwd, env, stdio: 'ignore', timeout: 30_000 });
    },
  };
}

function postgresUserIds(): { uid: number; gid: number } | null {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return null;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/**
 * Starts a scratch cluster and returns its URL, or says why it cannot (no PostgreSQL binaries; root without a
 * `postgres` user). The cluster is also stopped when this process exits, should `stop` never be called.
 */
export async function startPgCluster(options: { durable?: boolean } = {}): Promise<PgClusterStart> {
  const binDir = findPgBin();
  if (!binDir) return { skipped: 'no PostgreSQL binaries (pg_ctl) under /usr/lib/postgresql/*/bin or on PATH' };
  const isRoot = process.getuid?.() === 0;
  const owner = isRoot ? postgresUserIds() : null;
  if (isRoot && !owner) return { skipped: 'running as root and there is no `postgres` system user for initdb' };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-pg-'));
  const data = path.join(dir, 'data');
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const pgRun = runner(binDir, dir, Boolean(owner));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });

  try {
    await pgRun.run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
  } catch (err) {
    removeDir();
    throw err;
  }

  let url: string | null = null;
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 3 && !url; attempt++) {
    const port = await freePort();
    // Tests: nothing is worth an fsync. The bench (`durable`): PostgreSQL's defaults, as SQLite's side
    // runs with synchronous = FULL.
    const settings = [
      `-p ${port}`,
      `-k '${dir}'`,
      "-c listen_addresses='127.0.0.1'",
      ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    ].join(' ');
    try {
      await pgRun.run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
      url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    } catch (err) {
      lastError = err;
    }
  }
  if (!url) {
    const log = fs.existsSync(path.join(dir, 'server.log')) ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8') : '';
    removeDir();
    throw new Error(`PostgreSQL did not start: ${String(lastError)}\n${log}`);
  }

  // Immediate shutdown: nothing in a scratch cluster is worth a checkpoint.
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    pgRun.runSync('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    removeDir();
  };
  process.once('exit', stopSync);
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopSync);
      await pgRun.run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      removeDir();
    },
  };
}

/** A new, empty database on the cluster at `baseUrl`, with a unique name; returns its URL. */
export async function createTestDatabase(baseUrl: string): Promise<string> {
  const name = `streetdesk_t${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    // The name is ours (lower-case letters, digits, underscores), so it is safe unquoted.
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database createTestDatabase made (on a cluster the developer keeps, test databases do not pile up). */
export async function dropTestDatabase(baseUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^streetdesk_t[a-z0-9_]+$/.test(name)) throw new Error(`not a test database: ${name}`);
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
