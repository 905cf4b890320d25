import { expect, test, type Page } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole, expectNoAxeViolations, expectNoHorizontalScroll, loadForOffline } from './helpers';

const RESUME = [
  'Senior engineer, Acme Payments (2021–2025).',
  'Ran the on-call rotation for our Triton endpoints and cut p99 latency by 40%.',
  'Moved batch models to KServe; wrote the canary rollout that gates every model promotion.',
  'Earlier: Argonaut mission planning, and Jupyter notebooks for the odd analysis.',
].join('\n');

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}-768x1024.png`), fullPage: true });
}

/** Controls smaller than 44 px either way (radios and checkboxes measured by their wrapping label). */
async function smallTargets(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main a, main button, main select, main textarea, main input:not([type=radio]):not([type=checkbox]), main label.choice')]
      .filter((el) => el.offsetParent !== null && !el.classList.contains('visually-hidden'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
}

async function openScreen(page: Page, name: string) {
  const section = page.getByRole('region', { name: 'Screen', exact: true });
  await expect(section).toContainText('Not screened yet.');
  await section.getByRole('link', { name: 'Screen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Screen: ${name}` })).toBeVisible();
}

test('screens one candidate from a pasted résumé and one by hand, offline, and the candidates list shows their stages', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 768, height: 1024 });
  await loadForOffline(page);
  await context.setOffline(true);
  await page.reload();

  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Amira Haddad', []);
  await openScreen(page, 'Amira Haddad');

  // From pasted text: the keywords are found on the device, highlighted, and suggested.
  await page.getByLabel('Résumé or profile text').fill(RESUME);
  await page.getByRole('button', { name: 'Find keywords' }).click();
  const preview = page.getByRole('region', { name: 'The pasted text, keywords highlighted' });
  await expect(preview.locator('mark', { hasText: 'Triton' })).toBeVisible();
  await expect(preview.locator('mark', { hasText: /^Argo$/ })).toHaveCount(0);
  const production = page.getByRole('group', { name: /^Production signals/ });
  const onCall = production.getByRole('checkbox', { name: 'On-call for ML systems' });
  await expect(onCall).toBeChecked();
  await expect(onCall).toHaveAccessibleDescription('suggested from the text');
  await page.getByLabel('Source').fill('Referral');
  await page.getByRole('radio', { name: 'Hold' }).check();
  await page.getByLabel('Reason').fill('Strong serving work; waiting for the referral call.');
  await page.getByLabel('Screened by').fill('Dana Dvořák');
  await expectNoAxeViolations(page, 'the screen page with suggestions to confirm');
  await expectNoHorizontalScroll(page);
  expect(await smallTargets(page)).toEqual([]);
  await shoot(page, 'screen-suggestions');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'the screen page in dark mode');
  await page.emulateMedia({ colorScheme: 'light' });

  await production.getByRole('checkbox', { name: 'Model promotion' }).uncheck();
  await page.getByRole('button', { name: 'Confirm the suggested signals' }).click();
  await expect(onCall).not.toHaveAccessibleDescription('suggested from the text');
  await page.getByRole('button', { name: 'Save the screen' }).click();
  await expect(page.getByText('Screen saved. Screened: on hold — Strong serving work; waiting for the referral call.')).toBeVisible();
  await expectNoAxeViolations(page, 'the screen page once saved');
  await page.getByRole('link', { name: 'Back to Amira Haddad' }).click();
  await expect(page.getByRole('region', { name: 'Screen', exact: true })).toContainText('Screened: on hold — Strong serving work; waiting for the referral call.');
  await expect(page.getByRole('region', { name: 'Stage' })).toContainText('On hold at screen');
  await shoot(page, 'candidate-screened');

  // By hand: no paste, the screener ticks what the call showed.
  await page.getByRole('link', { name: 'Roles', exact: true }).click();
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Wei Chen', []);
  await openScreen(page, 'Wei Chen');
  // A paste over the limit is refused; one at the limit is scanned and shown in part, without freezing the page.
  const box = page.getByLabel('Résumé or profile text');
  await box.fill('lorem ipsum '.repeat(16_667).slice(0, 200_001));
  await page.getByRole('button', { name: 'Find keywords' }).click();
  await expect(page.getByRole('alert')).toContainText('This text is 200,001 characters; paste at most 200,000');
  await box.fill('lorem ipsum '.repeat(16_667).slice(0, 200_000));
  await page.getByRole('button', { name: 'Find keywords' }).click();
  await expect(page.getByText('No keywords found in this text.', { exact: false })).toBeVisible();
  await expect(page.getByText(/Showing the first [\d,]+ of 200,000 characters highlighted/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Source').fill('Agency');
  const wrongPool = page.getByRole('group', { name: /^Wrong-pool signals/ });
  await wrongPool.getByRole('checkbox', { name: 'Generic Terraform, no ML stack' }).check();
  await wrongPool.getByRole('checkbox', { name: 'Adjacent role title' }).check();
  await page.getByRole('radio', { name: 'Decline' }).check();
  await page.getByRole('button', { name: 'Save the screen' }).click();
  await expect(page.getByText('Say why in a few words, for whoever reads this screen later.')).toBeVisible();
  await expect(page.getByLabel('Reason')).toBeFocused();
  await page.getByLabel('Reason').fill('DevOps for web apps; no model in production.');
  await page.getByRole('button', { name: 'Save the screen' }).click();
  await expect(page.getByText('Screen saved. Screened: declined — DevOps for web apps; no model in production.')).toBeVisible();

  // The candidates list shows both stages.
  await page.getByRole('link', { name: 'Candidates', exact: true }).click();
  const list = page.getByRole('list', { name: 'Candidates' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Amira Haddad' })).toContainText('Stage: On hold at screen');
  await expect(list.getByRole('listitem').filter({ hasText: 'Wei Chen' })).toContainText('Stage: Declined at screen');

  // Coming back: the paste box is empty, the screen is as saved.
  await list.getByRole('listitem').filter({ hasText: 'Amira Haddad' }).getByRole('link').first().click();
  await page.getByRole('region', { name: 'Screen', exact: true }).getByRole('link', { name: 'Open the screen' }).click();
  await expect(page.getByLabel('Résumé or profile text')).toHaveValue('');
  await expect(page.getByRole('radio', { name: 'Hold' })).toBeChecked();
});
