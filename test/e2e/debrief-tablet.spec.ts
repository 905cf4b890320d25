import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { canonicalJson } from '../../src/domain/canonical-json';
import { sha256OfCanonical } from '../../src/domain/hash';
import { hashedContent } from '../../src/domain/scorecard-rules';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

/** The frozen packet of three interviewers on the incident review; Zofia amended Rollback (2 → 3) in revision 2. */
const PACKET_V4 = fileURLToPath(new URL('../fixtures/packet-v4.loopcard.json', import.meta.url));
/** The frozen packet of a loop on three rubrics, whose ML system design has the longest dimension titles. */
const PACKET_V5 = fileURLToPath(new URL('../fixtures/packet-v5.loopcard.json', import.meta.url));
const PANEL = ['Zofia Łukasiewicz', 'Ben Okafor', 'Linh Nguyễn'];
const LONG_NAME = 'Zofia Łukasiewicz-Brzęczyszczykiewicz';

async function tablet(browser: Browser, width = 768, height = 1024) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: true });
  return { context, page: await context.newPage() };
}

async function gatherAndOpen(page: Page, file: string) {
  await page.goto('/debrief');
  await page.locator('#gather-files').setInputFiles(file);
  await expect(page.getByRole('table', { name: 'Files gathered' })).toContainText('the debrief is reproduced here');
  await page.getByRole('link', { name: 'Open the debrief' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  // The offline notice is not part of the debrief: out of the way of the measurements.
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.isVisible()) await dismiss.click();
}

/**
 * The v5 packet with its first interviewer renamed, re-sealed as the app seals it (each revision's
 * content hash, each interview's revision, the packet's checksum), so it imports like a real file.
 */
async function withLongName(out: string): Promise<string> {
  const packet = JSON.parse((await readFile(PACKET_V5, 'utf8')).split('Zofia Łukasiewicz').join(LONG_NAME));
  for (const card of packet.content.scorecards) for (const revision of card.revisions) revision.contentHash = sha256OfCanonical(hashedContent(revision));
  for (const interview of packet.content.interviews) {
    const { rev, revHistory, ...content } = interview;
    interview.rev = `${String(rev).split('-')[0]}-${sha256OfCanonical({ content, revHistory }).slice(0, 32)}`;
  }
  packet.sha256 = createHash('sha256').update(canonicalJson(packet.content)).digest('hex');
  await writeFile(out, JSON.stringify(packet));
  return out;
}

/** Nothing of the panel (matrices, side-by-side view, amendments, takeaways) reaches past the screen's right edge. */
async function expectPanelFits(page: Page) {
  const overflowing = await page.locator('section[aria-labelledby="panel-heading"]').evaluate((panel) =>
    [panel, ...panel.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((el) => el.tagName),
  );
  expect(overflowing).toEqual([]);
}

async function expectMatricesFit(page: Page) {
  await expectNoHorizontalScroll(page);
  for (const box of await page.locator('.matrix-wrap').all()) expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
}

test('on a 768×1024 tablet, one tap on Rollback shows all three interviewers’ evidence side by side, with no scrolling', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const { context, page } = await tablet(browser);
  await gatherAndOpen(page, PACKET_V4);
  await expectMatricesFit(page);
  await page.screenshot({ path: testInfo.outputPath('debrief-768-matrix.png') });

  // The lead's task: compare the three interviewers on Rollback. Count the taps and the pixels the lead scrolls.
  const matrix = page.getByRole('table', { name: 'Levels by interviewer and dimension' });
  await expect(matrix.getByRole('button', { name: 'Rollback', exact: true })).toBeInViewport();
  const before = await page.evaluate(() => window.scrollY);
  await matrix.getByRole('button', { name: 'Rollback', exact: true }).tap();
  const taps = 1;
  const view = page.getByRole('region', { name: 'Rollback: the panel side by side' });
  await expect(view.getByRole('heading', { level: 4 })).toBeFocused();
  for (const name of PANEL) {
    const column = view.getByRole('region', { name: `${name} on Rollback` });
    await expect(column.locator('.evidence')).toBeInViewport({ ratio: 1 });
    await expect(column.getByText(/^\d · /)).toBeInViewport({ ratio: 1 });
  }
  await expect(view.getByRole('region', { name: 'Zofia Łukasiewicz on Rollback' })).toContainText('Registry pin + canary; rolled back in 4 minutes (re-read).');
  await expect(view.getByRole('region', { name: 'Ben Okafor on Rollback' })).toContainText('3 · Solid');
  await expect(view.getByRole('region', { name: 'Linh Nguyễn on Rollback' })).toContainText('4 · Exceptional');
  // Three columns side by side: the cards share one row.
  const tops = await view.locator('.side-by-side-card').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  const moved = Math.abs((await page.evaluate(() => window.scrollY)) - before);
  testInfo.annotations.push({ type: 'measure', description: `Compare three interviewers on Rollback at 768×1024: ${taps} tap, 0 px scrolled by the lead (the page moved itself ${moved} px)` });
  console.log(testInfo.annotations.at(-1)?.description);
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath('debrief-768-side-by-side.png') });
  await expectNoAxeViolations(page, 'debrief with the side-by-side view open');

  // The amendment says what it changed, on the card and under the matrix, with its reason.
  await expect(view.getByRole('region', { name: 'Zofia Łukasiewicz on Rollback' })).toContainText('Amended in revision 2: level 2 · Partial → 3 · Solid; evidence changed');
  await view.getByRole('button', { name: 'Back to the matrix' }).tap();
  await expect(matrix.getByRole('button', { name: 'Rollback', exact: true })).toBeFocused();
  const amendments = page.getByRole('region', { name: 'What the amendments changed' });
  await expect(amendments).toContainText('Zofia Łukasiewicz, revision 1 → 2');
  await expect(amendments).toContainText('Reason: “Rollback was level 3 on a second read of my notes.”');
  await expect(amendments).toContainText('Rollback: level 2 · Partial → 3 · Solid');
  await amendments.getByText(/Rollback: evidence changed/).tap();
  await expect(amendments.getByRole('list', { name: 'Lines changed' })).toContainText('Added: Registry pin + canary; rolled back in 4 minutes (re-read).');

  // Every interviewer's takeaways, on screen.
  const takeaways = page.getByRole('region', { name: 'Key takeaways' });
  for (const name of PANEL) await expect(takeaways).toContainText(`${name}: operator, strong on rollback.`);
  await amendments.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('debrief-768-amendments.png') });
  await expectNoAxeViolations(page, 'debrief with an amendment opened');

  // By keyboard: the dimension's button opens the view, Escape goes back.
  await matrix.getByRole('button', { name: 'Prevention', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 4, name: 'Prevention: the panel side by side' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(matrix.getByRole('button', { name: 'Prevention', exact: true })).toBeFocused();

  // Landscape: the same in one tap.
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await matrix.getByRole('button', { name: 'Rollback', exact: true }).tap();
  for (const name of PANEL) await expect(page.getByRole('region', { name: `${name} on Rollback` }).locator('.evidence')).toBeInViewport({ ratio: 1 });
  await expectMatricesFit(page);
  await page.screenshot({ path: testInfo.outputPath('debrief-1024-side-by-side.png') });
  await context.close();
});

test('long names and long dimension titles fit a portrait and a landscape tablet, never clipped', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const file = await withLongName(testInfo.outputPath('long-name.loopcard.json'));
  for (const [width, height] of [
    [768, 1024],
    [1024, 768],
  ] as const) {
    const { context, page } = await tablet(browser, width, height);
    await gatherAndOpen(page, file);
    await expect(page.getByRole('heading', { level: 3, name: `Production incident review · version 1 — scored by ${LONG_NAME}` })).toBeVisible();
    await expectMatricesFit(page);
    // Whole words, nothing cut: the name and the longest title are on screen in full.
    await expect(page.getByRole('rowheader', { name: LONG_NAME })).toBeVisible();
    const design = page.getByRole('table', { name: 'Levels by interviewer and dimension: ML system design · version 1' });
    const failure = design.getByRole('button', { name: 'Failure modes and observability', exact: true });
    expect(await failure.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await page.screenshot({ path: testInfo.outputPath(`debrief-long-names-${width}.png`) });
    await failure.tap();
    await expect(page.getByRole('region', { name: 'Ben Okafor on Failure modes and observability' }).locator('.evidence')).toBeInViewport({ ratio: 1 });
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, `long names at ${width}`);
    await context.close();
  }
});

test('on a phone a matrix stacks its dimensions as rows, and the side-by-side view stacks its cards', async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  const { context, page } = await tablet(browser, 400, 800);
  await gatherAndOpen(page, PACKET_V4);
  const matrix = page.getByRole('table', { name: 'Levels by interviewer and dimension' });
  await expect(matrix.getByRole('columnheader').first()).toHaveText('Dimension');
  await expect(matrix.getByRole('rowheader', { name: 'Rollback', exact: true })).toBeVisible();
  await expectPanelFits(page);
  await matrix.getByRole('button', { name: 'Rollback', exact: true }).tap();
  const cards = page.getByRole('region', { name: 'Rollback: the panel side by side' }).locator('.side-by-side-card');
  const lefts = await cards.evaluateAll((all) => all.map((c) => Math.round(c.getBoundingClientRect().left)));
  expect(new Set(lefts).size).toBe(1);
  await expectPanelFits(page);
  await page.screenshot({ path: testInfo.outputPath('debrief-400-side-by-side.png') });
  await expectNoAxeViolations(page, 'debrief on a phone');
  // Narrower still, three interviewers do not fit even stacked: the matrix scrolls in its own box, which says so and takes focus.
  await page.setViewportSize({ width: 320, height: 640 });
  const scrolling = page.getByRole('region', { name: 'Levels by interviewer and dimension' });
  await expect(scrolling).toHaveAttribute('tabindex', '0');
  await expect(scrolling).toHaveAccessibleDescription(/scroll it sideways/);
  expect(await scrolling.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(320);
  await scrolling.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => scrolling.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // Back to tablet width: the wide matrix again.
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(matrix.getByRole('columnheader').first()).toHaveText('Interviewer');
  await context.close();
});

