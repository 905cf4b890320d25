import { expect, test } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, expectNoAxeViolations, expectNoHorizontalScroll, loadForOffline, setMyName } from './helpers';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

const CANDIDATE = 'Zofia Łukasiewicz';
const OWN_WORDS = ' Start with the ranking endpoint.';

test('a hiring manager sets the stack and the 90-day mission offline, and the interviewer opens them in the interview', async ({ page, context }, testInfo) => {
  await loadForOffline(page);
  await context.setOffline(true);

  await page.getByRole('link', { name: /set up your first role|new role/i }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New role' })).toBeVisible();
  await page.getByLabel('Job title').fill(SERVING_ROLE.title);
  await page.getByRole('radio', { name: SERVING_ROLE.lane }).check();
  const mission = page.getByLabel('First-90-day mission');
  // The lane's starting text, which the manager then makes their own.
  await expect(mission).toHaveValue(/^In the first 90 days: join the on-call rotation for model endpoints/);
  await mission.press('End');
  await mission.pressSequentially(OWN_WORDS);
  await page.getByLabel('Mandate').fill(SERVING_ROLE.mandate);
  await page.getByRole('radio', { name: SERVING_ROLE.level }).check();
  await page.getByLabel('Minimum').fill(SERVING_ROLE.min);
  await page.getByLabel('Maximum').fill(SERVING_ROLE.max);

  const stack = page.getByRole('group', { name: 'Team stack' });
  for (const tool of ['AWS', 'Kubernetes', 'KServe']) await stack.getByRole('checkbox', { name: tool }).check();
  const other = page.getByLabel('Another tool');
  await other.fill('Prométhée');
  await other.press('Enter');
  await other.fill('kserve');
  await page.getByRole('button', { name: 'Add tool' }).click();
  await expect(page.getByText('“KServe” is already in the stack.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'The team’s other tools' })).toContainText('Prométhée');
  const tap = await stack.getByText('KServe', { exact: true }).boundingBox();
  expect(tap?.height).toBeGreaterThanOrEqual(44);
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, 'role form with a stack and a mission');
  await stack.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('role-form-stack.png') });

  await page.getByRole('button', { name: 'Create role' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
  await expect(page.getByText('Stack: AWS · Kubernetes · KServe +1 · 90-day mission set')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('roles-list-stack.png') });

  await addCandidateWithLoop(page, SERVING_ROLE.title, CANDIDATE, ['Ana Lopez']);
  await setMyName(page, 'Ana Lopez');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Scoring ${CANDIDATE}` })).toBeVisible();

  // Closed by default: one line, and the notes pad is still on the first screen of the tablet.
  const summary = page.getByText('Role brief: stack and 90-day mission');
  await expect(summary).toBeVisible();
  await expect(page.getByText(OWN_WORDS.trim(), { exact: false })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('interview-brief-closed.png') });
  await summary.click();
  await expect(page.getByText('AWS · Kubernetes · KServe · Prométhée')).toBeVisible();
  await expect(page.getByText(OWN_WORDS.trim(), { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'scoring screen with the role brief open');
  await page.screenshot({ path: testInfo.outputPath('interview-brief-open.png') });
});
