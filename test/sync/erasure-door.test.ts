import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers/db';
import { FIXTURE_CANDIDATE, loopRecords } from './sync-fixtures';
import { describeSetAside, erasedCandidateMarks, erasedCandidateSetting, erasureMark, setAsideErased } from '../../src/domain/erased-candidates';

const NOW = new Date('2026-11-02T09:00:00.000Z');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** A device that received the fixture loop and Zofia's scorecard as files. */
async function deviceWithLoop() {
  const device = freshDb({ now: NOW });
  for (const file of ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']) {
    const outcome = await device.repos.imports.importFile(file, fixture(file));
    expect(outcome.outcome, outcome.detail).not.toBe('rejected');
  }
  return device;
}

describe('the records of an erased candidate', { timeout: 30_000 }, () => {
  it('are set aside by the one rule, candidate by candidate, while roles and rubrics pass', () => {
    const records = loopRecords();
    const { kept, setAside } = setAsideErased(records, new Set([erasureMark(FIXTURE_CANDIDATE)]));
    expect(kept.candidates).toEqual([]);
    expect(kept.interviews).toEqual([]);
    expect(kept.roles).toEqual(records.roles);
    expect(kept.rubrics).toEqual(records.rubrics);
    expect(setAside).toEqual([{ candidateId: FIXTURE_CANDIDATE, records: 1 + records.interviews.length }]);
    // Another candidate's records are untouched.
    expect(setAsideErased(records, new Set([erasureMark('someone-else')])).kept).toEqual(records);
  });

  it('are remembered by id and date only; a malformed marker remembers nothing', () => {
    const marker = erasedCandidateSetting(FIXTURE_CANDIDATE, NOW);
    expect(marker).toEqual({ key: `erasedCandidate:${erasureMark(FIXTURE_CANDIDATE)}`, value: { erasedAt: NOW.toISOString() } });
    expect(erasedCandidateMarks([marker, { key: 'erasedCandidate:', value: { erasedAt: NOW.toISOString() } }, { key: `erasedCandidate:${erasureMark('x')}`, value: 'yesterday' }, { key: 'retention', value: {} }])).toEqual(new Set([erasureMark(FIXTURE_CANDIDATE)]));
    // Nothing with the candidate's id is left behind.
    expect(JSON.stringify(marker)).not.toContain(FIXTURE_CANDIDATE);
    expect(() => erasedCandidateSetting('', NOW)).toThrow();
  });

  it('say where they came from in plain words', () => {
    const one = [{ candidateId: 'a', records: 3 }];
    expect(describeSetAside([], 'file')).toBeNull();
    expect(describeSetAside(one, 'file')).toBe('This file holds records of a candidate who was erased from this device. An erased candidate is never brought back, so nothing of the file was imported.');
    expect(describeSetAside([...one, { candidateId: 'b', records: 1 }], 'backup')).toContain('records of 2 candidates who were erased');
    expect(describeSetAside(one, 'team-server')).toContain('The team server still holds records of a candidate who was erased from this device.');
  });

  it('never come back from a file: the loop file and the scorecard file are refused after the erasure, and nothing is written', async () => {
    const { db, repos } = await deviceWithLoop();
    await repos.erasure.eraseCandidate(FIXTURE_CANDIDATE);
    expect(await db.settings.get(`erasedCandidate:${erasureMark(FIXTURE_CANDIDATE)}`)).toEqual({ key: `erasedCandidate:${erasureMark(FIXTURE_CANDIDATE)}`, value: { erasedAt: NOW.toISOString() } });
    const rolesBefore = await db.roles.count();
    for (const file of ['loop-v4.loopcard.json', 'scorecard-v4.loopcard.json']) {
      const outcome = await repos.imports.importFile(file, fixture(file));
      expect(outcome.outcome).toBe('rejected');
      expect(outcome.detail).toContain('erased from this device');
    }
    expect([await db.candidates.count(), await db.interviews.count(), await db.scorecardRevisions.count(), await db.roles.count()]).toEqual([0, 0, 0, rolesBefore]);
  });

  it('never come back from a backup made before the erasure; the rest of it is restored and the preview says why', async () => {
    const { db, repos } = await deviceWithLoop();
    const before = await repos.backup.exportBackup({ appVersion: '1.0.0' });
    await repos.erasure.eraseCandidate(FIXTURE_CANDIDATE);
    await db.roles.clear(); // something else lost since the backup, which the restore brings back

    const preview = await repos.backup.previewRestore(before.blob);
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.summary.at(-1)).toBe('The backup holds records of a candidate who was erased from this device after it was made. An erased candidate is never brought back: their records are left out of the restore.');
    await repos.backup.restore(preview.backup);
    expect(await db.roles.count()).toBe(1);
    expect([await db.candidates.count(), await db.interviews.count(), await db.scorecards.count(), await db.scorecardRevisions.count()]).toEqual([0, 0, 0, 0]);
  });

  it('travel in a backup made after the erasure: a fresh device restored from it refuses the candidate’s files too', async () => {
    const lead = await deviceWithLoop();
    await lead.repos.erasure.eraseCandidate(FIXTURE_CANDIDATE);
    const after = await lead.repos.backup.exportBackup({ appVersion: '1.0.0' });

    const fresh = freshDb({ now: NOW });
    const preview = await fresh.repos.backup.previewRestore(after.blob);
    if (!preview.ok) throw new Error(preview.reason);
    await fresh.repos.backup.restore(preview.backup);
    expect(await fresh.db.settings.get(`erasedCandidate:${erasureMark(FIXTURE_CANDIDATE)}`)).toBeDefined();
    const outcome = await fresh.repos.imports.importFile('loop-v4.loopcard.json', fixture('loop-v4.loopcard.json'));
    expect(outcome.outcome).toBe('rejected');
    expect(await fresh.db.candidates.count()).toBe(0);
  });
});
