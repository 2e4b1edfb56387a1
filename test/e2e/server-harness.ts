import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { freePort } from '../support/free-port';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface DemoPerson {
  email: string;
  password: string;
  role: string;
  name: string;
  totpSecret: string | null;
}

export interface RunningDocket {
  baseUrl: string;
  demo: DemoPerson[];
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
  /** Kills the server process at once (SIGKILL), keeping its data for a restart. */
  kill(): Promise<void>;
  /** Starts a new server process on the same data (and port). */
  restart(): Promise<RunningDocket>;
}

interface StartOptions {
  port?: number;
  dataDir?: string;
  databaseUrl?: string;
  dropDatabase?: () => Promise<void>;
  env?: Record<string, string>;
}

/**
 * Starts the real server the way `pnpm start` does (built web app, migrations, demo data) on a fresh
 * database: a PGlite data folder, or a new PostgreSQL database when TEST_DATABASE_URL is set.
 */
export async function startDocket(options: StartOptions = {}): Promise<RunningDocket> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'docket-e2e-'));
  let databaseUrl: string | undefined = options.databaseUrl;
  let dropDatabase = options.dropDatabase ?? (async () => {});
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl && !databaseUrl) {
    const name = `docket_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    APP_ORIGIN: baseUrl,
    DOCKET_DATA_DIR: dataDir,
    DOCKET_DEMO: 'true',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Docket exited during start-up:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.ok && output.includes('Docket is running')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Docket did not become ready in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo-sign-ins.json'), 'utf8')) as DemoPerson[];
  const kill = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  return {
    baseUrl,
    demo,
    dataDir,
    output: () => output,
    kill,
    restart: () =>
      startDocket({
        port,
        dataDir,
        ...(databaseUrl ? { databaseUrl } : {}),
        dropDatabase,
        ...(options.env ? { env: options.env } : {}),
      }),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
