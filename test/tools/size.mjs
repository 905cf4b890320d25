// Gzipped JavaScript the first screen downloads: the entry chunk and everything it imports
// statically, read from Vite's build manifest. Lazy chunks (forms, exports) are not counted.
// Fails above the budget. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KIB = 150;
const dist = process.env.SIZE_DIST ?? new URL('../../dist/', import.meta.url).pathname;
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
} catch {
  console.error('No build manifest in dist/.vite: run `npm run build` first.');
  process.exit(1);
}

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
const seen = new Set();
const visit = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
visit(entryKey);

let total = 0;
const rows = [];
for (const key of seen) {
  const file = manifest[key].file;
  const gz = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  total += gz;
  rows.push([file, gz]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, gz] of rows) console.log(`${(gz / 1024).toFixed(1).padStart(7)} KiB  ${file}`);
const kib = total / 1024;
console.log(`First-screen JavaScript: ${kib.toFixed(1)} KiB gzipped (budget ${BUDGET_KIB} KiB).`);
if (kib > BUDGET_KIB) {
  console.error(`Over budget by ${(kib - BUDGET_KIB).toFixed(1)} KiB.`);
  process.exit(1);
}
