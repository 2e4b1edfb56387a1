#!/usr/bin/env node
// Starts a throwaway PostgreSQL (15 by default, from the machine's server binaries), runs the given
// command with TEST_DATABASE_URL pointing at it, then stops and deletes it. Used by `pnpm test:pg` and .ci/run.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('Usage: node scripts/with-postgres.mjs <command...>');
  process.exit(1);
}

function findBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  const preferred = versions.includes('15') ? '15' : versions.at(-1);
  return preferred ? join(root, preferred, 'bin') : null;
}

const bin = findBin();
if (!bin || !existsSync(join(bin, 'initdb'))) {
  console.error('PostgreSQL server binaries not found. On Debian: apt-get install -y postgresql-15 (or set PG_BIN).');
  process.exit(1);
}

const asRoot = process.getuid?.() === 0;
const run = (args, opts = {}) => {
  const full = asRoot ? ['runuser', '-u', 'postgres', '--', ...args] : args;
  const res = spawnSync(full[0], full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...opts });
  if (res.status !== 0) {
    console.error(res.stdout, res.stderr);
    throw new Error(`${args[0]} failed`);
  }
  return res;
};

const dir = mkdtempSync(join(tmpdir(), 'docket-pg-'));
chmodSync(dir, 0o777);
const dataDir = join(dir, 'data');
const port = 20000 + Math.floor(Math.random() * 20000);
const fsync = process.env.PG_FSYNC === 'on' ? 'on' : 'off';
// A quarter of the machine's memory, PostgreSQL's own starting advice for a dedicated server (the
// default, 128 MB, suits no real deployment). Untouched buffers cost nothing, so tests do not mind;
// the benchmarks' million cases then stay in the database's cache as they would in production.
const sharedBuffersMb = Math.floor(totalmem() / 4 / 1024 / 1024);

run([join(bin, 'initdb'), '-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
run([
  join(bin, 'pg_ctl'),
  '-D',
  dataDir,
  '-l',
  join(dir, 'server.log'),
  '-o',
  `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=${fsync} -c max_connections=200 -c shared_buffers=${sharedBuffersMb}MB`,
  '-w',
  'start',
]);
const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
console.log(`PostgreSQL (${bin}) running on port ${port}, fsync=${fsync}, shared_buffers=${sharedBuffersMb}MB`);

const stop = () => {
  try {
    run([join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'fast', 'stop']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const child = spawn(command[0], command.slice(1), {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url },
  shell: false,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
