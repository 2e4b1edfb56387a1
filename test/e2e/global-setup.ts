import { buildWebIfNeeded } from '../../scripts/build-if-needed.mjs';
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';

export function setup(): void {
  process.env.CHROMIUM_PATH = ensureChromium();
  buildWebIfNeeded();
}
