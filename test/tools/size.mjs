// The first screen's JavaScript, measured as Chromium downloads it: the production build in dist/
// (or SIZE_DIST) served by Vite's preview server, one role on the device, and every script that
// finished downloading before the roles list's first row drawn by React entered the page (a row of the
// list as last drawn, put there before any script runs, does not count), gzipped at level 9,
// chunk by chunk (test/tools/bench-app.mjs, measureFirstScreen). Lazy-loading the first screen itself
// cannot hide from this. Fails above the budget. Run after `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { chromium } from '@playwright/test';
import { measureFirstScreen } from './bench-app.mjs';

// The goal is 120 KiB; the first screen measures about 81 without the database code (Dexie, about
// 30), so the budget is 90: Dexie or the forms creeping back onto the first screen fail it.
const BUDGET_KIB = 90;
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = process.env.SIZE_DIST ?? join(root, 'dist');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

if (!existsSync(join(dist, '.vite/manifest.json'))) {
  console.error(`No build manifest in ${dist}/.vite: run \`npm run build\` first.`);
  process.exit(1);
}

// The entry and its static imports, from the build manifest: what the browser must fetch before any
// code runs. Printed for comparison; the budget applies to what the browser actually downloads.
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
visit(entryKey);
const staticTotal = [...seen].reduce((sum, key) => sum + gzipSync(readFileSync(join(dist, manifest[key].file)), { level: 9 }).length, 0);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const port = await freePort();
const server = await preview({
  configFile: join(root, 'vite.config.ts'),
  root,
  mode: 'production',
  logLevel: 'warn',
  build: { outDir: dist },
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
});
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
let result;
try {
  result = await measureFirstScreen(browser, `http://127.0.0.1:${port}`);
} finally {
  await browser.close();
  await server.close();
}

for (const chunk of result.before) console.log(`${kib(chunk.gz).padStart(10)}  ${chunk.file}`);
if (result.after.length > 0) console.log(`After the first row (not counted): ${result.after.map((c) => `${c.file} ${kib(c.gz)}`).join(', ')}`);
console.log(`The entry and its static imports: ${kib(staticTotal)} gzipped.`);
const total = result.total / 1024;
console.log(`First-screen JavaScript: ${total.toFixed(1)} KiB gzipped before the first row, in ${result.before.length} scripts (budget ${BUDGET_KIB} KiB).`);
if (total > BUDGET_KIB) {
  console.error(`Over budget by ${(total - BUDGET_KIB).toFixed(1)} KiB.`);
  process.exit(1);
}
