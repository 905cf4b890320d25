import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole, loadForOffline, setMyName } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

test('a new version waits for the interviewer: the prompt appears, and typed text survives the reload', async ({ page }) => {
  test.setTimeout(180_000);
  const shell = ['index.html', 'sw.js'].map((name) => [name, readFileSync(join(dist, name))] as const);
  try {
    await loadForOffline(page);
    await createRole(page);
    await addCandidateWithLoop(page, SERVING_ROLE.title, 'Ada Byron', ['Ana Lopez']);
    await setMyName(page, 'Ana Lopez');
    await page.getByRole('link', { name: 'Start my interview' }).click();
    await page.getByLabel('Evidence for Trigger').fill('Typed before the update');
    const buildBefore = await page.locator('meta[name="loopcard-build"]').getAttribute('content');

    // Deploy build 2: the same code with a new build stamp, so a new app shell and service worker.
    const out = mkdtempSync(join(tmpdir(), 'loopcard-build2-'));
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--outDir', out, '--emptyOutDir'], { cwd: root, env: { ...process.env, LOOPCARD_BUILD_ID: 'update-test-2' }, stdio: 'ignore' });
    cpSync(out, dist, { recursive: true });
    rmSync(out, { recursive: true, force: true });
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });

    await expect(page.getByText('A new version of Loopcard is ready.')).toBeVisible({ timeout: 30_000 });
    // The interviewer keeps typing; nothing reloads on its own.
    await page.getByLabel('Evidence for Trigger').fill('Typed before the update, and while it waited');
    await page.waitForTimeout(1_500);
    await expect(page.getByLabel('Evidence for Trigger')).toHaveValue('Typed before the update, and while it waited');
    await page.getByLabel('Evidence for Trigger').fill('Typed before the update, and while it waited, up to the click');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);

    await expect(page.getByLabel('Evidence for Trigger')).toHaveValue('Typed before the update, and while it waited, up to the click');
    await expect(page.locator('meta[name="loopcard-build"]')).toHaveAttribute('content', 'update-test-2');
    expect(buildBefore).not.toBe('update-test-2');
  } finally {
    for (const [name, bytes] of shell) writeFileSync(join(dist, name), bytes);
  }
});
