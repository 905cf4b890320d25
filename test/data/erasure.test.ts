import { describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { createErasureRepository } from '../../src/data/erasure-repository';
import { createRepositories, type Repositories } from '../../src/data/repositories';
import { ConflictError, ValidationError } from '../../src/data/validation';
import type { LoopcardDb } from '../../src/data/db';
import { contentOf } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { erasureMark } from '../../src/domain/erased-candidates';

const TODAY = new Date('2026-11-02T09:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

function daysBefore(days: number): Date {
  return new Date(TODAY.getTime() - days * DAY);
}

/**
 * Every row, in every table of the database, that mentions `id`. The id must not run on into more
 * id characters, so `id-1` is not found inside `id-12`.
 */
async function scanForId(db: LoopcardDb, id: string): Promise<{ table: string; row: string }[]> {
  const pattern = new RegExp(`${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`);
  const hits: { table: string; row: string }[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) {
      const text = JSON.stringify(row);
      if (pattern.test(text)) hits.push({ table: table.name, row: text });
    }
  }
  return hits;
}

/** Every table, every row: for "nothing changed". */
async function snapshot(db: LoopcardDb) {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

function erasureFor(db: LoopcardDb) {
  let seq = 0;
  return createErasureRepository({ db, now: () => TODAY, newId: () => `erasure-${++seq}` });
}

/** Repositories on the same database whose clock reads `at`: decisions recorded through them are that old. */
function reposAt(db: LoopcardDb, at: Date, prefix: string): Repositories {
  let seq = 0;
  return createRepositories(db, { now: () => at, newId: () => `${prefix}-${++seq}` });
}

/** A candidate with a loop whose every interviewer submitted a card of threes. */
async function candidateWithPanel(repos: Repositories, roleId: string, name: string, interviewers: string[]) {
  const candidate = await repos.candidates.create({ name, roleId, notes: `Screened by phone; ${name} owns the serving stack.` });
  const interviews = [];
  const scorecards = [];
  for (const interviewerName of interviewers) {
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName, plannedAt: '' });
    const card = await repos.scorecards.openForInterview(interview.id);
    const content = contentOf(card);
    content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: `${interviewerName} heard ${name} on ${r.dimensionKey}.` }));
    content.recommendation = 'yes';
    scorecards.push(await repos.scorecards.submit(card.id, content, card.editVersion));
    interviews.push(interview);
  }
  return { candidate, interviews, scorecards };
}

async function saveConsensus(repos: Repositories, candidateId: string) {
  await repos.debriefs.saveConsensus(
    candidateId,
    ['trigger', 'diagnosis', 'mitigation', 'rollback', 'prevention'].map((dimensionKey) => ({ dimensionKey, level: 3 as const, rationale: '' })),
  );
}

async function decide(repos: Repositories, candidateId: string) {
  await saveConsensus(repos, candidateId);
  await repos.debriefs.recordDecision(candidateId, { decision: 'no-hire', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Okafor', nextStep: 'Send the regret email.' });
}

/** Two candidates of one role; the first has an amended scorecard, a decision and an interviewer name set on the device. */
async function twoCandidates() {
  const { db, repos } = freshDb();
  const role = await repos.roles.create(servingRole);
  await repos.settings.setInterviewerName('Karel Dvořák');
  const leaving = await candidateWithPanel(repos, role.id, 'Priya Raman', ['Karel Dvořák', 'Ingrid Ødegaard']);
  const first = leaving.scorecards[0];
  if (!first) throw new Error('no scorecard');
  const amended = await repos.scorecards.amend(first.id, 'Typo in the diagnosis evidence.');
  await repos.scorecards.submit(amended.id, { ...contentOf(amended), takeaways: 'Corrected.' }, amended.editVersion);
  await decide(repos, leaving.candidate.id);
  const staying = await candidateWithPanel(repos, role.id, 'Tomás Álvarez', ['Zhōu Min']);
  await saveConsensus(repos, staying.candidate.id);
  return { db, repos, role, leaving, staying, erasure: erasureFor(db) };
}

describe('erasing a candidate', () => {
  it('leaves nothing with their id, their interviews’ ids or their scorecards’ ids in any table', async () => {
    const { db, repos, role, leaving, staying, erasure } = await twoCandidates();
    const ids = [leaving.candidate.id, ...leaving.interviews.map((i) => i.id), ...leaving.scorecards.map((s) => s.id)];
    // The scan sees them before, in every table that holds a candidate's data: it is not looking in the wrong place.
    const before = new Set((await scanForId(db, leaving.candidate.id)).map((h) => h.table));
    expect(before).toEqual(new Set(['candidates', 'interviews', 'scorecards', 'scorecardRevisions', 'debriefs']));
    for (const id of ids) expect(await scanForId(db, id)).not.toEqual([]);
    const stayingBefore = await Promise.all([staying.candidate.id, ...staying.interviews.map((i) => i.id)].map((id) => scanForId(db, id)));

    const result = await erasure.eraseCandidate(leaving.candidate.id);

    expect(result).toMatchObject({
      candidateId: leaving.candidate.id,
      name: 'Priya Raman',
      roleId: role.id,
      counts: { interviews: 2, scorecards: 2, revisions: 3, debriefs: 1 },
      exampleDataCleared: false,
    });
    expect([...result.scorecardIds].sort()).toEqual(leaving.scorecards.map((s) => s.id).sort());
    for (const id of ids) expect(await scanForId(db, id)).toEqual([]);
    expect(await scanForId(db, 'Priya Raman')).toEqual([]);

    // The other candidate of the same role, the role, the rubric and the device's settings are untouched.
    const stayingAfter = await Promise.all([staying.candidate.id, ...staying.interviews.map((i) => i.id)].map((id) => scanForId(db, id)));
    expect(stayingAfter).toEqual(stayingBefore);
    expect(await repos.roles.get(role.id)).toEqual(role);
    expect(await db.rubrics.count()).toBe(3);
    expect(await repos.settings.getInterviewerName()).toBe('Karel Dvořák');
    expect((await repos.candidates.list()).map((c) => c.name)).toEqual(['Tomás Álvarez']);
  });

  it('removes another device’s copies of their records that were waiting for a choice', async () => {
    const { db, leaving, staying, erasure } = await twoCandidates();
    const waiting = (recordId: string, table: 'candidates' | 'interviews') => ({ id: `${table}:${recordId}:2-${'a'.repeat(32)}`, table, recordId, incoming: { id: recordId, name: 'Priya Raman' }, source: 'a.loopcard.json', receivedAt: '2026-11-02T09:00:00.000Z' });
    await db.conflicts.bulkAdd([waiting(leaving.candidate.id, 'candidates'), waiting(leaving.interviews[0]?.id ?? '', 'interviews'), waiting(staying.candidate.id, 'candidates')]);
    await erasure.eraseCandidate(leaving.candidate.id);
    expect((await db.conflicts.toArray()).map((c) => c.recordId)).toEqual([staying.candidate.id]);
    expect(await scanForId(db, leaving.candidate.id)).toEqual([]);
  });

  it('describes what it would remove, and removes nothing while describing', async () => {
    const { db, leaving, staying, erasure } = await twoCandidates();
    const before = await snapshot(db);
    expect(await erasure.describeErasure(leaving.candidate.id)).toEqual({
      candidateId: leaving.candidate.id,
      name: 'Priya Raman',
      roleId: leaving.candidate.roleId,
      counts: { interviews: 2, scorecards: 2, revisions: 3, debriefs: 1 },
    });
    expect(await erasure.describeErasure(staying.candidate.id)).toMatchObject({ name: 'Tomás Álvarez', counts: { interviews: 1, scorecards: 1, revisions: 1, debriefs: 1 } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('counts a candidate with no loop yet as the candidate alone', async () => {
    const { db, repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const candidate = await repos.candidates.create({ name: 'Ada Lovelace', roleId: role.id, notes: '' });
    const erasure = erasureFor(db);
    expect((await erasure.describeErasure(candidate.id)).counts).toEqual({ interviews: 0, scorecards: 0, revisions: 0, debriefs: 0 });
    expect((await erasure.eraseCandidate(candidate.id)).counts).toEqual({ interviews: 0, scorecards: 0, revisions: 0, debriefs: 0 });
    expect(await scanForId(db, candidate.id)).toEqual([]);
  });

  it('refuses an unknown candidate and changes nothing', async () => {
    const { db, erasure } = await twoCandidates();
    const before = await snapshot(db);
    await expect(erasure.eraseCandidate('nobody')).rejects.toBeInstanceOf(ConflictError);
    await expect(erasure.eraseCandidate('nobody')).rejects.toThrow('This candidate is no longer on this device, so there is nothing to erase.');
    await expect(erasure.describeErasure('nobody')).rejects.toThrow('This candidate is no longer on this device.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a second erasure of the same candidate', async () => {
    const { leaving, erasure } = await twoCandidates();
    await erasure.eraseCandidate(leaving.candidate.id);
    await expect(erasure.eraseCandidate(leaving.candidate.id)).rejects.toBeInstanceOf(ConflictError);
  });

  it('leaves everything in place when a delete fails part-way through, and says why', async () => {
    const { db, leaving, erasure } = await twoCandidates();
    const before = await snapshot(db);
    // Interviews, scorecards and revisions are already deleted inside the transaction when this fails.
    vi.spyOn(db.debriefs, 'bulkDelete').mockImplementation(() => Dexie.Promise.reject(new Error('The disk is full.')));
    await expect(erasure.eraseCandidate(leaving.candidate.id)).rejects.toThrow('The disk is full.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('leaves everything in place when the last delete throws', async () => {
    const { db, leaving, erasure } = await twoCandidates();
    const before = await snapshot(db);
    vi.spyOn(db.candidates, 'delete').mockImplementation(() => {
      throw new Error('Storage was cleared by the browser.');
    });
    await expect(erasure.eraseCandidate(leaving.candidate.id)).rejects.toThrow('Storage was cleared by the browser.');
    expect(await snapshot(db)).toEqual(before);
  });

  it('clears the example-data setting when the example candidate is erased, and only then', async () => {
    const { db, repos } = freshDb();
    const example = await repos.exampleData.create();
    const other = await repos.candidates.create({ name: 'Real Person', roleId: example.roleId, notes: '' });
    const erasure = erasureFor(db);

    expect((await erasure.eraseCandidate(other.id)).exampleDataCleared).toBe(false);
    expect(await repos.exampleData.current()).toEqual(example);

    const result = await erasure.eraseCandidate(example.candidateId);
    expect(result).toMatchObject({ exampleDataCleared: true, counts: { interviews: 3, scorecards: 3, revisions: 3, debriefs: 0 } });
    expect(await repos.exampleData.current()).toBeNull();
    expect(await scanForId(db, example.candidateId)).toEqual([]);
    // The example role had no other candidate left, so it went with the example.
    expect(await repos.roles.get(example.roleId)).toBeUndefined();
  });

  it('keeps the example role when a real candidate was added to it', async () => {
    const { db, repos } = freshDb();
    const example = await repos.exampleData.create();
    await repos.candidates.create({ name: 'Real Person', roleId: example.roleId, notes: '' });
    await erasureFor(db).eraseCandidate(example.candidateId);
    expect(await repos.roles.get(example.roleId)).toBeDefined();
    expect(await repos.exampleData.current()).toBeNull();
  });
});

describe('retention setting', () => {
  it('is off by default, and stored once set', async () => {
    const { db } = freshDb();
    const erasure = erasureFor(db);
    expect(await erasure.getRetention()).toEqual({ enabled: false, days: 365 });
    expect(await erasure.setRetention({ enabled: true, days: 90 })).toEqual({ enabled: true, days: 90 });
    expect(await erasure.getRetention()).toEqual({ enabled: true, days: 90 });
    expect(await db.settings.get('retention')).toEqual({ key: 'retention', value: { enabled: true, days: 90 } });
  });

  it('refuses a period outside 30 to 3,650 whole days with the field and a plain message, and keeps the stored one', async () => {
    const { db } = freshDb();
    const erasure = erasureFor(db);
    await erasure.setRetention({ enabled: true, days: 180 });
    const cases: [number, string][] = [
      [0, 'Keep decided candidates for at least 30 days.'],
      [29, 'Keep decided candidates for at least 30 days.'],
      [3651, 'Keep decided candidates for at most 3,650 days (ten years).'],
      [1.5, 'Enter a whole number of days.'],
    ];
    for (const [days, message] of cases) {
      const error = await erasure.setRetention({ enabled: true, days }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([{ path: 'days', message }]);
    }
    expect(await erasure.getRetention()).toEqual({ enabled: true, days: 180 });
  });

  it('reads an unreadable stored setting as the default, which removes nothing', async () => {
    const { db } = freshDb();
    await db.settings.put({ key: 'retention', value: { enabled: true, days: 'soon' } });
    expect(await erasureFor(db).getRetention()).toEqual({ enabled: false, days: 365 });
  });
});

describe('retention', () => {
  /** Decisions 10, 100 and 400 days old, one candidate with a consensus but no decision, one with nothing. */
  async function agedCandidates() {
    const { db, repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const made: Record<string, string> = {};
    for (const [name, age] of [['Ten Days', 10], ['Hundred Days', 100], ['Four Hundred Days', 400], ['Consensus Only', null], ['Just Added', null]] as const) {
      const { candidate } = await candidateWithPanel(repos, role.id, name, ['Karel Dvořák', 'Ingrid Ødegaard']);
      made[name] = candidate.id;
      if (age !== null) await decide(reposAt(db, daysBefore(age), `aged-${age}`), candidate.id);
      else if (name === 'Consensus Only') await saveConsensus(repos, candidate.id);
    }
    const id = (name: string) => {
      const value = made[name];
      if (!value) throw new Error(`no candidate ${name}`);
      return value;
    };
    return { db, repos, role, id, erasure: erasureFor(db) };
  }

  it('previews decisions older than the period, oldest first, and removes nothing', async () => {
    const { db, role, id, erasure } = await agedCandidates();
    const before = await snapshot(db);
    const preview = await erasure.previewRetention(TODAY, 90);
    expect(preview).toEqual({
      setting: { enabled: false, days: 365 },
      days: 90,
      today: TODAY.toISOString(),
      candidates: [
        { candidateId: id('Four Hundred Days'), name: 'Four Hundred Days', roleId: role.id, decision: 'no-hire', decidedAt: daysBefore(400).toISOString(), ageDays: 400 },
        { candidateId: id('Hundred Days'), name: 'Hundred Days', roleId: role.id, decision: 'no-hire', decidedAt: daysBefore(100).toISOString(), ageDays: 100 },
      ],
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('previews with the stored period and the repository clock when none is given', async () => {
    const { id, erasure } = await agedCandidates();
    await erasure.setRetention({ enabled: true, days: 365 });
    const preview = await erasure.previewRetention();
    expect(preview.days).toBe(365);
    expect(preview.today).toBe(TODAY.toISOString());
    expect(preview.candidates.map((c) => c.candidateId)).toEqual([id('Four Hundred Days')]);
    // A later day brings the next one past the period.
    const later = await erasure.previewRetention(new Date(TODAY.getTime() + 300 * DAY));
    expect(later.candidates.map((c) => c.ageDays)).toEqual([700, 400]);
  });

  it('refuses to preview with a period outside the limits', async () => {
    const { erasure } = await agedCandidates();
    await expect(erasure.previewRetention(TODAY, 7)).rejects.toMatchObject({ issues: [{ path: 'days', message: 'Keep decided candidates for at least 30 days.' }] });
  });

  it('removes exactly the previewed candidates and leaves no trace of them', async () => {
    const { db, repos, id, erasure } = await agedCandidates();
    const preview = await erasure.previewRetention(TODAY, 90);
    const result = await erasure.applyRetention(preview.candidates.map((c) => c.candidateId), TODAY, 90);
    expect(result.removed.map((r) => r.candidateId)).toEqual([id('Four Hundred Days'), id('Hundred Days')]);
    expect(result.removed.map((r) => r.counts)).toEqual([
      { interviews: 2, scorecards: 2, revisions: 2, debriefs: 1 },
      { interviews: 2, scorecards: 2, revisions: 2, debriefs: 1 },
    ]);
    expect(result.skipped).toEqual([]);
    for (const name of ['Four Hundred Days', 'Hundred Days']) expect(await scanForId(db, id(name))).toEqual([]);
    // Remembered as erased, so no file, backup or team server brings them back.
    for (const name of ['Four Hundred Days', 'Hundred Days']) expect(await db.settings.get(`erasedCandidate:${erasureMark(id(name))}`)).toBeDefined();
    expect((await repos.candidates.list()).map((c) => c.name).sort()).toEqual(['Consensus Only', 'Just Added', 'Ten Days']);
    expect((await erasure.previewRetention(TODAY, 90)).candidates).toEqual([]);
  });

  it('keeps a candidate whose decision was re-recorded between preview and apply, and says so', async () => {
    const { db, repos, id, erasure } = await agedCandidates();
    await erasure.setRetention({ enabled: true, days: 90 });
    const preview = await erasure.previewRetention(TODAY);
    expect(preview.candidates.map((c) => c.name)).toEqual(['Four Hundred Days', 'Hundred Days']);

    // Someone re-records the decision today, after the preview was shown.
    await repos.debriefs.recordDecision(id('Hundred Days'), { decision: 'more-signal', decisionRationale: 'Weighed every scorecard and the consensus together; the reasons were talked through in the debrief.', decidedBy: 'Dana Okafor', nextStep: 'One more interview.' });

    const result = await erasure.applyRetention([...preview.candidates.map((c) => c.candidateId), 'gone-already'], TODAY);
    expect(result.days).toBe(90);
    expect(result.removed.map((r) => r.name)).toEqual(['Four Hundred Days']);
    expect(result.skipped).toEqual([
      { candidateId: id('Hundred Days'), name: 'Hundred Days', reason: 'The decision was recorded today, within the 90-day period, so they were kept.' },
      { candidateId: 'gone-already', name: null, reason: 'This candidate is no longer on this device.' },
    ]);
    expect(await scanForId(db, id('Four Hundred Days'))).toEqual([]);
    expect(await repos.candidates.get(id('Hundred Days'))).toBeDefined();
    expect((await repos.interviews.listByCandidate(id('Hundred Days'))).length).toBe(2);
  });

  it('never removes an undecided candidate, even when asked to', async () => {
    const { db, id, erasure } = await agedCandidates();
    const before = await snapshot(db);
    const result = await erasure.applyRetention([id('Consensus Only'), id('Just Added'), id('Ten Days')], TODAY, 90);
    expect(result.removed).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'No decision is recorded for this candidate now, so they were kept.',
      'No decision is recorded for this candidate now, so they were kept.',
      'The decision was recorded 10 days ago, within the 90-day period, so they were kept.',
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('removes all of them or none: a failure on the second leaves the first in place too', async () => {
    const { db, id, erasure } = await agedCandidates();
    const before = await snapshot(db);
    const realDelete = db.candidates.delete.bind(db.candidates);
    let calls = 0;
    vi.spyOn(db.candidates, 'delete').mockImplementation((key) => {
      calls += 1;
      if (calls === 2) return Dexie.Promise.reject(new Error('The disk is full.'));
      return realDelete(key);
    });
    await expect(erasure.applyRetention([id('Four Hundred Days'), id('Hundred Days')], TODAY, 90)).rejects.toThrow('The disk is full.');
    expect(calls).toBe(2);
    expect(await snapshot(db)).toEqual(before);
  });
});
