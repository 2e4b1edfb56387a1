// Builds the web app when web/dist is missing or older than any source it is built from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

export function webBuildIsStale() {
  const built = join(root, 'web', 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'shared/src'].map((p) =>
    newestMtime(join(root, p)),
  );
  return Math.max(...sources) > statSync(built).mtimeMs;
}

export function buildWebIfNeeded() {
  if (!webBuildIsStale()) return;
  console.log('Building the web app…');
  const res = spawnSync('pnpm', ['--filter', '@docket/web', 'build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('web build failed');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildWebIfNeeded();
