// Performance benchmarks, measured in real Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH;
// never a downloaded browser) against the PRODUCTION build of the real modules from src/: the bench
// pages are built with Vite's build() (the project's vite.config.ts, mode production, so production
// React, minified) into node_modules/.cache/loopcard-bench, then served by Vite's preview server on a
// free port. The dev server would run development React and inflate the timings. Each run builds
// only the selected pages, once, before the first measurement.
//
//   npm run bench               every benchmark
//   npm run bench -- autosave   only the named ones (autosave, pdf, import, keywords, typing, typing-year, year,
//                               sync, coldstart, firstscreen, lighthouse)
//   BENCH_OUT=/tmp/x npm run bench -- …   builds under /tmp/x (and /tmp/x-app, /tmp/x-bare) instead
//                               of node_modules/.cache, so two runs side by side never share a build
//   BENCH_APP_DIST=/tmp/d npm run bench -- coldstart   measures a production build made elsewhere
//                               (`vite build --outDir /tmp/d`, with its service worker), e.g. to compare two changes
//
// Each benchmark is a page under test/bench/ that runs its workload and sets window.__benchResult
// (see test/bench/bench-result.ts) to raw samples in milliseconds; this script computes the
// statistics and checks the target, if the benchmark has one (some only report their figures). A
// missed target is reported, not failed: timings depend on the machine, and CI does not run this.
// The exit code is non-zero only when a measurement broke.
//
// To add a benchmark: write test/bench/<name>.html + <name>-bench.ts using publish() from
// bench-result.ts, and add an entry to BENCHMARKS below. A benchmark that needs real user input
// declares `drive(page)`: run with the Playwright page once it has loaded, before the result is read.
//
// Benchmarks of the whole app as users get it (cold start, first-screen download, Lighthouse) are not
// bench pages: they declare `run(ctx)` instead of `page`, build the app with its service worker
// themselves and return the rows to print (test/tools/bench-app.mjs).
import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer, preview } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { chromium } from '@playwright/test';
import { coldStart, firstScreen, lighthouseRuns } from './bench-app.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const configFile = join(root, 'vite.config.ts');
// Not dist/: that is the app's own build.
const outDir = process.env.BENCH_OUT ?? join(root, 'node_modules/.cache/loopcard-bench');
// Cross-origin isolation gives performance.now() its fine resolution.
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/**
 * @typedef {{ stat: 'p50' | 'p95' | 'max' | 'mean', maxMs: number }} Target
 * @typedef {{ name: string, title: string, page?: string, run?: (ctx: import('./bench-app.mjs').AppBenchContext) => Promise<import('./bench-app.mjs').AppBenchResult>, samples?: string, target?: Target, timeoutMs: number, heapPhases?: boolean, drive?: (page: import('@playwright/test').Page) => Promise<void> }} Benchmark
 * @type {Benchmark[]}
 */
const BENCHMARKS = [
  {
    name: 'autosave',
    title: 'Persist one scorecard autosave (5 dimensions × 5,000 chars of evidence) — scorecards.saveDraft',
    page: 'test/bench/autosave.html',
    target: { stat: 'p95', maxMs: 50 },
    timeoutMs: 180_000,
  },
  {
    name: 'pdf',
    title: 'Decision-packet PDF, 8 submitted scorecards × 5 dimensions × 2,000 chars of evidence — renderPacketPdf (main thread) and makePacketPdf (worker)',
    page: 'test/bench/pdf.html',
    samples: 'renderPacketPdf repeats on the main thread, fonts loaded, after one cold run',
    // No target in the issue: the figures are reported, and the main thread's longest gap while the worker makes it.
    timeoutMs: 120_000,
  },
  {
    name: 'import',
    title: 'Import 1,000 scorecard files in one go (100 candidates × 10 interviewers) — imports.importFile (the one way in), one transaction per file',
    page: 'test/bench/import.html',
    samples: 'one importFile call per file, into an initially empty database',
    // No target in the issue: the total, files/s and the per-file percentiles are reported.
    timeoutMs: 180_000,
  },
  {
    name: 'keywords',
    title: 'Scan a pasted résumé of 200,000 characters for a lane\'s keywords and a team stack — findKeywords (Unicode word boundaries)',
    page: 'test/bench/keywords.html',
    samples: 'one findKeywords call over the whole text, after one warm-up',
    target: { stat: 'p95', maxMs: 50 },
    timeoutMs: 120_000,
  },
  {
    name: 'typing',
    title: 'Typing in the running-notes pad with a 20,000-character scorecard (the whole app on /interviews/:id, 200 note lines) — Event Timing processing time; no task over 50 ms',
    page: 'test/bench/typing.html',
    samples: 'one per keydown/keypress/input/keyup in the pad (real key events, 30 ms apart): Event Timing processingEnd − processingStart',
    target: { stat: 'p95', maxMs: 16 },
    timeoutMs: 180_000,
    drive: typeRunningNotes,
  },
  {
    name: 'typing-year',
    title: 'The typing bench with a year of data in the database first (300 roles, 3,000 candidates, 10,000 submitted scorecards, 12,000 revisions; the fill is not measured) — Event Timing processing time; no task over 50 ms',
    // The same page and measurement as `typing`; the query asks it to fill the year first.
    page: 'test/bench/typing.html?data=year',
    samples: 'one per keydown/keypress/input/keyup in the pad (real key events, 30 ms apart): Event Timing processingEnd − processingStart',
    target: { stat: 'p95', maxMs: 16 },
    timeoutMs: 1_800_000,
    drive: (page) => typeRunningNotes(page, 1_500_000),
  },
  {
    name: 'year',
    title: 'A year of data (300 roles, 3,000 candidates, 10,000 submitted scorecards, 12,000 revisions) — the real app\'s screens, backup, restore and erasure over it',
    page: 'test/bench/year.html',
    samples: 'every figure below together (screens from navigation to painted; repository calls around the call): read the named rows, not these statistics',
    timeoutMs: 1_800_000,
    heapPhases: true,
  },
  {
    name: 'sync',
    title: 'Team sync: 1,000 submitted scorecards (100 candidates × 10 interviewers, a loop database each) replicate from the team server to a fresh device — syncLoopOnce per loop, in Node over fake-indexeddb against the test stand-in (or COUCH_URL)',
    // Node, not a bench page: the stand-in is a Node server. test/bench/sync-bench.ts is loaded by a
    // Vite server kept open while it runs (the repositories load their code on first use).
    run: async () => {
      const vite = await createServer({ configFile: false, root, logLevel: 'warn', appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] }, server: { middlewareMode: true, hmr: false, ws: false } });
      try {
        return await (await vite.ssrLoadModule(join(root, 'test/bench/sync-bench.ts'))).runSyncBench((line) => console.log(line));
      } finally {
        await vite.close();
      }
    },
    timeoutMs: 900_000,
  },
  {
    name: 'coldstart',
    title: 'Offline cold start: the app\'s roles list against a bare Vite + React page, both behind a generateSW service worker — largest contentful paint, medians of 7, alternated',
    run: coldStart,
    timeoutMs: 600_000,
  },
  {
    name: 'firstscreen',
    title: 'First-screen JavaScript as Chromium downloads it: every script received before the roles list\'s first row, gzipped (level 9)',
    run: firstScreen,
    timeoutMs: 300_000,
  },
  {
    name: 'lighthouse',
    title: 'Lighthouse 12, mobile: performance, accessibility, best practices — median of 3 runs against the production build',
    run: lighthouseRuns,
    timeoutMs: 600_000,
  },
];

/** ~300 characters in six lines, each filed with Enter: what an interviewer types while listening. */
const TYPED_LINES = [
  'Explains the canary gate: compares p99 and errors',
  'Would batch requests on the GPU, max wait 5 ms each',
  'Knows the autoscaler lag, proposes scaling on queue depth',
  'Hesitant on cost model, asked for spot pricing',
  'Good question back: how are rollbacks rehearsed?',
  'Strong ownership of the incident follow-ups and docs',
];

/** Drives the typing bench: waits for the scoring screen, then types into the pad with real key events. */
async function typeRunningNotes(page, readyTimeoutMs = 120_000) {
  await page.waitForFunction(() => globalThis.__benchTyping?.ready === true || globalThis.__benchResult !== undefined, null, { timeout: readyTimeoutMs, polling: 100 });
  if (await page.evaluate(() => globalThis.__benchResult !== undefined)) return; // it failed while seeding
  await page.focus('#pad-input');
  await page.evaluate(() => globalThis.__benchTyping.start());
  for (const line of TYPED_LINES) {
    await page.keyboard.type(line, { delay: 30 });
    await page.keyboard.press('Enter', { delay: 30 });
    await page.waitForTimeout(30);
  }
  await page.evaluate(() => globalThis.__benchTyping.finish());
}

// Debian's Chromium, never a downloaded browser; the flags keep it off the network.
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RESERVED_PORTS = new Set([4173]); // vite preview / e2e

/** A free TCP port on 127.0.0.1 (never 4173, which the preview server and e2e tests use). */
async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const probe = createNetServer();
      probe.unref();
      probe.on('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    if (port && !RESERVED_PORTS.has(port)) return port;
  }
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, x) => sum + x, 0) / sorted.length;
  return {
    n: sorted.length,
    min: sorted[0],
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
    mean,
  };
}

const ms = (x) => `${x.toFixed(2)} ms`;

/**
 * The bench build is the app's production build without its service worker. The typing page
 * renders the app, whose update prompt (src/pwa/reload-prompt.tsx) registers the worker that
 * vite-plugin-pwa generates: in a bench page it would install mid-measurement and precache every
 * asset, and its navigation fallback (index.html) is not part of the bench build. So the config
 * file's PWA plugins are filtered out of the resolved config (Vite derives each environment's
 * plugins from config.plugins after the configResolved hooks) and a disabled instance stands in:
 * its virtual:pwa-register modules are then no-ops, as on the dev server, and no sw.js is written.
 */
function withoutServiceWorker() {
  const disabled = VitePWA({ disable: true });
  return [
    ...disabled,
    {
      name: 'loopcard-bench-without-service-worker',
      configResolved(config) {
        const fromConfigFile = config.plugins.filter((p) => p.name.startsWith('vite-plugin-pwa') && !disabled.includes(p));
        for (const plugin of fromConfigFile) config.plugins.splice(config.plugins.indexOf(plugin), 1);
      },
    },
  ];
}

/** Builds the given bench pages for production into outDir (the paths under it mirror the root's). */
async function buildBenchPages(pages) {
  await build({
    configFile,
    root,
    mode: 'production',
    logLevel: 'warn',
    clearScreen: false,
    plugins: withoutServiceWorker(),
    build: {
      outDir,
      emptyOutDir: true,
      rolldownOptions: { input: pages.map((page) => join(root, page)) },
    },
  });
  if (existsSync(join(outDir, 'sw.js'))) throw new Error(`The bench build wrote a service worker (${join(outDir, 'sw.js')}): the PWA plugin was not disabled.`);
}

let server;
let browser;
/** Preview servers started by whole-app benchmarks. */
const extraServers = [];
let interrupted = false;
async function cleanUp() {
  const closing = [];
  if (browser) closing.push(browser.close().catch(() => {}));
  if (server) closing.push(server.close().catch(() => {}));
  for (const started of extraServers.splice(0)) closing.push(started.close().catch(() => {}));
  browser = undefined;
  server = undefined;
  await Promise.all(closing);
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the browser and the preview server.`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/**
 * For a bench that names its phases (globalThis.__benchPhase): the JS heap sampled through the
 * DevTools protocol (Runtime.getHeapUsage) every 50 ms, the highest per phase. Samples are answered
 * between the page's tasks, so a peak inside one long synchronous task is missed: a lower bound.
 */
async function sampleHeapByPhase(page) {
  const cdp = await page.context().newCDPSession(page);
  const peaks = new Map();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const [usage, phase] = await Promise.all([
          cdp.send('Runtime.getHeapUsage'),
          cdp.send('Runtime.evaluate', { expression: 'globalThis.__benchPhase ?? ""', returnByValue: true }),
        ]);
        const name = String(phase.result.value ?? '');
        if (name) {
          const seen = peaks.get(name) ?? { peak: 0, n: 0 };
          peaks.set(name, { peak: Math.max(seen.peak, usage.usedSize), n: seen.n + 1 });
        }
      } catch {
        return; // the page closed
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return Object.fromEntries([...peaks].map(([name, { peak, n }]) => [`peak JS heap (CDP): ${name}`, `${(peak / 2 ** 20).toFixed(0)} MiB (${n} samples)`]));
  };
}

/** Opens one bench page in a fresh context (fresh IndexedDB) and returns its raw result. */
async function runBenchmark(baseUrl, bench) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const url = message.location().url;
    console.error(`  [${bench.name} page ${message.type()}] ${message.text()}${url ? ` (${url})` : ''}`);
  });
  try {
    await page.goto(`${baseUrl}/${bench.page}`, { waitUntil: 'load' });
    const stopHeap = bench.heapPhases ? await sampleHeapByPhase(page) : undefined;
    if (bench.drive) await bench.drive(page);
    try {
      await page.waitForFunction(() => globalThis.__benchResult !== undefined, null, { timeout: bench.timeoutMs, polling: 250 });
    } catch (error) {
      const detail = pageErrors.length > 0 ? `; page errors: ${pageErrors.join(' | ')}` : '';
      throw new Error(`${bench.name}: no result within ${bench.timeoutMs / 1000} s (${error.message.split('\n')[0]})${detail}`, { cause: error });
    }
    const [result, isolated] = await page.evaluate(() => [globalThis.__benchResult, globalThis.crossOriginIsolated]);
    if (stopHeap && result.ok) result.extra = { ...result.extra, ...(await stopHeap()) };
    if (!result.ok) throw new Error(`${bench.name}: the bench page failed: ${result.error}`);
    const usable = (samples) => Array.isArray(samples) && samples.length > 0 && samples.every(Number.isFinite);
    if (!usable(result.samples)) throw new Error(`${bench.name}: the bench page returned no usable samples.`);
    for (const [key, samples] of Object.entries(result.series ?? {})) {
      if (!usable(samples)) throw new Error(`${bench.name}: the series "${key}" holds no usable samples.`);
    }
    return { ...result, isolated };
  } finally {
    await context.close();
  }
}

function report(bench, result) {
  const stats = summarise(result.samples);
  const value = bench.target ? stats[bench.target.stat] : undefined;
  const met = bench.target ? value <= bench.target.maxMs : undefined;
  const rows = [
    ...(bench.samples ? [['samples', bench.samples]] : []),
    ['n', String(stats.n)],
    ['min', ms(stats.min)],
    ['p50', ms(stats.p50)],
    ['p95', ms(stats.p95)],
    ['max', ms(stats.max)],
    ['mean', ms(stats.mean)],
    ...Object.entries(result.extra ?? {}).map(([key, v]) => [key, String(v)]),
    ...Object.entries(result.series ?? {}).map(([key, samples]) => {
      const s = summarise(samples);
      return [key, `n ${s.n}, min ${ms(s.min)}, p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}, mean ${ms(s.mean)}`];
    }),
    ['timer', result.isolated ? 'performance.now(), cross-origin isolated (fine-grained)' : 'performance.now(), not isolated (~0.1 ms granularity)'],
    ...(bench.target
      ? [
          ['target', `${bench.target.stat} ≤ ${bench.target.maxMs} ms`],
          ['result', `${met ? 'MET' : 'NOT MET'} (${bench.target.stat} = ${ms(value)})`],
        ]
      : [['target', 'none (figures only)']]),
  ];
  const width = Math.max(...rows.map(([key]) => key.length));
  console.log(`\n${bench.name}: ${bench.title}`);
  for (const [key, v] of rows) console.log(`  ${key.padEnd(width)}  ${v}`);
  return { name: bench.name, stats, met };
}

/** Runs a whole-app benchmark (bench-app.mjs) within its time limit; the servers it starts are closed on interrupt. */
async function runAppBenchmark(bench) {
  const ctx = {
    root,
    outDir,
    browser,
    chromiumPath: CHROMIUM_PATH,
    chromiumArgs: CHROMIUM_ARGS,
    freePort,
    onServer: (started) => extraServers.push(started),
  };
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${bench.name}: no result within ${bench.timeoutMs / 1000} s.`)), bench.timeoutMs);
  });
  try {
    return await Promise.race([bench.run(ctx), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function reportRun(bench, result) {
  const width = Math.max(...result.rows.map(([key]) => key.length));
  console.log(`\n${bench.name}: ${bench.title}`);
  for (const [key, v] of result.rows) console.log(`  ${key.padEnd(width)}  ${v}`);
  return { name: bench.name, summary: result.summary, met: result.met };
}

async function main() {
  const wanted = process.argv.slice(2);
  const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  const unknown = wanted.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${BENCHMARKS.map((b) => b.name).join(', ')}.`);
    return 2;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`No Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`);
    return 1;
  }

  // One build of the selected pages, before any measurement: src/ as it is now, nothing rebuilt mid-run.
  // A page may be named with a query (one page, two setups): the build needs each file once.
  const pages = [...new Set(selected.filter((b) => b.page).map((b) => b.page.split('?')[0]))];
  const buildStart = performance.now();
  if (pages.length > 0) await buildBenchPages(pages);
  if (interrupted) return 130;
  const buildSeconds = (performance.now() - buildStart) / 1000;

  let baseUrl = '';
  if (pages.length > 0) {
    const port = await freePort();
    server = await preview({
      configFile,
      root,
      mode: 'production',
      logLevel: 'warn',
      clearScreen: false,
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false, headers: ISOLATION_HEADERS },
    });
    baseUrl = `http://127.0.0.1:${port}`;
  }

  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const cpuList = cpus();
  console.log(`Loopcard benchmarks — Chromium ${browser.version()}, Node ${process.version}, ${cpuList.length} × ${cpuList[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`);
  if (pages.length > 0) console.log(`Production build of the bench pages (${buildSeconds.toFixed(1)} s) in ${outDir}, served by Vite's preview server.`);
  // Other work on the machine skews the figures: say how busy it was.
  console.log(`Load average at the start: ${loadavg().map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min).`);
  console.log('Percentiles are nearest-rank over the measured samples (warm-up excluded).');

  const outcomes = [];
  let broken = 0;
  for (const bench of selected) {
    try {
      outcomes.push(bench.run ? reportRun(bench, await runAppBenchmark(bench)) : report(bench, await runBenchmark(baseUrl, bench)));
    } catch (error) {
      if (interrupted) break;
      broken += 1;
      console.error(`\n${bench.name}: MEASUREMENT FAILED\n  ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  if (selected.length > 1) {
    console.log('\nSummary');
    for (const o of outcomes) {
      const verdict = o.met === undefined ? 'no target' : o.met ? 'met' : 'NOT MET';
      const figures = o.stats ? `p50 ${ms(o.stats.p50).padStart(10)}  p95 ${ms(o.stats.p95).padStart(10)}` : o.summary;
      console.log(`  ${o.name.padEnd(12)} ${figures}  ${verdict}`);
    }
  }
  if (outcomes.some((o) => o.met === false)) console.log('\nA target was missed. Not a failure (timings depend on the machine); investigate if it persists.');
  return broken > 0 ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  if (!interrupted) console.error(`Benchmark run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(interrupted ? 130 : exitCode);
