import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/data/repositories';
import { ConflictError, ValidationError } from '../../src/data/validation';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { BUILTIN_RUBRIC_LIBRARY } from '../../src/domain/builtin-rubric-library';
import { BUILTIN_RUBRIC_KEYS } from '../../src/domain/builtin-rubric-keys';
import { createDb } from '../../src/data/db';
import { RECOMMENDATIONS } from '../../src/domain/rubric';
import type { RoleInput } from '../../src/domain/role';
import type { Scorecard } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';

const NOW = '2026-11-02T09:00:00.000Z';

/** The error a promise rejects with, so a test can look inside it. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

async function validationIssues(promise: Promise<unknown>) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

const pipelineRole: RoleInput = {
  ...servingRole,
  title: 'MLOps Engineer, Pipelines',
  lane: 'pipeline-owner',
  mandate: 'Own model promotion pipelines and feature reuse.',
  level: 'mid',
  compBand: { min: 180_000, max: 220_000, currency: 'USD', basis: 'base' },
};

/** A role, a candidate for it, and the candidate's repositories, ready for a loop. */
async function withCandidate() {
  const { db, repos } = freshDb();
  const role = await repos.roles.create(servingRole);
  const candidate = await repos.candidates.create({ roleId: role.id, name: 'Priya Raman', notes: '' });
  return { db, repos, role, candidate };
}

function scorecardFor(interview: { id: string; candidateId: string; roleId: string; interviewerName: string }): Scorecard {
  return {
    id: 'sc-1',
    interviewId: interview.id,
    candidateId: interview.candidateId,
    roleId: interview.roleId,
    rubric: { id: BUILTIN_RUBRIC.id, version: BUILTIN_RUBRIC.version },
    interviewerName: interview.interviewerName,
    ratings: [],
    redFlags: [],
    recommendation: null,
    takeaways: '',
    status: 'draft',
    revision: 1,
    amendReason: '',
    editVersion: 0,
    timerStartedAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    submittedAt: null,
    contentHash: null,
  };
}

describe('rubrics on a new device', () => {
  it('has the built-in rubrics, version 1 each, from the first open', async () => {
    const { repos } = freshDb();
    const rubrics = await repos.rubrics.list();
    expect(rubrics.map((r) => r.title).sort()).toEqual(['ML system design', 'Production incident review', 'Rollback scenario']);
    expect(rubrics.every((r) => r.builtIn && r.version === 1 && r.lineage === r.id && r.basedOn === null)).toBe(true);
    expect(await repos.rubrics.get(BUILTIN_RUBRIC.id, 1)).toEqual(BUILTIN_RUBRIC);
    expect(await repos.rubrics.get(BUILTIN_RUBRIC.id, 2)).toBeUndefined();
  });

  it('knows which built-ins to hold without their text, and adds back one that is missing on the next open', async () => {
    expect(BUILTIN_RUBRIC_KEYS.map(([id, version]) => `${id}@${version}`).sort()).toEqual(
      [BUILTIN_RUBRIC, ...BUILTIN_RUBRIC_LIBRARY].map((r) => `${r.id}@${r.version}`).sort(),
    );
    const { db, repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    expect(role.rubric).toEqual({ id: BUILTIN_RUBRIC.id, version: 1 });
    await db.rubrics.delete(['rollback-scenario', 1]);
    db.close();
    const reopened = createDb(db.name);
    expect(await reopened.rubrics.get(['rollback-scenario', 1])).toMatchObject({ title: 'Rollback scenario', builtIn: true });
    expect(await reopened.rubrics.count()).toBe(3);
    reopened.close();
  });

  it('offers only the newest version of a rubric once a later one is stored', async () => {
    const { db, repos } = freshDb();
    await db.rubrics.add({ ...structuredClone(BUILTIN_RUBRIC), id: 'incident-v2', version: 2, basedOn: { id: BUILTIN_RUBRIC.id, version: 1 }, builtIn: false });
    expect((await repos.rubrics.list()).filter((r) => r.lineage === BUILTIN_RUBRIC.id).map((r) => r.version).sort()).toEqual([1, 2]);
    expect((await repos.rubrics.listLatest()).map((r) => [r.title, r.version])).toEqual([
      ['ML system design', 1],
      ['Production incident review', 2],
      ['Rollback scenario', 1],
    ]);
  });
});

describe('roles', () => {
  it('are saved with an id and timestamps, and found again', async () => {
    const { repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    expect(role).toEqual({ ...servingRole, id: 'id-1', createdAt: NOW, updatedAt: NOW, rev: expect.stringMatching(/^1-[0-9a-f]{32}$/), revHistory: [] });
    expect(await repos.roles.list()).toEqual([role]);
    expect(await repos.roles.get('id-1')).toEqual(role);
    expect(await repos.roles.get('id-404')).toBeUndefined();
  });

  it('are listed with the most recently touched first', async () => {
    const { db } = freshDb();
    const early = createRepositories(db, { now: () => new Date('2026-11-01T09:00:00.000Z'), newId: () => 'early' });
    const late = createRepositories(db, { now: () => new Date('2026-11-03T09:00:00.000Z'), newId: () => 'late' });
    await late.roles.create(servingRole);
    await early.roles.create(pipelineRole);
    expect((await early.roles.list()).map((r) => r.id)).toEqual(['late', 'early']);
  });

  it('refuses a role with no title, says which field, and writes nothing', async () => {
    const { db, repos } = freshDb();
    const issues = await validationIssues(repos.roles.create({ ...servingRole, title: '' }));
    expect(issues).toEqual([{ path: 'title', message: 'Title is required.' }]);
    expect(await db.roles.count()).toBe(0);
  });

  it('refuses a band with the minimum above the maximum, on compBand.max, and writes nothing', async () => {
    const { db, repos } = freshDb();
    const issues = await validationIssues(
      repos.roles.create({ ...servingRole, compBand: { ...servingRole.compBand, min: 320_000, max: 240_000 } }),
    );
    expect(issues).toEqual([{ path: 'compBand.max', message: 'The maximum must be at least the minimum.' }]);
    expect(await db.roles.count()).toBe(0);
  });

  it('refuses a mandate of three sentences and writes nothing', async () => {
    const { db, repos } = freshDb();
    const error = await rejectionOf(
      repos.roles.create({ ...servingRole, mandate: 'Cut p99 latency. Improve autoscaling. Move off Flask.' }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(['mandate']);
    expect((error as ValidationError).message).toContain('Role not saved');
    expect(await db.roles.count()).toBe(0);
  });

  it('refuses fields that are not part of a role, even when they come from outside a form', async () => {
    const { db, repos } = freshDb();
    const smuggled = { ...servingRole, id: 'chosen-by-caller' } as RoleInput;
    await expect(repos.roles.create(smuggled)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.roles.count()).toBe(0);
  });

  it('refuses a role scored against a rubric version not on this device, and writes nothing', async () => {
    const { db, repos } = freshDb();
    const error = await rejectionOf(repos.roles.create({ ...servingRole, rubric: { id: BUILTIN_RUBRIC.id, version: 7 } }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('version 7');
    await expect(repos.roles.create({ ...servingRole, rubric: { id: 'made-up', version: 1 } })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.roles.count()).toBe(0);
  });

  it('are updated in place: fields and updatedAt change, id and createdAt stay', async () => {
    const { db, repos } = freshDb();
    const created = await repos.roles.create(servingRole);
    const later = createRepositories(db, { now: () => new Date('2026-11-09T15:30:00.000Z'), newId: () => 'unused' });
    const updated = await later.roles.update(created.id, { ...servingRole, title: 'Staff MLOps Engineer', targetCloseWeeks: 5 });
    expect(updated).toEqual({
      ...created,
      title: 'Staff MLOps Engineer',
      targetCloseWeeks: 5,
      updatedAt: '2026-11-09T15:30:00.000Z',
      // An edit is a new revision that descends from the one before.
      rev: expect.stringMatching(/^2-[0-9a-f]{32}$/),
      revHistory: [created.rev],
    });
    expect(updated.createdAt).toBe(NOW);
    expect(await repos.roles.get(created.id)).toEqual(updated);
    expect(await db.roles.count()).toBe(1);
  });

  it('refuses to update a role that no longer exists, and does not create it', async () => {
    const { db, repos } = freshDb();
    await expect(repos.roles.update('id-404', servingRole)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.roles.count()).toBe(0);
  });

  it('refuses an invalid update and keeps the stored role as it was', async () => {
    const { repos } = freshDb();
    const created = await repos.roles.create(servingRole);
    const issues = await validationIssues(repos.roles.update(created.id, { ...servingRole, title: '' }));
    expect(issues.map((i) => i.path)).toEqual(['title']);
    await expect(repos.roles.update(created.id, { ...servingRole, rubric: { id: BUILTIN_RUBRIC.id, version: 9 } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await repos.roles.get(created.id)).toEqual(created);
  });
});

describe('candidates', () => {
  it('are saved for a role and listed by role, by name', async () => {
    const { repos } = freshDb();
    const serving = await repos.roles.create(servingRole);
    const pipelines = await repos.roles.create(pipelineRole);
    const zoe = await repos.candidates.create({ roleId: serving.id, name: 'Zoe Park', notes: '' });
    const ana = await repos.candidates.create({ roleId: serving.id, name: '  Ana Lopez ', notes: 'Ran Triton.' });
    await repos.candidates.create({ roleId: pipelines.id, name: 'Sam Idowu', notes: '' });
    expect(ana).toEqual({ id: 'id-4', roleId: serving.id, name: 'Ana Lopez', notes: 'Ran Triton.', createdAt: NOW, updatedAt: NOW, rev: expect.stringMatching(/^1-[0-9a-f]{32}$/), revHistory: [] });
    expect((await repos.candidates.listByRole(serving.id)).map((c) => c.name)).toEqual(['Ana Lopez', 'Zoe Park']);
    expect(await repos.candidates.listByRole('id-404')).toEqual([]);
    expect(await repos.candidates.get(zoe.id)).toEqual(zoe);
    expect(await repos.candidates.list()).toHaveLength(3);
  });

  it('need a role that exists on this device; nothing is written otherwise', async () => {
    const { db, repos } = freshDb();
    await expect(repos.candidates.create({ roleId: 'id-404', name: 'Priya Raman', notes: '' })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.candidates.count()).toBe(0);
  });

  it('need a name; nothing is written otherwise', async () => {
    const { db, repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const issues = await validationIssues(repos.candidates.create({ roleId: role.id, name: ' ', notes: '' }));
    expect(issues).toEqual([{ path: 'name', message: 'Name is required.' }]);
    expect(await db.candidates.count()).toBe(0);
  });

  it('can move to another role while they have no loop', async () => {
    const { repos, candidate } = await withCandidate();
    const other = await repos.roles.create(pipelineRole);
    const moved = await repos.candidates.update(candidate.id, { roleId: other.id, name: candidate.name, notes: 'Better fit.' });
    expect(moved.roleId).toBe(other.id);
    expect(moved.notes).toBe('Better fit.');
    expect(moved.createdAt).toBe(candidate.createdAt);
  });

  it('cannot move to another role once they have a loop', async () => {
    const { repos, role, candidate } = await withCandidate();
    const other = await repos.roles.create(pipelineRole);
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    const error = await rejectionOf(repos.candidates.update(candidate.id, { roleId: other.id, name: candidate.name, notes: '' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('the role cannot change');
    expect((await repos.candidates.get(candidate.id))?.roleId).toBe(role.id);
    // Editing the rest of the candidate is still fine.
    const renamed = await repos.candidates.update(candidate.id, { roleId: role.id, name: 'Priya R. Raman', notes: '' });
    expect(renamed.name).toBe('Priya R. Raman');
  });

  it('cannot be updated once gone, nor moved to a role that does not exist', async () => {
    const { repos, candidate } = await withCandidate();
    await expect(repos.candidates.update('id-404', { roleId: candidate.roleId, name: 'X', notes: '' })).rejects.toBeInstanceOf(ConflictError);
    await expect(repos.candidates.update(candidate.id, { roleId: 'id-404', name: 'X', notes: '' })).rejects.toBeInstanceOf(ConflictError);
    expect(await repos.candidates.get(candidate.id)).toEqual(candidate);
  });
});

describe('a candidate’s loop', () => {
  it('stamps each interview with the role and the rubric version the role uses', async () => {
    const { repos, role, candidate } = await withCandidate();
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: ' Ana Lopez ', plannedAt: '2026-11-05T10:00' });
    expect(interview).toEqual({
      id: 'id-3',
      candidateId: candidate.id,
      roleId: role.id,
      rubric: { id: BUILTIN_RUBRIC.id, version: 1 },
      interviewerName: 'Ana Lopez',
      plannedAt: '2026-11-05T10:00',
      createdAt: NOW,
      rev: expect.stringMatching(/^1-[0-9a-f]{32}$/),
      revHistory: [],
    });
    expect(await repos.interviews.get(interview.id)).toEqual(interview);
  });

  it('keeps the rubric version it was planned with when the role moves to a new one', async () => {
    const { db, repos, candidate, role } = await withCandidate();
    const first = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await db.rubrics.add({ ...structuredClone(BUILTIN_RUBRIC), version: 2 });
    await repos.roles.update(role.id, { ...servingRole, rubric: { id: BUILTIN_RUBRIC.id, version: 2 } });
    const second = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ben Okafor', plannedAt: '' });
    expect((await repos.interviews.get(first.id))?.rubric.version).toBe(1);
    expect(second.rubric.version).toBe(2);
  });

  it('lists the loop in the order the interviews happen', async () => {
    const { repos, candidate } = await withCandidate();
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Unplanned', plannedAt: '' });
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Afternoon', plannedAt: '2026-11-05T15:00' });
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Morning', plannedAt: '2026-11-05T09:00' });
    expect((await repos.interviews.listByCandidate(candidate.id)).map((i) => i.interviewerName)).toEqual([
      'Morning',
      'Afternoon',
      'Unplanned',
    ]);
  });

  it('refuses the same interviewer twice, however the name is typed, and writes nothing', async () => {
    const { db, repos, candidate } = await withCandidate();
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    const error = await rejectionOf(repos.interviews.addToLoop(candidate.id, { interviewerName: 'ana  LOPEZ', plannedAt: '' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('already on the loop');
    expect(await db.interviews.count()).toBe(1);
  });

  it('lets the same interviewer join another candidate’s loop', async () => {
    const { repos, role, candidate } = await withCandidate();
    const other = await repos.candidates.create({ roleId: role.id, name: 'Sam Idowu', notes: '' });
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await repos.interviews.addToLoop(other.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    expect(await repos.interviews.listByCandidate(other.id)).toHaveLength(1);
  });

  it('refuses a candidate that does not exist, and a planned time that is not one', async () => {
    const { db, repos, candidate } = await withCandidate();
    await expect(repos.interviews.addToLoop('id-404', { interviewerName: 'Ana Lopez', plannedAt: '' })).rejects.toBeInstanceOf(ConflictError);
    const issues = await validationIssues(repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: 'soon' }));
    expect(issues.map((i) => i.path)).toEqual(['plannedAt']);
    expect(await db.interviews.count()).toBe(0);
  });

  it('removes an interview that has no scorecard', async () => {
    const { db, repos, candidate } = await withCandidate();
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await repos.interviews.removeFromLoop(interview.id);
    expect(await repos.interviews.get(interview.id)).toBeUndefined();
    expect(await db.interviews.count()).toBe(0);
  });

  it('keeps an interview that has a scorecard, so no evidence is lost', async () => {
    const { db, repos, candidate } = await withCandidate();
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await db.scorecards.add(scorecardFor(interview));
    const error = await rejectionOf(repos.interviews.removeFromLoop(interview.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toContain('has a scorecard');
    expect(await repos.interviews.get(interview.id)).toEqual(interview);
    expect(await db.scorecards.count()).toBe(1);
  });
});

describe('what is stored on this device', () => {
  it('counts every kind of record, starting from the three built-in rubrics alone', async () => {
    const { db, repos } = freshDb();
    expect(await repos.storage.counts()).toEqual({ roles: 0, candidates: 0, interviews: 0, scorecards: 0, debriefs: 0, rubrics: 3 });
    const role = await repos.roles.create(servingRole);
    const candidate = await repos.candidates.create({ roleId: role.id, name: 'Priya Raman', notes: '' });
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ben Okafor', plannedAt: '' });
    await db.scorecards.add(scorecardFor(interview));
    await expect(repos.roles.create({ ...servingRole, title: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(await repos.storage.counts()).toEqual({ roles: 1, candidates: 1, interviews: 2, scorecards: 1, debriefs: 0, rubrics: 3 });
  });
});

describe('reading rows that do not pass the schema', () => {
  // Rows can reach the database without a repository (an old bug, a hand-edited backup): reads
  // must refuse them rather than hand the UI something the rules say cannot exist.
  it('refuses to list roles when a stored role is invalid', async () => {
    const { db, repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    await db.roles.put({ ...role, id: 'broken', title: '' });
    await expect(repos.roles.list()).rejects.toThrow('Title is required.');
    await expect(repos.roles.get('broken')).rejects.toThrow();
    expect(await repos.roles.get(role.id)).toEqual(role);
  });

  it('refuses to list candidates when a stored candidate is invalid', async () => {
    const { db, repos, candidate } = await withCandidate();
    await db.candidates.put({ ...candidate, id: 'broken', name: 'n'.repeat(500) });
    await expect(repos.candidates.list()).rejects.toThrow();
    await expect(repos.candidates.listByRole(candidate.roleId)).rejects.toThrow();
  });

  it('refuses to list a loop when a stored interview is invalid', async () => {
    const { db, repos, candidate } = await withCandidate();
    const interview = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await db.interviews.put({ ...interview, id: 'broken', interviewerName: 'Ben Okafor', plannedAt: 'next Tuesday' });
    await expect(repos.interviews.listByCandidate(candidate.id)).rejects.toThrow();
  });

  it('refuses to list rubrics when a stored rubric has its recommendation scale out of order', async () => {
    const { db, repos } = freshDb();
    const broken = structuredClone(BUILTIN_RUBRIC);
    broken.version = 2;
    broken.recommendationScale = [...RECOMMENDATIONS].reverse().map((value) => ({ value, label: value }));
    await db.rubrics.add(broken);
    await expect(repos.rubrics.list()).rejects.toThrow();
    await expect(repos.rubrics.get(BUILTIN_RUBRIC.id, 2)).rejects.toThrow();
    expect(await repos.rubrics.get(BUILTIN_RUBRIC.id, 1)).toEqual(BUILTIN_RUBRIC);
  });
});
