import { readFile } from 'node:fs/promises';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { SERVING_ROLE, addCandidateWithLoop, createRole, rate, setMyName } from './helpers';

async function dumpDatabase(page: Page) {
  return page.evaluate(async () => {
    const open = indexedDB.open('loopcard');
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = [...db.objectStoreNames].sort();
    const out: Record<string, unknown[]> = {};
    for (const name of names) {
      out[name] = await new Promise((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    }
    db.close();
    // Device-only settings (who is using the device, when it was last backed up) are not content.
    out.settings = (out.settings as { key: string }[]).filter((s) => s.key !== 'lastBackupAt' && s.key !== 'interviewerName');
    return out;
  });
}

async function scoredDevice(page: Page) {
  await page.goto('/');
  await createRole(page);
  await addCandidateWithLoop(page, SERVING_ROLE.title, 'Ada Byron', ['Ana Lopez']);
  await setMyName(page, 'Ana Lopez');
  await page.getByRole('link', { name: 'Start my interview' }).click();
  for (const d of ['Trigger', 'Diagnosis', 'Mitigation', 'Rollback', 'Prevention']) await rate(page, d, /3 · Solid/, `Łódź notes on ${d}`);
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(page.getByText('Submitted — revision 1')).toBeVisible();
}

async function downloadBackup(page: Page, path: string, passphrase?: string) {
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  if (passphrase) {
    await page.getByRole('checkbox', { name: /Encrypt with a passphrase/ }).check();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase again').fill(passphrase);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download backup' }).click()]);
  await download.saveAs(path);
  await expect(page.getByText(/^Last backup: (?!never)/)).toBeVisible();
}

for (const passphrase of [undefined, 'correct horse battery staple']) {
  test(`a ${passphrase ? 'passphrase-encrypted' : 'plain'} backup restores an identical database on a fresh browser profile`, async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const source = await browser.newContext();
    const page = await source.newPage();
    await scoredDevice(page);
    const path = testInfo.outputPath('backup.loopcard.json');
    await downloadBackup(page, path, passphrase);
    const original = await dumpDatabase(page);
    const file = JSON.parse(await readFile(path, 'utf8'));
    if (passphrase) {
      expect(file.encryption).toMatchObject({ algorithm: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: 600_000 });
      expect(JSON.stringify(file)).not.toContain('Łódź notes');
    }
    await source.close();

    const fresh = await browser.newContext();
    const target = await fresh.newPage();
    await target.goto('/data');
    await target.locator('#restore-file').setInputFiles(path);
    if (passphrase) {
      await target.getByLabel(/Passphrase for/).fill('wrong passphrase');
      await target.getByRole('button', { name: 'Open the backup' }).click();
      await expect(target.getByText(/The passphrase is wrong/)).toBeVisible();
      await expect(target.getByRole('button', { name: 'Restore', exact: true })).toHaveCount(0);
      await target.getByLabel(/Passphrase for/).fill(passphrase);
      await target.getByRole('button', { name: 'Open the backup' }).click();
    }
    await expect(target.getByRole('region', { name: 'What the restore will do' })).toBeVisible();
    await target.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(target.getByText('The backup was restored.')).toBeVisible();
    expect(await dumpDatabase(target)).toEqual(original);
    await target.getByRole('link', { name: 'Candidates', exact: true }).click();
    await expect(target.getByRole('link', { name: 'Ada Byron' })).toBeVisible();
    await fresh.close();
  });
}

test('a damaged backup is refused and nothing is written', async ({ page }, testInfo) => {
  await scoredDevice(page);
  const path = testInfo.outputPath('backup.loopcard.json');
  await downloadBackup(page, path);
  const before = await dumpDatabase(page);
  const damaged = testInfo.outputPath('damaged.loopcard.json');
  const text = await readFile(path, 'utf8');
  await (await import('node:fs/promises')).writeFile(damaged, text.replace('Łódź notes on Trigger', 'Lodz notes on Trigger'));
  await page.locator('#restore-file').setInputFiles(damaged);
  await expect(page.getByText(/Nothing was restored\./)).toBeVisible();
  expect(await dumpDatabase(page)).toEqual(before);
});

test('deleting a candidate leaves nothing with their id in any table', async ({ page }) => {
  await scoredDevice(page);
  await page.getByRole('link', { name: 'See the panel' }).click();
  const candidateId = new URL(page.url()).pathname.split('/').pop() ?? '';
  expect(candidateId.length).toBeGreaterThan(10);
  expect(JSON.stringify(await dumpDatabase(page))).toContain(candidateId);
  await page.getByRole('button', { name: 'Delete candidate…' }).click();
  await expect(page.getByText(/1 interview, 1 scorecard \(1 submitted revision\)/)).toBeVisible();
  await page.getByRole('button', { name: 'Delete everything about Ada Byron' }).click();
  await expect(page.getByText('Ada Byron and everything about them were deleted from this device.')).toBeVisible();
  expect(JSON.stringify(await dumpDatabase(page))).not.toContain(candidateId);
});

/** Another tab opens the database at a newer version; resolves with the version it got (never blocked). */
async function upgradeFromAnotherTab(context: BrowserContext): Promise<number> {
  const second = await context.newPage();
  await second.goto('/roles');
  return second.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('loopcard', 990);
        request.onsuccess = () => {
          const version = request.result.version;
          request.result.close();
          resolve(version);
        };
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error('blocked'));
        setTimeout(() => reject(new Error('timed out')), 10_000);
      }),
  );
}

test('a database upgrade in another tab does not hang this one, which lets go and says so', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/roles');
  // Using the database: the role is created through it.
  await createRole(first);
  expect(await upgradeFromAnotherTab(context)).toBe(990);
  await expect(first.getByText('Loopcard was updated in another tab')).toBeVisible();
});

test('a tab showing only the roles list it read at start lets go of the database too, and says so', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/roles');
  await createRole(first);
  // Opened afresh and left alone: the list is read at start, and the database code has not loaded.
  await first.goto('/roles');
  await expect(first.getByRole('heading', { level: 3, name: SERVING_ROLE.title })).toBeVisible();
  expect(await upgradeFromAnotherTab(context)).toBe(990);
  await expect(first.getByText('Loopcard was updated in another tab')).toBeVisible();
});

test('with no IndexedDB the app explains what to do instead of showing a blank page', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Loopcard cannot open its storage' })).toBeVisible();
  await expect(page.getByText(/Private or incognito windows/)).toBeVisible();
});
