import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { BACKUP_FORMAT, BACKUP_MIGRATIONS, BACKUP_VERSION, type BackupContent, type PlainBackup } from '../../src/domain/backup-format';
import type { Candidate } from '../../src/domain/candidate';
import { sha256OfCanonical } from '../../src/domain/hash';
import { reviseRecord } from '../../src/domain/revision';
import type { Screen, ScreenInput } from '../../src/domain/screen';
import { expectNoAxeViolations, expectNoHorizontalScroll, loadForOffline } from './helpers';

/** The frozen plain backup: one serving role ("Senior MLOps Engineer, Serving") with Priya Raman. */
const BACKUP_V4 = fileURLToPath(new URL('../fixtures/backup-v4.loopcard.json', import.meta.url));
const ROLE = 'Senior MLOps Engineer, Serving';
const ROLE_ID = 'fx-role-1';
const GENERAL = '(Triton OR KServe OR "SageMaker endpoints" OR "Vertex AI endpoints" OR "model serving") AND (autoscaling OR p99 OR "on-call" OR latency OR SLO)';

const MORE_CANDIDATES = ['Chidi Okeke', 'Mara Lindqvist', 'Tomás Herrera', 'Ana Lopez'];
// Priya Raman is the frozen backup’s fx-candidate-1; the others follow as 2 to 5.
const idOf = (name: string) => `fx-candidate-${MORE_CANDIDATES.indexOf(name) + 2}`;

/** What the screener confirmed for four of the five: three show production ML, two are flagged. */
const SCREENS: [string, Partial<ScreenInput> & Pick<ScreenInput, 'outcome'>][] = [
  ['Priya Raman', { outcome: 'advance', source: 'Referral', productionSignals: ['production-ml', 'on-call'], matchedKeywords: ['KServe', 'Triton', 'on-call'] }],
  ['Chidi Okeke', { outcome: 'advance', source: 'LinkedIn search', productionSignals: ['endpoint-reliability'] }],
  ['Mara Lindqvist', { outcome: 'hold', source: 'LinkedIn search', productionSignals: ['feature-pipelines'], wrongPoolSignals: ['notebooks-only'], reason: 'Waiting for the second headcount.' }],
  ['Tomás Herrera', { outcome: 'decline', source: 'Job board', wrongPoolSignals: ['stats-packages'], reason: 'Stats packages only, nothing in production.' }],
];

/**
 * A backup in Loopcard's own current format: the frozen v4 backup brought to v5 by the app's own
 * migration step, four more candidates of its role, and (when asked) their screens, every record
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
    for (const [name, input] of SCREENS) {
      const id = idOf(name);
      const screen: Omit<Screen, 'rev' | 'revHistory'> = {
        id,
        candidateId: id,
        roleId: ROLE_ID,
        source: '',
        productionSignals: [],
        stackTools: [],
        wrongPoolSignals: [],
        matchedKeywords: [],
        reason: '',
        screenedBy: 'Mei Tanaka',
        ...input,
        createdAt: stamp,
        updatedAt: stamp,
      };
      content.tables.screens.push(reviseRecord(screen, null));
    }
  }
  const file: PlainBackup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2026-11-30T12:00:00.000Z',
    app: v4.app,
    encryption: null,
    sha256: sha256OfCanonical(content),
    content,
  };
  await writeFile(path, JSON.stringify(file, null, 2));
}

async function restore(page: Page, path: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data', exact: true }).click();
  await page.locator('#restore-file').setInputFiles(path);
  await expect(page.getByRole('region', { name: 'What the restore will do' })).toBeVisible();
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(page.getByText(/The backup was restored\./)).toBeVisible();
}

test('offline on a tablet, a hiring manager opens a role’s sourcing page, copies the general search, and sees the slate’s verdict once screens arrive from another tab', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await loadForOffline(page);
  await context.setOffline(true);

  const candidatesOnly = testInfo.outputPath('five-candidates.loopcard.json');
  const withScreens = testInfo.outputPath('four-screens.loopcard.json');
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

  // The screens arrive in another tab (a restore there); this page follows without a reload.
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
  await context.close();
});

test('a sourcing address for a role that is not on this device says so and leads back to the roles', async ({ page }) => {
  await page.goto('/roles/no-such-role/sourcing');
  await expect(page.getByRole('heading', { level: 1, name: 'Role not found' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Back to roles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roles' })).toBeVisible();
});
