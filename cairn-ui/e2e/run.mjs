// `npm run e2e`: the browser tests, one file at a time (each starts its own server). Skipped with a
// message, not failed, when Debian's chromium is missing on a developer machine; in CI (CI set) a
// missing browser is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const skip = (process.env.CAIRN_E2E_SKIP ?? '').toLowerCase();
if (skip === 'true') {
  console.log('cairn-ui e2e: skipped (tests or the UI build are skipped)');
  process.exit(0);
}
if (!fs.existsSync(CHROMIUM)) {
  if (!process.env.CI) {
    console.log(`cairn-ui e2e: SKIPPED — no browser at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` to run the browser tests.`);
    process.exit(0);
  }
  console.error(`cairn-ui e2e: no browser at ${CHROMIUM} and CI is set: install it with \`apt-get install -y chromium\``);
  process.exit(1);
}
const files = fs.readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort()
  .filter((f) => process.argv.length <= 2 || process.argv.slice(2).some((a) => f.includes(a)))
  .map((f) => path.join(here, f));
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
