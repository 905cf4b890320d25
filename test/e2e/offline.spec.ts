import { statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole } from './helpers';

test('after one visit, every screen opens and saves with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'No roles yet' })).toBeVisible();
  // The service worker controls the page from its second load.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No roles yet' })).toBeVisible();

  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Nguyễn Thị Zhōu', ['Ana Lopez', 'Ben Okafor']);
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data on this device' })).toBeVisible();
  await expect(page.getByText('Planned interviews').locator('..')).toContainText('2');

  // A deep link typed while offline falls back to the app shell.
  await page.goto('/candidates');
  await expect(page.getByRole('link', { name: 'Nguyễn Thị Zhōu' })).toBeVisible();
  await page.goto('/roles/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New role' })).toBeVisible();

  // The debrief and its PDF, still offline: the PDF code and its fonts come from the cache.
  await page.goto('/debrief');
  await page.getByRole('button', { name: 'Explore with example data' }).click();
  for (const d of ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention']) await page.getByRole('group', { name: new RegExp(`^${d}`) }).getByRole('radio', { name: d === 'Rollback' ? '2 · Partial' : '3 · Solid' }).check();
  await page.getByRole('radio', { name: 'More signal needed' }).check();
  await page.getByLabel('Rationale for the decision').fill('The rollback stories disagree; one more incident review settles it.');
  await page.getByLabel('Decision-maker').fill('Dana');
  await page.getByLabel('Next step').fill('A second incident review');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Decision recorded: More signal needed')).toBeVisible();
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  expect(statSync(await pdf.path()).size).toBeGreaterThan(10_000);
});

test('Chromium sees an installable app: a manifest with icons, a service worker, and a file handler', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  // Playwright's contexts are incognito-like, which Chromium reports; nothing else may be wrong.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
  const manifest = (await (await page.request.get('/manifest.webmanifest')).json()) as Record<string, unknown>;
  expect(manifest).toMatchObject({ display: 'standalone', short_name: 'Loopcard' });
  expect(JSON.stringify(manifest.icons)).toContain('maskable');
  expect(JSON.stringify(manifest.file_handlers)).toContain('.json');
});
