// Benchmarks of the whole app as users get it, run by test/tools/bench.mjs (`npm run bench -- coldstart`,
// `firstscreen`, `lighthouse`): the app's production build WITH its service worker (vite build with the
// project's vite.config.ts, like `npm run build`), served by Vite's preview server on a free port, in
// Debian's Chromium. They measure; they do not fail on a missed goal.
//
//   coldstart    offline cold start, the app against a bare Vite + React page (test/bench/bare) behind
//                the same kind of service worker (vite-plugin-pwa generateSW), alternated, 7 runs each
//   firstscreen  the JavaScript Chromium downloads before the roles list's first row is in the page,
//                gzipped here at level 9 (as test/tools/size.mjs does), chunk by chunk
//   lighthouse   Lighthouse 12 (mobile, its default config), performance / accessibility / best
//                practices, median of 3 runs, and the audits that fail in the median run
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * @typedef {{ root: string, outDir: string, browser: import('@playwright/test').Browser, chromiumPath: string, chromiumArgs: string[], freePort: () => Promise<number>, onServer: (server: { close: () => Promise<void> }) => void }} AppBenchContext
 * @typedef {{ rows: [string, string][], summary: string, met?: boolean }} AppBenchResult
 */

const COLD_RUNS = 7;
const COLD_RATIO_GOAL = 1.3;
const FIRST_SCREEN_GOAL_KIB = 120;
const LIGHTHOUSE_RUNS = 3;
const LIGHTHOUSE_GOALS = { performance: 98, accessibility: 100, 'best-practices': 100 };
const TABLET = { width: 768, height: 1024 };
// The roles list once it shows something: its first card, or the empty state of a new device.
const FIRST_ROW = 'ul.card-list > li, section.empty-state';
const ROW_PAINTED = 'loopcard-bench: first row painted';
// Marks the list put on screen from its snapshot (SNAPSHOT_ATTRIBUTE in src/lib/first-paint-snapshot.ts).
const SNAPSHOT_ATTRIBUTE = 'data-snapshot';

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const f0 = (x) => `${x.toFixed(0)} ms`;
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

let appBuild;
/** The app's production build with its service worker, once per run, into <outDir>-app. */
function buildApp(ctx) {
  appBuild ??= (async () => {
    // BENCH_APP_DIST measures a build made elsewhere (one with a service worker) instead.
    if (process.env.BENCH_APP_DIST) return process.env.BENCH_APP_DIST;
    const outDir = `${ctx.outDir}-app`;
    await build({ configFile: join(ctx.root, 'vite.config.ts'), root: ctx.root, mode: 'production', logLevel: 'warn', clearScreen: false, build: { outDir, emptyOutDir: true } });
    if (!existsSync(join(outDir, 'sw.js'))) throw new Error(`The app build in ${outDir} has no service worker.`);
    return outDir;
  })();
  return appBuild;
}

/** The bare page (test/bench/bare) with a service worker generated the way the app's is. */
async function buildBare(ctx) {
  const outDir = `${ctx.outDir}-bare`;
  await build({
    configFile: false,
    root: join(ctx.root, 'test/bench/bare'),
    mode: 'production',
    logLevel: 'warn',
    clearScreen: false,
    plugins: [
      react(),
      VitePWA({
        registerType: 'prompt',
        injectRegister: false,
        manifest: false,
        workbox: { globPatterns: ['**/*.{js,css,html}'], navigateFallback: '/index.html', cleanupOutdatedCaches: true },
      }),
    ],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  if (!existsSync(join(outDir, 'sw.js'))) throw new Error(`The bare page's build in ${outDir} has no service worker.`);
  return outDir;
}

/** Serves a built directory on a free port with Vite's preview server (SPA fallback to index.html). */
async function serve(ctx, outDir, { app }) {
  const port = await ctx.freePort();
  const server = await preview({
    ...(app ? { configFile: join(ctx.root, 'vite.config.ts'), root: ctx.root } : { configFile: false, root: join(ctx.root, 'test/bench/bare') }),
    mode: 'production',
    logLevel: 'warn',
    clearScreen: false,
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  ctx.onServer(server);
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Loads a page and waits until its service worker controls it, as a person's first visit leaves it. */
async function visitUntilControlled(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let i = 0; i < 50; i++) {
    if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
    await page.reload({ waitUntil: 'load' });
  }
  throw new Error(`The service worker never controlled ${url}.`);
}

/** One role on the device, added the way a person explores the app: the example data on the Debrief screen. */
async function seedExampleRole(page, url) {
  await page.goto(`${url}/debrief`, { waitUntil: 'load' });
  await page.getByRole('button', { name: 'Explore with example data' }).click();
  await page.waitForURL(/\/candidates\/[^/]+\/debrief$/, { timeout: 30_000 });
  await page.goto(`${url}/roles`, { waitUntil: 'load' });
  await page.locator('ul.card-list > li').first().waitFor({ timeout: 30_000 });
}

/**
 * Before any script of the page runs: the largest contentful paint (buffered observer), the moment
 * the first row of the roles list enters the page (the app's may be its snapshot, the list as last
 * drawn: src/lib/first-paint-snapshot.ts), the moment the app's own row does (drawn by React, so
 * working), and the next frame after each (when it is painted).
 */
function observePaints([firstRowSelector, ROW_PAINTED, SNAPSHOT_ATTRIBUTE]) {
  /* global document, requestAnimationFrame, MutationObserver -- runs in the page (addInitScript) */
  const marks = { lcp: 0, lcpElement: '', rowInDom: 0, rowPainted: 0, ownRowInDom: 0, ownRowPainted: 0, snapshot: false };
  globalThis.__coldStart = marks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      marks.lcp = entry.renderTime || entry.loadTime || entry.startTime;
      const el = entry.element;
      marks.lcpElement = el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 24)}”` : '(removed)';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  // The frame after the one that rendered the row: the row has been painted by then.
  const nextFrame = (then) => requestAnimationFrame(() => requestAnimationFrame(then));
  const check = () => {
    const rows = [...document.querySelectorAll(firstRowSelector)];
    if (!marks.rowInDom && rows.length > 0) {
      marks.rowInDom = performance.now();
      marks.snapshot = rows[0].closest(`[${SNAPSHOT_ATTRIBUTE}]`) !== null;
      nextFrame((t) => (marks.rowPainted = t));
    }
    if (!marks.ownRowInDom && rows.some((row) => row.closest(`[${SNAPSHOT_ATTRIBUTE}]`) === null)) {
      marks.ownRowInDom = performance.now();
      nextFrame((t) => {
        marks.ownRowPainted = t;
        // Told through the console, so the runner evaluates nothing in the page while it paints.
        console.debug(ROW_PAINTED);
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/** One offline cold start of a page whose service worker is installed: LCP and the first row. */
async function coldStartOnce(context, url) {
  const cdpPage = context.pages()[0];
  const cdp = await context.newCDPSession(cdpPage);
  await cdp.send('ServiceWorker.enable');
  // A cold start: no running service worker, no open page of the app.
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  for (const open of context.pages()) await open.close();
  const page = await context.newPage();
  await page.addInitScript(observePaints, [FIRST_ROW, ROW_PAINTED, SNAPSHOT_ATTRIBUTE]);
  // Waiting in the page (waitForFunction) would first evaluate Playwright's injected script there:
  // 30–45 ms of the page's main thread, at about the time the app paints its first row.
  const painted = page.waitForEvent('console', { predicate: (message) => message.text() === ROW_PAINTED, timeout: 30_000 });
  await page.goto(url, { waitUntil: 'load' });
  await painted;
  // LCP stops at the first input; none comes, so let later, larger paints be reported.
  await page.waitForTimeout(500);
  const marks = await page.evaluate(() => ({
    ...globalThis.__coldStart,
    fromWorker: (performance.getEntriesByType('navigation')[0]?.workerStart ?? 0) > 0,
    controlled: navigator.serviceWorker.controller !== null,
    online: navigator.onLine,
  }));
  if (!marks.controlled || !marks.fromWorker) throw new Error(`${url} was not served by its service worker on the cold start.`);
  if (marks.online) throw new Error('The page was online during the cold start.');
  return marks;
}

/** Fresh context: first visit (and, for the app, one role), then offline. */
async function prepareOffline(ctx, url, { seed }) {
  const context = await ctx.browser.newContext({ viewport: TABLET });
  const page = await context.newPage();
  await visitUntilControlled(page, url);
  if (seed) await seedExampleRole(page, url);
  await context.setOffline(true);
  return context;
}

/** @param {AppBenchContext} ctx @returns {Promise<AppBenchResult>} */
export async function coldStart(ctx) {
  const [appDir, bareDir] = await Promise.all([buildApp(ctx), buildBare(ctx)]);
  const app = await serve(ctx, appDir, { app: true });
  const bare = await serve(ctx, bareDir, { app: false });
  // The app with one role (the first row waits for the role's search clock) and on a new device (the empty state).
  const samples = { app: [], empty: [], bare: [] };
  const orders = [
    ['app', 'empty', 'bare'],
    ['bare', 'app', 'empty'],
    ['empty', 'bare', 'app'],
  ];
  try {
    for (let run = 0; run < COLD_RUNS; run++) {
      // Alternated, so a change in the machine's load touches both alike; one context per run.
      for (const kind of orders[run % orders.length]) {
        const origin = kind === 'bare' ? bare.url : app.url;
        const url = kind === 'bare' ? `${bare.url}/` : `${app.url}/roles`;
        const context = await prepareOffline(ctx, origin, { seed: kind === 'app' });
        try {
          samples[kind].push(await coldStartOnce(context, url));
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await Promise.all([app.server.close(), bare.server.close()]);
  }
  const lcp = (kind) => median(samples[kind].map((s) => s.lcp));
  const painted = (kind, key = 'rowPainted') => median(samples[kind].map((s) => s[key]));
  const inDom = (kind, key = 'rowInDom') => median(samples[kind].map((s) => s[key]));
  const fromSnapshot = (kind) => samples[kind].filter((s) => s.snapshot).length;
  const ratio = lcp('app') / lcp('bare');
  const rowRatio = painted('app') / painted('bare');
  const elements = (kind) => [...new Set(samples[kind].map((s) => s.lcpElement))].join(', ');
  const list = (kind, key) => samples[kind].map((s) => s[key].toFixed(0)).join(', ');
  return {
    rows: [
      ['method', `${COLD_RUNS} runs each, in rotating order; each run: a fresh context at ${TABLET.width}×${TABLET.height}, one online visit until the service worker controls the page (the app gets one role, the example data, except on the new device), then offline (context.setOffline), every service worker stopped, a new page opened on the list; the app's list may first come from its snapshot (the list as last drawn, src/lib/first-paint-snapshot.ts), which React then draws over`],
      ['app', `${app.url}/roles, production build (vite.config.ts, generateSW)`],
      ['bare page', 'test/bench/bare: Vite + React, a heading and one card, generateSW'],
      ['LCP app, median', `${f0(lcp('app'))}  (runs: ${list('app', 'lcp')}; element: ${elements('app')})`],
      ['LCP bare, median', `${f0(lcp('bare'))}  (runs: ${list('bare', 'lcp')}; element: ${elements('bare')})`],
      ['LCP ratio', `${ratio.toFixed(2)} (goal ≤ ${COLD_RATIO_GOAL}: ${ratio <= COLD_RATIO_GOAL ? 'MET' : 'NOT MET'})`],
      ['LCP app, new device', `${f0(lcp('empty'))}  (runs: ${list('empty', 'lcp')}; element: ${elements('empty')}); ratio ${(lcp('empty') / lcp('bare')).toFixed(2)}`],
      ['first row in page', `app ${f0(inDom('app'))}, bare ${f0(inDom('bare'))} (medians); the app's empty state ${f0(inDom('empty'))}`],
      ['first row painted', `app ${f0(painted('app'))} (runs: ${list('app', 'rowPainted')}), bare ${f0(painted('bare'))}; ratio ${rowRatio.toFixed(2)}`],
      ['from the snapshot', `the app's first row was the list as last drawn in ${fromSnapshot('app')} of ${COLD_RUNS} runs (the new device's in ${fromSnapshot('empty')})`],
      [
        "the app's own list",
        `drawn by React (working): in page ${f0(inDom('app', 'ownRowInDom'))}, painted ${f0(painted('app', 'ownRowPainted'))} (runs: ${list('app', 'ownRowPainted')}); ratio to the bare page's row ${(painted('app', 'ownRowPainted') / painted('bare')).toFixed(2)}`,
      ],
    ],
    summary: `LCP ${f0(lcp('app'))} vs ${f0(lcp('bare'))}, ratio ${ratio.toFixed(2)}`,
    met: ratio <= COLD_RATIO_GOAL,
  };
}

/** What `npm run size` says of the same build (it measures in the browser too). */
function sizeScriptTotal(ctx, dist) {
  const run = spawnSync(process.execPath, [join(ctx.root, 'test/tools/size.mjs')], { env: { ...process.env, SIZE_DIST: dist }, encoding: 'utf8' });
  return /First-screen JavaScript: (.*)/.exec(run.stdout)?.[1] ?? `unknown (${(run.stderr || run.stdout).trim()})`;
}

/**
 * The JavaScript Chromium downloads before the roles list's first row drawn by React enters the page, with one role
 * on the device (the example data): no service worker, HTTP cache off, every script response read and
 * gzipped at level 9, counted if it finished before the row. Lazy-loading the first screen itself
 * cannot hide from this. Also used by `npm run size` (test/tools/size.mjs).
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url the app's origin
 */
export async function measureFirstScreen(browser, url) {
  const context = await browser.newContext({ viewport: TABLET, serviceWorkers: 'block' });
  try {
    const setup = await context.newPage();
    await seedExampleRole(setup, url);
    await setup.close();

    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bodies = new Map();
    const pending = [];
    let documentBody = Promise.resolve('');
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'document') documentBody = response.text();
      if (type !== 'script' && !response.url().endsWith('.js')) return;
      pending.push(
        response.body().then(
          (body) => bodies.set(response.url(), body),
          (error) => bodies.set(response.url(), error),
        ),
      );
    });
    await page.addInitScript(observePaints, ['ul.card-list > li', ROW_PAINTED, SNAPSHOT_ATTRIBUTE]);
    await page.goto(`${url}/roles`, { waitUntil: 'load' });
    await page.waitForFunction(() => globalThis.__coldStart.ownRowPainted > 0, null, { timeout: 30_000, polling: 50 });
    // The app's own row, drawn by React: a row from the list's snapshot comes before any script.
    const rowAt = await page.evaluate(() => globalThis.__coldStart.ownRowInDom);
    // Scripts requested on idle after the row are listed apart, not counted.
    await page.waitForTimeout(1_500);
    await Promise.all(pending);
    const timings = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd, initiator: e.initiatorType })),
    );
    const chunks = [];
    for (const [scriptUrl, body] of bodies) {
      if (body instanceof Error) throw new Error(`Could not read ${scriptUrl}: ${body.message}`);
      const timing = timings.find((t) => t.url === scriptUrl);
      chunks.push({ file: new URL(scriptUrl).pathname.slice(1), gz: gzipSync(body, { level: 9 }).length, raw: body.length, end: timing?.end ?? Infinity, initiator: timing?.initiator ?? '?' });
    }
    // Scripts written into the page itself run before any other: counted as one more "chunk".
    const inline = [...(await documentBody).matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    if (inline) chunks.push({ file: 'index.html (inline scripts)', gz: gzipSync(inline, { level: 9 }).length, raw: inline.length, end: 0, initiator: 'parser' });
    chunks.sort((a, b) => b.gz - a.gz);
    const before = chunks.filter((c) => c.end <= rowAt);
    const after = chunks.filter((c) => c.end > rowAt);
    return { rowAt, before, after, total: before.reduce((sum, c) => sum + c.gz, 0) };
  } finally {
    await context.close();
  }
}

/** @param {AppBenchContext} ctx @returns {Promise<AppBenchResult>} */
export async function firstScreen(ctx) {
  const appDir = await buildApp(ctx);
  const app = await serve(ctx, appDir, { app: true });
  try {
    const { rowAt, before, after, total } = await measureFirstScreen(ctx.browser, app.url);
    const sizeSays = sizeScriptTotal(ctx, appDir);
    const rows = [
      ['method', `${app.url}/roles with one role (the example data), no service worker, HTTP cache off; every script response read (page.on('response')) and gzipped at level 9; counted if its responseEnd came before the first row entered the page`],
      ['first row in page', f0(rowAt)],
      ...before.map((c) => [`  ${c.file}`, `${kib(c.gz).padStart(9)} gz  (${kib(c.raw)} raw, ${c.initiator}, done at ${f0(c.end)})`]),
      ['downloaded before the first row', `${kib(total)} gzipped in ${before.length} scripts (goal ≤ ${FIRST_SCREEN_GOAL_KIB} KiB: ${total / 1024 <= FIRST_SCREEN_GOAL_KIB ? 'MET' : 'NOT MET'})`],
      ['npm run size, same build', sizeSays],
      ...(after.length > 0 ? [['after the first row (not counted)', after.map((c) => `${c.file} ${kib(c.gz)}`).join(', ')]] : []),
    ];
    return { rows, summary: `${kib(total)} gz before the first row`, met: total / 1024 <= FIRST_SCREEN_GOAL_KIB };
  } finally {
    await app.server.close();
  }
}

/** The scripts that took the main thread longest in a Lighthouse run (its bootup-time audit), simulated. */
function scriptTimes(lhr) {
  const items = lhr.audits['bootup-time']?.details?.items ?? [];
  return items
    .slice(0, 6)
    .map((item) => `${String(item.url).replace(/^https?:\/\/[^/]+\//, '') || item.url} ${Math.round(item.total)} ms (script ${Math.round(item.scripting)} ms)`)
    .join(', ') || 'none listed';
}

/** The main thread's long tasks in a Lighthouse run, when they started and how long they took (simulated). */
function longTasks(lhr) {
  const items = lhr.audits['long-tasks']?.details?.items ?? [];
  return items.map((item) => `${Math.round(item.duration)} ms at ${Math.round(item.startTime)} ms${item.url ? ` (${String(item.url).replace(/^https?:\/\/[^/]+\//, '')})` : ''}`).join(', ') || 'none';
}

/** @param {AppBenchContext} ctx @returns {Promise<AppBenchResult>} */
export async function lighthouseRuns(ctx) {
  // Loaded here: only this benchmark needs Lighthouse, a large package.
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const appDir = await buildApp(ctx);
  const app = await serve(ctx, appDir, { app: true });
  const runs = [];
  try {
    for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
      // A fresh browser per run, as Lighthouse's CLI does: no cache, no service worker from the last run.
      const chrome = await chromeLauncher.launch({ chromePath: ctx.chromiumPath, chromeFlags: ctx.chromiumArgs, logLevel: 'silent' });
      try {
        const result = await lighthouse(`${app.url}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(LIGHTHOUSE_GOALS) });
        if (!result) throw new Error('Lighthouse returned no result.');
        runs.push(result.lhr);
      } finally {
        await chrome.kill();
      }
    }
  } finally {
    await app.server.close();
  }
  const score = (lhr, id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const byPerformance = [...runs].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const medianRun = byPerformance[Math.floor(byPerformance.length / 2)];
  const failing = [];
  for (const [id, category] of Object.entries(medianRun.categories)) {
    for (const ref of category.auditRefs) {
      const audit = medianRun.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9 || ['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode)) continue;
      failing.push([`  ${id}: ${ref.id}`, `${audit.title} — score ${audit.score.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''}${ref.weight ? ` (weight ${ref.weight})` : ''}`]);
    }
  }
  const metric = (id) => medianRun.audits[id]?.displayValue ?? '?';
  const medians = Object.fromEntries(Object.keys(LIGHTHOUSE_GOALS).map((id) => [id, median(runs.map((r) => score(r, id)))]));
  const met = Object.entries(LIGHTHOUSE_GOALS).every(([id, goal]) => medians[id] >= goal);
  return {
    rows: [
      ['method', `Lighthouse ${medianRun.lighthouseVersion} (Node API, default mobile config: simulated throttling, Moto G Power), ${LIGHTHOUSE_RUNS} runs against ${app.url}/, Chromium ${ctx.browser.version()} (${ctx.chromiumPath}) via chrome-launcher`],
      ...Object.keys(LIGHTHOUSE_GOALS).map((id) => [id, `median ${medians[id]} (runs: ${runs.map((r) => score(r, id)).join(', ')}; goal ≥ ${LIGHTHOUSE_GOALS[id]})`]),
      ['median run metrics', `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, Speed Index ${metric('speed-index')}`],
      ['failing audits (median run)', failing.length === 0 ? 'none' : `${failing.length} (score < 0.9)`],
      ...failing,
      ['script time (median run)', scriptTimes(medianRun)],
      ['long tasks (median run)', longTasks(medianRun)],
    ],
    summary: Object.keys(LIGHTHOUSE_GOALS).map((id) => `${id} ${medians[id]}`).join(', '),
    met,
  };
}

