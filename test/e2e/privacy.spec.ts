import { expect, test } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole, rate, setMyName } from './helpers';

test('during a whole interview and debrief, every request goes to the app’s own origin and the security policy is never broken', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('worker', (worker) => requests.push(`worker:${worker.url()}`));
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });

  await page.goto('/');
  // The page's one inline script (the roles list's read at start) runs under the policy, by its hash.
  expect(await page.evaluate(() => typeof (window as unknown as { __loopcardFirstRead?: object }).__loopcardFirstRead)).toBe('object');
  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Ada Byron', ['Ana Lopez']);
  await setMyName(page, 'Ana Lopez');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  for (const d of ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention']) await rate(page, d, /3 · Solid/, `Evidence on ${d}`);
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export scorecard' }).click()]);

  await page.getByRole('link', { name: 'Debrief', exact: true }).click();
  await page.getByRole('link', { name: 'Ada Byron' }).click();
  for (const d of ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention']) await page.getByRole('group', { name: new RegExp(`^${d}`) }).getByRole('radio', { name: '3 · Solid' }).check();
  await page.getByRole('radio', { name: 'Hire', exact: true }).check();
  await page.getByLabel('Rationale for the decision').fill('Solid on every dimension.');
  await page.getByLabel('Decision-maker').fill('Dana');
  await page.getByLabel('Next step').fill('Offer');
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByText('Decision recorded: Hire')).toBeVisible();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const origin = new URL(baseURL ?? '').origin;
  const elsewhere = requests.filter((url) => {
    const bare = url.replace(/^worker:/, '');
    return !(bare.startsWith(`${origin}/`) || bare.startsWith('blob:') || bare.startsWith('data:'));
  });
  expect(requests.length).toBeGreaterThan(10);
  expect(elsewhere).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
});
