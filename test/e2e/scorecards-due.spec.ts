import { expect, test } from '@playwright/test';
import { SERVING_ROLE, createRole, expectNoAxeViolations, expectNoHorizontalScroll, loadForOffline } from './helpers';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

test('the lead sees every scorecard still due across loops, overdue ones marked, and takes the loop file to send again, offline', async ({ page, context }, testInfo) => {
  await page.clock.install({ time: new Date('2026-11-30T12:00:00') });
  await loadForOffline(page);
  await createRole(page);
  await context.setOffline(true);

  // Two interviews whose time has passed (one by two days), one still to come.
  await page.getByRole('link', { name: `Add a candidate to ${SERVING_ROLE.title}` }).click();
  await page.getByLabel('Candidate name').fill('Priya Raman');
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Raman' })).toBeVisible();
  for (const [name, at] of [
    ['Ana Lopez', '2026-11-28T10:00'],
    ['Ben Okafor', '2026-11-30T10:30'],
    ['Linh Nguyễn', '2026-12-02T10:00'],
  ] as const) {
    await page.getByLabel('Interviewer name').fill(name);
    await page.getByLabel('Planned time (optional)').fill(at);
    await page.getByRole('button', { name: 'Add to loop' }).click();
    await expect(page.getByRole('list', { name: 'Interviews in the loop' }).getByText(name, { exact: true })).toBeVisible();
  }

  await page.getByRole('link', { name: 'Debrief', exact: true }).click();
  await page.getByRole('link', { name: '2 scorecards due, 1 overdue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Scorecards due' })).toBeVisible();
  const ana = page.getByRole('list', { name: 'Due from Ana Lopez' });
  await expect(ana).toContainText('Priya Raman');
  await expect(ana).toContainText('overdue, due for 2 days');
  await expect(page.getByRole('list', { name: 'Due from Ben Okafor' })).toContainText('due for 1 hour');
  await expect(page.getByRole('list', { name: 'Due from Linh Nguyễn' })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await ana.getByRole('button', { name: 'Loop file for Priya Raman' }).click();
  expect((await download).suggestedFilename()).toMatch(/^priya-raman-loop-2026-11-30\.loopcard\.json$/);
  await expect(page.getByText(/^Saved priya-raman-loop/)).toBeVisible();

  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, 'scorecards due');
  await page.screenshot({ path: testInfo.outputPath('scorecards-due.png'), fullPage: true });
});
