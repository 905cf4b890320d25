import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { JOURNAL_ORPHANED_AFTER_MS } from '../../src/lib/draft-journal';
import { SERVING_ROLE, addCandidateWithLoop, createRole, loadForOffline, setMyName } from './helpers';

// The bar: a tab killed mid-sentence loses at most one second of typing. At 5 characters a second
// that is 5 characters. The renderer is killed with SIGKILL, as an operating system does when memory
// runs out: no pagehide, no visibilitychange, no unload, nothing the page can run on its way out.
const TYPING_DELAY_MS = 200;
const MAX_LOST_CHARS = 5;
const KILL_AFTER_MS = 6_000;
const SENTENCE =
  'Paged by the p99 alert at 02:10, checked the canary, saw the feature store client upgrade, rolled back within six minutes.';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

type ProcessInfo = { type: string; id: number };

/** CPU seconds a process has used, from Linux's /proc (the CPU times CDP reports lag by a second or so). */
function cpuSeconds(pid: number): number {
  // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * The pid of the renderer that runs `page`. CDP's SystemInfo.getProcessInfo lists every renderer
 * (the page's, a spare one Chromium keeps warm for the next navigation, its own WebUI) without
 * saying which page each hosts, so the page burns half a second of CPU and the renderer whose CPU
 * time (read from /proc) grew, while the others stayed idle, is the one; the crash event then
 * confirms it. Done before typing starts, because the
 * burn blocks the page; the page stays in that process until it navigates.
 */
async function rendererPidOf(browser: Browser, page: Page): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: ProcessInfo[] };
  await cdp.detach();
  const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  const before = new Map(renderers.map((pid) => [pid, cpuSeconds(pid)]));
  await page.evaluate(() => {
    const until = performance.now() + 500;
    while (performance.now() < until) {
      // Busy on purpose: the CPU time is what identifies the process.
    }
  });
  const grown = renderers.map((pid) => ({ pid, grew: cpuSeconds(pid) - (before.get(pid) ?? 0) })).sort((a, b) => b.grew - a.grew);
  const [busiest, runnerUp] = grown;
  // On a loaded machine the burn gets well under half a second of CPU, so the test is relative.
  expect(busiest?.grew ?? 0, `one renderer did the work (${JSON.stringify(grown)})`).toBeGreaterThanOrEqual(0.1);
  expect(runnerUp?.grew ?? 0, `no other renderer was nearly as busy (${JSON.stringify(grown)})`).toBeLessThan((busiest?.grew ?? 0) / 3);
  return busiest?.pid ?? -1;
}

test('a tab killed mid-sentence loses at most one second of typing', async ({ browser, page, context }) => {
  await loadForOffline(page);
  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Zofia Łukasiewicz', ['Ana Lopez']);
  await setMyName(page, 'Ana Lopez');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scoring Zofia Łukasiewicz' })).toBeVisible();
  const url = page.url();
  const pid = await rendererPidOf(browser, page);

  const evidence = page.getByLabel('Evidence for Trigger');
  await evidence.click();
  let crashed = false;
  page.on('crash', () => (crashed = true));
  // Still typing when the tab dies: the promise fails with the page, which is the point.
  const typing = page.keyboard.type(SENTENCE, { delay: TYPING_DELAY_MS }).catch(() => undefined);
  await page.waitForTimeout(KILL_AFTER_MS);
  const typed = await evidence.inputValue();
  process.kill(pid, 'SIGKILL');
  const killedAt = Date.now();
  await typing;
  await expect.poll(() => crashed, { message: 'the killed process was this page’s renderer' }).toBe(true);
  // About 30 at 5 a second; fewer on a loaded machine, where each keystroke takes longer.
  expect(typed.length, 'typing was under way when the tab died').toBeGreaterThan(10);
  expect(SENTENCE.startsWith(typed)).toBe(true);

  const reopened = await context.newPage();
  await reopened.goto(url);
  const restored = reopened.getByLabel('Evidence for Trigger');
  await expect(restored).toBeVisible();
  // At first the new tab shows the database's copy, unless it opened late enough to know at once
  // that the dead tab's journal entry is orphaned (its owner beat < 2 s ago, as a live tab's would).
  const firstShown = await restored.inputValue();
  // Past that window the new tab has taken the journal over and saved it.
  await reopened.waitForTimeout(Math.max(0, killedAt + JOURNAL_ORPHANED_AFTER_MS + 800 - Date.now()));
  await expect(reopened.getByText(/^Saved \d/)).toBeVisible();
  const kept = await restored.inputValue();
  const lost = Math.max(0, typed.length - kept.length);
  test.info().annotations.push({
    type: 'tab-kill',
    description: `typed ${typed.length} chars before the kill; the new tab first showed all but ${Math.max(0, typed.length - firstShown.length)}; with the journal lost ${lost} (${(lost * TYPING_DELAY_MS) / 1000} s of typing)`,
  });
  expect(SENTENCE.startsWith(kept), `restored text is what was typed: "${kept}"`).toBe(true);
  expect(lost).toBeLessThanOrEqual(MAX_LOST_CHARS);

  // What was restored reached the database: a reload (nothing left in the journal) shows it too.
  await reopened.reload();
  await expect(reopened.getByLabel('Evidence for Trigger')).toHaveValue(kept);
});
