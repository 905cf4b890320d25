import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll, loadForOffline } from './helpers';

/** The frozen rubric file: the team's version 2 of the incident review, as Loopcard wrote it. */
const FIXTURE = fileURLToPath(new URL('../fixtures/rubric-v1.loopcard-rubric.json', import.meta.url));

test('a rubric file is imported under Data on a fresh device with the network off; again, it is already here; a tampered copy is refused', async ({ browser }, testInfo) => {
  // A tablet in portrait, the size the Data page is checked at.
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  await loadForOffline(page);
  await context.setOffline(true);

  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data on this device' })).toBeVisible();
  const rubricVersions = page.locator('.stats div').filter({ hasText: 'Rubric versions' }).getByRole('definition');
  await expect(rubricVersions).toHaveText('3');

  const section = page.getByRole('region', { name: 'Rubric files' });
  await expect(section.getByRole('button', { name: 'Import a rubric file…' })).toBeVisible();
  await section.getByLabel('Rubric file').setInputFiles(FIXTURE);
  const outcome = section.getByRole('status');
  await expect(outcome).toContainText('Rubric imported');
  await expect(outcome).toContainText('Rubric “Team incident review”, version 2, added.');
  await expect(rubricVersions).toHaveText('4');
  await expectNoAxeViolations(page, 'the Data page after a rubric file was imported');
  await expectNoHorizontalScroll(page);
  await section.screenshot({ path: testInfo.outputPath('rubric-imported.png') });

  await section.getByLabel('Rubric file').setInputFiles(FIXTURE);
  await expect(outcome).toContainText('Rubric already here');
  await expect(outcome).toContainText('Rubric “Team incident review”, version 2, is already on this device.');
  await expect(rubricVersions).toHaveText('4');

  // The title changed by hand, the checksum left as exported.
  const tampered = testInfo.outputPath('team-incident-review-v2-edited.loopcard-rubric.json');
  const text = await readFile(FIXTURE, 'utf8');
  await writeFile(tampered, text.replace('"title": "Team incident review"', '"title": "Team incident review (ours)"'));
  await section.getByLabel('Rubric file').setInputFiles(tampered);
  const refusal = section.getByRole('alert');
  await expect(refusal).toContainText('team-incident-review-v2-edited.loopcard-rubric.json was not imported');
  await expect(refusal).toContainText('The rubric file’s checksum does not match its contents: it was changed after it was exported, or damaged on the way. Ask for a fresh export.');
  await expect(rubricVersions).toHaveText('4');
  await expectNoAxeViolations(page, 'the Data page after a rubric file was refused');
  await section.screenshot({ path: testInfo.outputPath('rubric-refused.png') });

  await context.close();
});
