import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { BACKUP_FORMAT, BACKUP_MIGRATIONS, type BackupContent, type PlainBackup } from '../../src/domain/backup-format';
import type { Candidate } from '../../src/domain/candidate';
import { sha256OfCanonical } from '../../src/domain/hash';
import { reviseRecord } from '../../src/domain/revision';
import type { Screen, ScreenInput } from '../../src/domain/screen';
import { expectNoAxeViolations, expectNoHorizontalScroll, loadForOffline } from './helpers';

/** The last backup version written as one JSON document with one checksum. */
const WHOLE_FILE_BACKUP_VERSION = 5;

/** The frozen plain backup: one serving role ("Senior MLOps Engineer, Serving") with Priya Raman. */
const BACKUP_V4 = fileURLToPath(new URL('../fixtures/backup-v4.loopcard.json', import.meta.url));
const ROLE = 'Senior MLOps Engineer, Serving';
const ROLE_ID = 'fx-role-1';
const GENERAL = '(Triton OR KServe OR "SageMaker endpoints" OR "Vertex AI endpoints" OR "model serving") AND (autoscaling OR p99 OR "on-call" OR latency OR SLO)';

const MORE_CANDIDATES = ['Chidi Okeke', 'Mara Lindqvist', 'Tomás Herrera', 'Ana Lopez'];
// Priya Raman is the frozen backup’s fx-candidate-1; the others follow as 2 to 5.
const idOf = (name: string) => `fx-candidate-${MORE_CANDIDATES.indexOf(name) + 2}`;

/** Mara's screen, saved on another device and arriving here in a backup (in another tab). */
const MARA: ScreenInput = {
  source: 'LinkedIn search',
  productionSignals: ['feature-pipelines'],
  stackTools: [],
  wrongPoolSignals: ['notebooks-only'],
  matchedKeywords: ['feature pipelines', 'Jupyter'],
  outcome: 'hold',
  reason: 'Waiting for the second headcount.',
  screenedBy: 'Mei Tanaka',
};

/** Three screens the hiring manager fills in on the screen page: two show production ML, one is flagged. */
const UI_SCREENS: { name: string; source: string; signals: string[]; outcome: string; reason: string }[] = [
  { name: 'Priya Raman', source: 'Referral', signals: ['Shipped or operated production ML', 'On-call for ML systems'], outcome: 'Advance to the loop', reason: '' },
  { name: 'Chidi Okeke', source: 'LinkedIn search', signals: ['Endpoint reliability'], outcome: 'Advance to the loop', reason: '' },
  { name: 'Tomás Herrera', source: 'Job board', signals: ['Stats packages'], outcome: 'Decline', reason: 'Stats packages only, nothing in production.' },
];

/**
 * A plain backup of version 5 (the last written as one file, which every later app still
 * restores): the frozen v4 backup brought to v5 by the app's own migration step, four more candidates of its role, and (when asked) Mara's screen, every record
 * with its revision and the file with its checksum as Loopcard writes them.
 */
async function buildBackup(path: string, withScreens: boolean): Promise<void> {
  const v4 = JSON.parse(await readFile(BACKUP_V4, 'utf8')) as { app: PlainBackup['app']; content: unknown };
  const migrate = BACKUP_MIGRATIONS[4];
  if (!migrate) throw new Error('No migration from backup version 4.');
  const content = migrate(v4.content) as BackupContent;
  const stamp = '2026-11-20T10:00:00.000Z';
  for (const name of MORE_CANDIDATES) {
    const candidate: Omit<Candidate, 'rev' | 'revHistory'> = { id: idOf(name), roleId: ROLE_ID, name, notes: '', createdAt: stamp, updatedAt: stamp };
    content.tables.candidates.push(reviseRecord(candidate, null));
  }
  if (withScreens) {
    const id = idOf('Mara Lindqvist');
    const screen: Omit<Screen, 'rev' | 'revHistory'> = { id, candidateId: id, roleId: ROLE_ID, ...MARA, createdAt: stamp, updatedAt: stamp };
    content.tables.screens.push(reviseRecord(screen, null));
  }
  const file: Omit<PlainBackup, 'version'> & { version: typeof WHOLE_FILE_BACKUP_VERSION } = {
    format: BACKUP_FORMAT,
    version: WHOLE_FILE_BACKUP_VERSION,
    exportedAt: '2026-11-30T12:00:00.000Z',
    app: v4.app,
    encryption: null,
    sha256: sha256OfCanonical(content),
    content,
  };
  await writeFile(path, JSON.stringify(file, null, 2));
}

/** From the sourcing page: Screen, fill in the screen as the screener would, save, and come back. */
async function screenThroughUi(page: Page, screen: (typeof UI_SCREENS)[number]) {
  await page.getByRole('link', { name: `Screen ${screen.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Screen: ${screen.name}` })).toBeVisible();
  await page.getByLabel('Source').fill(screen.source);
  for (const signal of screen.signals) await page.getByRole('checkbox', { name: signal }).check();
  await page.getByRole('radio', { name: screen.outcome }).check();
  if (screen.reason) await page.getByLabel('Reason').fill(screen.reason);
  await page.getByLabel('Screened by').fill('Mei Tanaka');
  await page.getByRole('button', { name: 'Save the screen' }).click();
  await page.getByRole('link', { name: 'The role’s sourcing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Sourcing and slate: ${ROLE}` })).toBeVisible();
}

async function restore(page: Page, path: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data', exact: true }).click();
  await page.locator('#restore-file').setInputFiles(path);
  await expect(page.getByRole('region', { name: 'What the restore will do' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText(/The backup was restored\./)).toBeVisible();
}

test('offline on a tablet, a hiring manager opens a role’s sourcing page, copies the general search, screens three candidates, and sees the slate’s verdict follow a fourth screen arriving in another tab', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await loadForOffline(page);
  await context.setOffline(true);

  const candidatesOnly = testInfo.outputPath('five-candidates.loopcard.json');
  const withScreens = testInfo.outputPath('mara-screened.loopcard.json');
  await buildBackup(candidatesOnly, false);
  await buildBackup(withScreens, true);
  await restore(page, candidatesOnly);

  // From the roles list, one compact link per role.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roles', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('roles-768.png') });
  await page.getByRole('link', { name: `Sourcing and slate for ${ROLE}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Sourcing and slate: ${ROLE}` })).toBeVisible();

  // The search plan: the lane, no stack yet, and the general search copied to the clipboard.
  const plan = page.getByRole('region', { name: 'Search plan' });
  await expect(plan.getByText('Serving & reliability')).toBeVisible();
  await expect(plan.getByRole('link', { name: 'add it on the role' })).toHaveAttribute('href', `/roles/${ROLE_ID}/edit`);
  await expect(page.getByRole('textbox', { name: 'General search' })).toHaveValue(GENERAL);
  await page.getByRole('button', { name: 'Copy general search' }).click();
  await expect(page.locator('.sourcing-copy').first().getByRole('status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(GENERAL);

  // Nobody screened yet; five candidates to screen.
  const slate = page.getByRole('region', { name: 'Slate health' });
  await expect(slate.getByText('No one screened yet: open a candidate and choose Screen.')).toBeVisible();
  const list = page.getByRole('list', { name: 'Candidates and their screens' });
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(list.getByRole('link', { name: 'Screen Priya Raman' })).toHaveAttribute('href', '/candidates/fx-candidate-1/screen');
  await expectNoAxeViolations(page, 'the sourcing page before any screen');
  await expectNoHorizontalScroll(page);

  // Three screens through the screen page: too few to judge after one, a verdict at three.
  const [first, ...rest] = UI_SCREENS;
  if (!first) throw new Error('No screens to fill in.');
  await screenThroughUi(page, first);
  await expect(slate.getByText('Too few screened to judge (1); screen at least 3.')).toBeVisible();
  for (const screen of rest) await screenThroughUi(page, screen);
  await expect(slate.getByText('Most of this slate has operated production ML (2 of 3).')).toBeVisible();
  await expect(slate.getByRole('definition')).toHaveText(['3', '2 of 3 (67%)', '1 of 3 (33%)', '2', '0', '1']);
  await expect(list.getByRole('listitem').filter({ hasText: 'Tomás Herrera' })).toContainText('Declined: Stats packages only, nothing in production.');

  // A fourth screen arrives in another tab (a restore there); this page follows without a reload.
  const other = await context.newPage();
  await other.goto('/data');
  await restore(other, withScreens);
  await other.close();

  await expect(slate.getByText('Most of this slate has operated production ML (3 of 4).')).toBeVisible();
  await expect(slate.getByRole('definition')).toHaveText(['4', '3 of 4 (75%)', '2 of 4 (50%)', '2', '1', '1']);
  const sources = slate.getByRole('table', { name: 'Sources, ranked by candidates advanced' });
  await expect(sources.getByRole('row')).toHaveText([/Source\s*Advanced\s*Screened/, /Referral\s*1\s*1/, /LinkedIn search\s*1\s*2/, /Job board\s*0\s*1/]);
  await expect(list.getByRole('listitem').filter({ hasText: 'Mara Lindqvist' })).toContainText('On hold: Waiting for the second headcount.');
  await expect(list.getByRole('listitem').filter({ hasText: 'Ana Lopez' })).toContainText('Not screened');
  await expectNoAxeViolations(page, 'the sourcing page with its slate');
  await expectNoHorizontalScroll(page);

  // Every control is a tap target of at least 44 px.
  for (const control of await page.getByRole('main').locator('a, button, textarea').all()) {
    const box = await control.boundingBox();
    expect(box && Math.min(box.width, box.height), await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(44);
  }
  await page.screenshot({ path: testInfo.outputPath('sourcing-768.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'the sourcing page with its slate, in dark mode');
  await page.screenshot({ path: testInfo.outputPath('sourcing-768-dark.png') });
  await context.close();
});

test('a sourcing address for a role that is not on this device says so and leads back to the roles', async ({ page }) => {
  await page.goto('/roles/no-such-role/sourcing');
  await expect(page.getByRole('heading', { level: 1, name: 'Role not found' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Back to roles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
});
