import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { PlainBackup } from '../../src/domain/backup-format';
import type { Scorecard } from '../../src/domain/scorecard';
import { forgeFile } from '../helpers/forge';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

/** The frozen plain backup: one role, one candidate scored by Zofia, Ben and Linh. */
const BACKUP_V4 = fileURLToPath(new URL('../fixtures/backup-v4.loopcard.json', import.meta.url));

/**
 * The frozen backup with three more candidates of its role, each scored by the same three: Zofia and
 * Ben give one level everywhere, Linh one more on four of the five dimensions. The records are added
 * to the backup's tables, then every hash and revision is sealed as Loopcard seals them, so the
 * restore takes it as a real backup.
 */
async function backupWithFourLoops(path: string): Promise<void> {
  const file = JSON.parse(await readFile(BACKUP_V4, 'utf8')) as PlainBackup;
  const { candidates, interviews, scorecards, scorecardRevisions } = file.content.tables;
  const [candidate] = candidates;
  if (!candidate) throw new Error('The fixture has no candidate.');
  const names = ['Chidi Okeke', 'Mara Lindqvist', 'Tomás Herrera'];
  for (const [n, level] of ([1, 2, 3] as const).entries()) {
    const candidateId = `fx-candidate-${n + 2}`;
    candidates.push({ ...candidate, id: candidateId, name: names[n] ?? '', revHistory: [] });
    for (const card of scorecards.filter((s) => s.candidateId === candidate.id)) {
      const interview = interviews.find((i) => i.id === card.interviewId);
      if (!interview) throw new Error('The fixture has a scorecard without its interview.');
      const interviewId = `${interview.id}-${candidateId}`;
      interviews.push({ ...interview, id: interviewId, candidateId, revHistory: [] });
      const lenient = card.interviewerName === 'Linh Nguyễn';
      const ratings = card.ratings.map((r, i) => {
        const given = (lenient && i < 4 ? level + 1 : level) as 1 | 2 | 3 | 4;
        return { ...r, level: given, evidence: `${card.interviewerName} on ${r.dimensionKey}: level ${given}.` };
      });
      const submitted: Scorecard = { ...card, id: `${card.id}-${candidateId}`, interviewId, candidateId, ratings, revision: 1, amendReason: '', editVersion: 1 };
      scorecardRevisions.push(submitted);
      scorecards.push(structuredClone(submitted));
    }
  }
  await writeFile(path, await forgeFile('backup', JSON.stringify(file), () => undefined, 'all', ''));
}

test('on a tablet, Insights shows alpha per dimension and the lenient interviewer of a role with four loops, and says what the figures cannot say', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  const page = await context.newPage();

  // Nothing submitted yet: the screen says what will appear and when.
  await page.goto('/roles');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'No submitted scorecards yet' })).toBeVisible();
  await expectNoAxeViolations(page, 'Insights with nothing submitted');

  const backup = testInfo.outputPath('four-loops.loopcard.json');
  await backupWithFourLoops(backup);
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.locator('#restore-file').setInputFiles(backup);
  await expect(page.getByRole('region', { name: 'What the restore will do' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText('The backup was restored.')).toBeVisible();

  await page.getByRole('link', { name: 'Insights', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Role' })).toHaveValue('fx-role-1');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('12 submitted scorecards for Senior MLOps Engineer, Serving, on 1 rubric.');
  const agreement = page.getByRole('table', { name: 'Agreement by dimension: Production incident review · version 1' });
  await expect(agreement.getByRole('row')).toHaveCount(6);
  // Every dimension has four loops of three: a figure with its reading, never NaN.
  for (const row of await agreement.getByRole('row').all()) {
    if ((await row.getByRole('cell').count()) === 0) continue;
    await expect(row.getByRole('cell').first()).toHaveText(/^-?\d\.\d\d (reliable|tentative|not reliable enough to compare candidates)$/);
    await expect(row.getByRole('cell').nth(1)).toHaveText('4');
    await expect(row.getByRole('cell').nth(2)).toHaveText('12');
  }
  const calibration = page.getByRole('table', { name: 'Calibration by interviewer: Production incident review · version 1' });
  await expect(calibration.getByRole('row', { name: /^Linh Nguyễn/ }).getByRole('cell')).toHaveText(['20', '+0.63', 'lenient', /more lenient/]);
  await expect(calibration.getByRole('row', { name: /^Ben Okafor/ }).getByRole('cell').nth(2)).toHaveText('in line');
  await expect(page.getByRole('heading', { level: 2, name: 'What the numbers can and cannot say' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('NaN');

  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, 'Insights with four loops');
  // The main navigation keeps to one row on a tablet.
  const navItems = page.getByRole('navigation', { name: 'Main' }).getByRole('listitem');
  const tops = await navItems.evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.isVisible()) await dismiss.click();
  await page.screenshot({ path: testInfo.outputPath('insights-768.png'), fullPage: true });
  await context.close();
});
