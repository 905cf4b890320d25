import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';
import { PACKET_VERSION } from '../../src/domain/packet';

/** The frozen packet of a loop on three rubrics: Zofia on the incident review, Ben on system design, Linh on the rollback scenario. */
const PACKET_V5 = fileURLToPath(new URL('../fixtures/packet-v5.loopcard.json', import.meta.url));
const MATRICES = [
  'Production incident review · version 1 — scored by Zofia Łukasiewicz',
  'ML system design · version 1 — scored by Ben Okafor',
  'Rollback scenario · version 1 — scored by Linh Nguyễn',
];
const SCORED_ON = ['Scored on Production incident review, version 1', 'Scored on ML system design, version 1', 'Scored on Rollback scenario, version 1'];

async function saveDownload(page: Page, click: () => Promise<void>, path: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  await download.saveAs(path);
}

test('on a tablet, a loop scored on three rubrics reads as three matrices and three consensuses, and its packet names each rubric version', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/debrief');
  await page.locator('#gather-files').setInputFiles(PACKET_V5);
  await expect(page.getByRole('table', { name: 'Files gathered' })).toContainText('the debrief is reproduced here');
  await page.getByRole('link', { name: 'Open the debrief' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();

  for (const heading of MATRICES) await expect(page.getByRole('heading', { level: 3, name: heading })).toBeVisible();
  await expect(page.getByRole('table', { name: /^Levels by interviewer and dimension/ })).toHaveCount(3);
  const design = page.getByRole('table', { name: 'Levels by interviewer and dimension: ML system design · version 1' });
  await expect(design.getByRole('columnheader')).toHaveText(['Interviewer', 'Requirements and constraints', 'Architecture and data flow', 'Capacity and cost', 'Failure modes and observability', 'Rollout and rollback', 'Recommendation']);
  await page.screenshot({ path: testInfo.outputPath('debrief-three-rubrics-768.png'), fullPage: true });
  await expectNoHorizontalScroll(page);
  // Every matrix fits the tablet whole: no box of its own to scroll.
  for (const box of await page.locator('.matrix-wrap').all()) expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: 'Ben Okafor, Capacity and cost: 2, Partial. Show evidence' }).tap();
  await expect(page.getByRole('region', { name: 'Ben Okafor on Capacity and cost' })).toContainText('Ben Okafor on capacity');
  await expectNoAxeViolations(page, 'debrief on three rubrics');

  // On a phone-sized screen a matrix stacks, its dimensions as rows: it fits without a box of its own to scroll.
  await page.setViewportSize({ width: 400, height: 800 });
  await expect(design.getByRole('columnheader').first()).toHaveText('Dimension');
  await expect(design.getByRole('rowheader', { name: 'Failure modes and observability', exact: true })).toBeVisible();
  for (const box of await page.locator('.matrix-wrap').all()) expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByText(/The table is wider than the screen/)).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('debrief-three-rubrics-400.png'), fullPage: false });
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(design.getByRole('columnheader').first()).toHaveText('Interviewer');

  // The lead revises one rubric's consensus: a departure from that rubric's median needs its reason.
  const architecture = page.getByRole('group', { name: 'Architecture and data flow (ML system design · version 1)' });
  await architecture.getByRole('radio', { name: '1 · No evidence' }).check();
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toContainText('ML system design · version 1, Architecture and data flow: the consensus departs from the panel median, so say why.');
  await page.getByLabel(/^Rationale for Architecture and data flow/).fill('Ben heard a diagram, not a data flow.');
  // The frozen decision predates rationales: the form asks for one, and a hire over a consensus of 1 needs the longer why.
  await expect(page.getByRole('alert')).toContainText('This decision goes against the panel: say why in the rationale, in at least 80 characters.');
  await expect(page.getByRole('status').filter({ hasText: 'This decision goes against the panel' })).toContainText('Architecture and data flow’s consensus (ML system design · version 1) is 1 · No evidence.');
  await page.getByLabel('Rationale for the decision').fill('Hire: the incident and rollback interviews were strong; the system design gap is one diagram, and the first 90 days pair Priya with Ben on the platform design.');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  const jsonPath = testInfo.outputPath('packet.loopcard.json');
  await saveDownload(page, () => page.getByRole('button', { name: 'Download JSON' }).click(), jsonPath);
  const packet = JSON.parse(await readFile(jsonPath, 'utf8'));
  expect(packet.version).toBe(PACKET_VERSION);
  expect(packet.content.rubrics.map((r: { title: string; version: number }) => `${r.title}, version ${r.version}`)).toEqual(['Production incident review, version 1', 'ML system design, version 1', 'Rollback scenario, version 1']);
  expect(packet.content.aggregate.byRubric.map((g: { title: string; rubric: { version: number } }) => `${g.title}, version ${g.rubric.version}`)).toEqual(['Production incident review, version 1', 'ML system design, version 1', 'Rollback scenario, version 1']);
  expect(packet.content.debrief.consensus.find((c: { dimensionKey: string }) => c.dimensionKey === 'architecture')).toEqual({ dimensionKey: 'architecture', level: 1, rationale: 'Ben heard a diagram, not a data flow.', rubric: { id: 'ml-system-design', version: 1 } });

  const pdfPath = testInfo.outputPath('packet.pdf');
  await saveDownload(page, () => page.getByRole('button', { name: 'Download PDF' }).click(), pdfPath);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const line of SCORED_ON) expect(text).toContain(line);
  expect(text).toContain('Scored by Ben Okafor.');
  // The consensus's rationale, in its column on page one: it may wrap onto several lines.
  expect(text.replace(/\s+/g, ' ')).toMatch(/Ben heard a diagram, not a\b.*\bdata flow\./);
  expect(packet.content.debrief.decisionRationale).toMatch(/^Hire: the incident and rollback interviews were strong/);
  expect(text).toContain('Linh Nguyễn: No — no takeaway written');

  const csvPath = testInfo.outputPath('matrix.csv');
  await saveDownload(page, () => page.getByRole('button', { name: 'Download matrix (CSV)' }).click(), csvPath);
  const csv = await readFile(csvPath, 'utf8');
  for (const line of SCORED_ON) expect(csv).toContain(`"${line}"`);
  await context.close();
});
