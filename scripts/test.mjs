#!/usr/bin/env node
// `pnpm test`: the whole suite — API suites and the browser tests — on PGlite, or on PostgreSQL
// when TEST_DATABASE_URL is set. Extra arguments go to vitest.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebIfNeeded } from './build-if-needed.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const apiOnly = args.includes('--project') && args[args.indexOf('--project') + 1] === 'api';
if (!apiOnly) {
  process.env.CHROMIUM_PATH = ensureChromium();
  buildWebIfNeeded();
}
const vitest = spawn(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...args], {
  cwd: root,
  stdio: 'inherit',
});
vitest.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
