import { expect, test } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole, expectNoAxeViolations, expectNoHorizontalScroll, setMyName } from './helpers';

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen passes axe in ${scheme} mode`, async ({ page }) => {
    // One axe pass per screen, on every screen the app has: well over the default minute.
    test.setTimeout(150_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/roles');
    await expect(page.getByRole('heading', { name: 'No roles yet' })).toBeVisible();
    await expectNoAxeViolations(page, 'roles (empty)');
    await page.getByRole('link', { name: 'Candidates', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Set up a role first' })).toBeVisible();
    await expectNoAxeViolations(page, 'candidates (no roles)');

    await page.goto('/roles/new');
    await page.getByRole('button', { name: 'Create role' }).click();
    await expect(page.getByText('Title is required.')).toBeVisible();
    await expectNoAxeViolations(page, 'role form with errors');

    await page.goto('/roles');
    await createRole(page);
    await expectNoAxeViolations(page, 'roles list');
    await page.getByRole('link', { name: `Edit ${SERVING_ROLE.title}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${SERVING_ROLE.title}` })).toBeVisible();
    await expectNoAxeViolations(page, 'role editor');
    await page.getByRole('link', { name: 'Roles', exact: true }).click();

    await addCandidateWithLoop(page, SERVING_ROLE.title, 'Ada Byron', ['Ana Lopez']);
    await expectNoAxeViolations(page, 'candidate page');
    await setMyName(page, 'Ana Lopez');
    await expectNoAxeViolations(page, 'candidate page with identity');
    await page.getByRole('link', { name: 'Start my interview' }).click();
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(page.getByText('Before you submit')).toBeVisible();
    await expectNoAxeViolations(page, 'scoring screen with errors');
    await page.getByRole('button', { name: 'Shortcuts' }).click();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoAxeViolations(page, 'shortcuts dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Candidates', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Ada Byron' })).toBeVisible();
    await expectNoAxeViolations(page, 'candidates list');
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await expect(page.getByText('Used')).toBeVisible();
    await expectNoAxeViolations(page, 'data');
    await page.getByRole('checkbox', { name: /Encrypt with a passphrase/ }).check();
    await page.getByRole('button', { name: 'Preview who is past it' }).click();
    await expect(page.getByRole('region', { name: 'Retention preview' })).toBeVisible();
    await expectNoAxeViolations(page, 'data with backup and retention open');
    await page.getByRole('link', { name: 'Debrief', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Debrief' })).toBeVisible();
    await expectNoAxeViolations(page, 'debrief list');
    await page.getByRole('button', { name: 'Explore with example data' }).click();
    await expect(page.getByRole('heading', { name: 'The panel' })).toBeVisible();
    await page.getByRole('button', { name: /Zhōu Min, Rollback/ }).click();
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByText('Before the decision is recorded:')).toBeVisible();
    await expectNoAxeViolations(page, 'debrief panel, evidence open, decision errors');
    await page.goto('/nowhere');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expectNoAxeViolations(page, 'not found');
  });
}

for (const [name, viewport] of [
  ['tablet portrait', { width: 768, height: 1024 }],
  ['tablet landscape', { width: 1024, height: 768 }],
] as const) {
  test(`on a ${name} screen nothing scrolls sideways and every control is at least 44 px`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, hasTouch: true });
    const page = await context.newPage();
    await page.goto('/');
    await createRole(page);
    await addCandidateWithLoop(page, SERVING_ROLE.title, 'Ada Byron', ['Ana Lopez']);
    await setMyName(page, 'Ana Lopez');
    const candidatePath = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Start my interview' }).click();
    await page.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(page.getByText('Before you submit')).toBeVisible();
    const scoringPath = new URL(page.url()).pathname;
    for (const path of [scoringPath, candidatePath, '/roles', '/roles/new', '/candidates', '/data']) {
      if (path !== scoringPath) await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(page);
      const small = await page.evaluate(() =>
        // Radios and checkboxes are measured by the label that wraps them, which is the target.
        [...document.querySelectorAll<HTMLElement>('a, button, select, textarea, summary, input:not([type=radio]):not([type=checkbox]), label.choice, label.level-option')]
          .filter((el) => el.offsetParent !== null && !el.classList.contains('skip-link') && !el.classList.contains('visually-hidden'))
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.height < 44 || box.width < 44)
          .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
      expect(small, `small touch targets on ${path}`).toEqual([]);
    }
    await context.close();
  });
}
