import { describe, expect, it } from 'vitest';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import type { ScreenInput } from '../../src/domain/screen';

const screened = (over: Partial<ScreenInput> = {}): ScreenInput => ({
  source: 'Referral',
  productionSignals: ['production-ml', 'on-call'],
  stackTools: ['KServe'],
  wrongPoolSignals: [],
  matchedKeywords: ['production', 'on-call rotation', 'KServe'],
  outcome: 'advance',
  reason: '',
  screenedBy: 'Priya Raman',
  ...over,
});

async function device() {
  const { db, repos } = freshDb();
  const role = await repos.roles.create({ ...servingRole, stack: ['AWS', 'KServe'], mission: 'Cut the busiest endpoint’s p99 latency.' });
  const candidate = await repos.candidates.create({ name: 'Linh Nguyễn', roleId: role.id, notes: '' });
  return { db, repos, role, candidate };
}

describe('a candidate’s screen on this device', () => {
  it('is saved as revisions of the candidate’s one screen, and moves the stage before the loop', async () => {
    const { repos, role, candidate } = await device();
    expect(await repos.sourcing.getScreen(candidate.id)).toBeUndefined();
    const first = await repos.sourcing.saveScreen(candidate.id, screened({ outcome: 'hold', reason: 'Strong, but the team is hiring for pipelines first.' }));
    expect(first).toMatchObject({ id: candidate.id, candidateId: candidate.id, roleId: role.id, outcome: 'hold' });
    expect((await repos.pipeline.candidateStages()).get(candidate.id)?.stage).toBe('screen-hold');
    const second = await repos.sourcing.saveScreen(candidate.id, screened({ outcome: 'decline', reason: 'Notebooks only; no production work.' }));
    expect(second.revHistory).toEqual([first.rev]);
    expect(second.createdAt).toBe(first.createdAt);
    expect((await repos.pipeline.candidateStages()).get(candidate.id)?.stage).toBe('screen-declined');
    // A loop planned after the screen wins: the candidate is in the loop now.
    await repos.sourcing.saveScreen(candidate.id, screened());
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
    expect((await repos.pipeline.candidateStages()).get(candidate.id)?.stage).toBe('loop-planned');
  });

  it('refuses a hold or a decline without a reason, and a candidate that is gone', async () => {
    const { repos, candidate } = await device();
    await expect(repos.sourcing.saveScreen(candidate.id, screened({ outcome: 'decline', reason: '  ' }))).rejects.toThrow(/Say why/);
    await expect(repos.sourcing.saveScreen('no-such-candidate', screened())).rejects.toThrow('This candidate is no longer on this device.');
    expect(await repos.sourcing.getScreen(candidate.id)).toBeUndefined();
  });

  it('counts finished screens in the role’s slate, by source', async () => {
    const { repos, role, candidate } = await device();
    const [ana, jonas, ingrid] = await Promise.all(['Ana Lopez', 'Jonas Weiß', 'Ingrid Ødegaard'].map((name) => repos.candidates.create({ name, roleId: role.id, notes: '' })));
    if (!ana || !jonas || !ingrid) throw new Error('candidates not created');
    await repos.sourcing.saveScreen(candidate.id, screened());
    await repos.sourcing.saveScreen(ana.id, screened({ source: 'referral', productionSignals: [], stackTools: [], wrongPoolSignals: ['notebooks-only'], outcome: 'decline', reason: 'Notebooks only.' }));
    await repos.sourcing.saveScreen(jonas.id, screened({ source: 'GitHub' }));
    await repos.sourcing.saveScreen(ingrid.id, screened({ outcome: null }));
    const slate = await repos.sourcing.slate(role.id);
    expect(slate).toMatchObject({ screened: 3, withProduction: 2, wrongPool: 1, verdict: 'production', message: 'Most of this slate has operated production ML (2 of 3).' });
    // Both advanced one; GitHub's one of one ranks above the referrals' one of two ("referral" in any case is one source).
    expect(slate.sources).toEqual([
      { source: 'GitHub', screened: 1, advanced: 1 },
      { source: 'Referral', screened: 2, advanced: 1 },
    ]);
    expect(await repos.sourcing.listScreens(role.id)).toHaveLength(4);
  });

  it('is erased with its candidate', async () => {
    const { db, repos, candidate } = await device();
    await repos.sourcing.saveScreen(candidate.id, screened());
    await repos.erasure.eraseCandidate(candidate.id);
    expect(await db.screens.count()).toBe(0);
  });

  it('travels in a backup and back, and in no loop file', async () => {
    const from = await device();
    await from.repos.sourcing.saveScreen(from.candidate.id, screened());
    await from.repos.interviews.addToLoop(from.candidate.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
    const loop = await from.repos.imports.buildLoopFile(from.candidate.id, '0.1.0');
    expect(loop.json).not.toMatch(/screenedBy|matchedKeywords|productionSignals/);
    expect(JSON.parse(loop.json).payload.role).toMatchObject({ stack: ['AWS', 'KServe'], mission: 'Cut the busiest endpoint’s p99 latency.' });

    const backup = await from.repos.backup.exportBackup({ appVersion: '0.1.0' });
    const to = freshDb();
    const preview = await to.repos.backup.previewRestore(backup.blob);
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.summary.join(' ')).toMatch(/1 candidate screen/);
    await to.repos.backup.restore(preview.backup);
    expect(await to.repos.sourcing.getScreen(from.candidate.id)).toEqual(await from.repos.sourcing.getScreen(from.candidate.id));
    // Restoring again changes nothing.
    const again = await to.repos.backup.previewRestore(backup.blob);
    if (!again.ok) throw new Error(again.reason);
    expect(again.plan.tables.find((t) => t.table === 'screens')?.counts).toMatchObject({ add: 0, same: 1 });
  });

  it('surfaces two devices’ different screens of one candidate as a conflict, never a silent overwrite', async () => {
    const from = await device();
    await from.repos.sourcing.saveScreen(from.candidate.id, screened());
    const backup = await from.repos.backup.exportBackup({ appVersion: '0.1.0' });
    const to = freshDb();
    const preview = await to.repos.backup.previewRestore(backup.blob);
    if (!preview.ok) throw new Error(preview.reason);
    await to.repos.backup.restore(preview.backup);
    await from.repos.sourcing.saveScreen(from.candidate.id, screened({ outcome: 'hold', reason: 'Waiting on the pipelines hire.' }));
    await to.repos.sourcing.saveScreen(from.candidate.id, screened({ outcome: 'decline', reason: 'No production work after all.' }));
    const later = await from.repos.backup.exportBackup({ appVersion: '0.1.0' });
    const second = await to.repos.backup.previewRestore(later.blob);
    if (!second.ok) throw new Error(second.reason);
    await to.repos.backup.restore(second.backup);
    const conflicts = await to.repos.imports.listConflicts();
    expect(conflicts).toEqual([expect.objectContaining({ table: 'screens', label: 'The screen of Linh Nguyễn' })]);
    expect((await to.repos.sourcing.getScreen(from.candidate.id))?.outcome).toBe('decline');
    await to.repos.imports.resolveConflict(conflicts[0]?.id ?? '', 'theirs');
    expect((await to.repos.sourcing.getScreen(from.candidate.id))?.outcome).toBe('hold');
  });
});
