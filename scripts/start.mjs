#!/usr/bin/env node
// `pnpm start`: build the web app if needed, then run the server (migrations and demo data happen there).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfNeeded } from './build-if-needed.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Docket needs Node 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
buildWebIfNeeded();
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
