import { expect, test, type Page } from '@playwright/test';
import { addCandidateWithLoop, createRole, expectNoAxeViolations, expectNoHorizontalScroll, SERVING_ROLE } from './helpers';

const CANDIDATE = 'Linh Nguyễn';

async function saveDownload(page: Page, click: () => Promise<void>, path: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  await download.saveAs(path);
}

async function editNotes(page: Page, notes: string) {
  // On an interviewer's device (the loop came as a file) the candidate is edited under "Manage loop".
  const manage = page.getByRole('button', { name: 'Manage loop' });
  if (await manage.isVisible()) await manage.click();
  await page.getByRole('link', { name: 'Edit candidate' }).click();
  await page.getByLabel(/Screening notes/).fill(notes);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CANDIDATE })).toBeVisible();
}

test('a record changed on two devices is kept twice until the person chooses, and an older file never wins', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await manager.goto('/');
  await createRole(manager);
  await addCandidateWithLoop(manager, SERVING_ROLE.title, CANDIDATE, ['Karel Dvořák']);
  const candidateUrl = manager.url();
  const first = testInfo.outputPath('first.loopcard.json');
  await saveDownload(manager, () => manager.getByRole('button', { name: 'Share loop file' }).click(), first);

  const tabletContext = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
  const tablet = await tabletContext.newPage();
  await tablet.goto('/candidates');
  await tablet.locator('#loop-file').setInputFiles(first);
  await expect(tablet.getByText('Loop imported')).toBeVisible();
  await tablet.getByRole('link', { name: 'Open the candidate' }).click();

  // Both devices change the screening notes, apart.
  await manager.goto(candidateUrl);
  await editNotes(manager, 'Ran the KServe fleet on-call for two years.');
  const second = testInfo.outputPath('second.loopcard.json');
  await saveDownload(manager, () => manager.getByRole('button', { name: 'Share loop file' }).click(), second);
  await editNotes(tablet, 'Prefers a Friday slot.');

  // The older file changes nothing and says the newer copy stays.
  await tablet.goto('/candidates');
  await tablet.locator('#loop-file').setInputFiles(first);
  await expect(tablet.getByText('Kept this device’s newer version of the candidate Linh Nguyễn; the file’s is older.')).toBeVisible();

  // The diverged one asks for a choice.
  await tablet.locator('#loop-file').setInputFiles(second);
  await expect(tablet.getByText('Loop imported: a change needs your choice')).toBeVisible();
  await tablet.getByRole('link', { name: 'Data', exact: true }).click();
  const changes = tablet.getByRole('region', { name: 'Changes to review' }).or(tablet.locator('section', { has: tablet.getByRole('heading', { name: 'Changes to review' }) }));
  await expect(tablet.getByRole('heading', { level: 2, name: 'Changes to review' })).toBeVisible();
  const differences = tablet.getByRole('table', { name: `Differences: The candidate ${CANDIDATE}` });
  await expect(differences.getByRole('row', { name: /Screening notes/ })).toContainText('Prefers a Friday slot.');
  await expect(differences.getByRole('row', { name: /Screening notes/ })).toContainText('Ran the KServe fleet on-call for two years.');
  await expectNoHorizontalScroll(tablet);
  await expectNoAxeViolations(tablet, 'data: changes to review');
  await changes.first().screenshot({ path: testInfo.outputPath('changes-tablet.png') });
  const keep = tablet.getByRole('button', { name: 'Use the other version' });
  expect((await keep.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await keep.click();
  await expect(tablet.getByText(`The candidate ${CANDIDATE}: kept the version from second.loopcard.json.`)).toBeVisible();
  await expect(differences).toHaveCount(0);

  await tablet.goto('/candidates');
  await tablet.getByRole('link', { name: CANDIDATE }).first().click();
  await expect(tablet.getByText('Ran the KServe fleet on-call for two years.')).toBeVisible();
  // Chosen once, the same file is no longer a conflict.
  await tablet.goto('/candidates');
  await tablet.locator('#loop-file').setInputFiles(second);
  await expect(tablet.getByText(/Kept this device’s newer version of the candidate/)).toBeVisible();
  await managerContext.close();
  await tabletContext.close();
});
