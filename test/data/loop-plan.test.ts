import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/data/validation';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { ML_SYSTEM_DESIGN_RUBRIC, ROLLBACK_SCENARIO_RUBRIC } from '../../src/domain/builtin-rubric-library';
import type { LoopSlot, RoleInput } from '../../src/domain/role';
import type { Scorecard } from '../../src/domain/scorecard';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { forgeFile } from '../helpers/forge';
import type { Rubric } from '../../src/domain/rubric';

const incident = { id: BUILTIN_RUBRIC.id, version: 1 };
const design = { id: ML_SYSTEM_DESIGN_RUBRIC.id, version: 1 };
const rollback = { id: ROLLBACK_SCENARIO_RUBRIC.id, version: 1 };
const threeInterviews: LoopSlot[] = [
  { key: 's1', rubric: incident },
  { key: 's2', rubric: design },
  { key: 's3', rubric: rollback },
];
const plannedRole: RoleInput = { ...servingRole, loopPlan: threeInterviews };

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

async function withPlannedCandidate(input: RoleInput = plannedRole) {
  const { db, repos } = freshDb();
  const role = await repos.roles.create(input);
  const candidate = await repos.candidates.create({ roleId: role.id, name: 'Priya Raman', notes: '' });
  return { db, repos, role, candidate };
}

function draftScorecard(id: string, interview: { id: string; candidateId: string; roleId: string; interviewerName: string; rubric: { id: string; version: number } }): Scorecard {
  return {
    id,
    interviewId: interview.id,
    candidateId: interview.candidateId,
    roleId: interview.roleId,
    rubric: interview.rubric,
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
    submittedAt: null,
    contentHash: null,
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
  };
}

describe('a role’s loop plan on this device', () => {
  it('is saved with the role, and kept when an edit does not mention it', async () => {
    const { repos, role } = await withPlannedCandidate();
    expect((await repos.roles.get(role.id))?.loopPlan).toEqual(threeInterviews);
    await repos.roles.update(role.id, { ...servingRole, title: 'Staff MLOps Engineer, Serving' });
    const saved = await repos.roles.get(role.id);
    expect(saved?.title).toBe('Staff MLOps Engineer, Serving');
    expect(saved?.loopPlan).toEqual(threeInterviews);
  });

  it('can be changed: reordered, shortened, or moved to another rubric', async () => {
    const { repos, role } = await withPlannedCandidate();
    const reordered = [threeInterviews[2], threeInterviews[0]] as LoopSlot[];
    await repos.roles.update(role.id, { ...plannedRole, rubric: rollback, loopPlan: reordered });
    expect((await repos.roles.get(role.id))?.loopPlan).toEqual(reordered);
  });

  it('refuses a planned interview on a rubric version not on this device, and writes nothing', async () => {
    const { db, repos, role } = await withPlannedCandidate();
    const missing = [...threeInterviews, { key: 's4', rubric: { id: ML_SYSTEM_DESIGN_RUBRIC.id, version: 7 } }];
    const error = await rejectionOf(repos.roles.update(role.id, { ...plannedRole, loopPlan: missing }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe('Interview 4 of the loop plan uses the rubric ml-system-design version 7, which is not on this device.');
    expect((await repos.roles.get(role.id))?.loopPlan).toEqual(threeInterviews);
    const created = await rejectionOf(repos.roles.create({ ...plannedRole, loopPlan: [{ key: 's1', rubric: { id: 'no-such-rubric', version: 1 } }] }));
    expect(created).toBeInstanceOf(ConflictError);
    expect(await db.roles.count()).toBe(1);
  });

  it('refuses an empty plan, thirteen interviews and two slots with one key, with the reason', async () => {
    const { repos, role } = await withPlannedCandidate();
    const empty = await rejectionOf(repos.roles.update(role.id, { ...plannedRole, loopPlan: [] }));
    expect(empty.message).toContain('A loop plan has at least one interview.');
    const thirteen = Array.from({ length: 13 }, (_, i) => ({ key: `s${i + 1}`, rubric: incident }));
    expect((await rejectionOf(repos.roles.update(role.id, { ...plannedRole, loopPlan: thirteen }))).message).toContain('at most 12 interviews');
    const twice = [{ key: 's2', rubric: incident }, { key: 's2', rubric: design }];
    expect((await rejectionOf(repos.roles.update(role.id, { ...plannedRole, loopPlan: twice }))).message).toContain('its own key');
    expect((await repos.roles.get(role.id))?.loopPlan).toEqual(threeInterviews);
  });

  it('counts the candidates of the role who have a scorecard, draft or submitted', async () => {
    const { db, repos, role, candidate } = await withPlannedCandidate();
    expect(await repos.roles.countCandidatesWithScorecards(role.id)).toBe(0);
    const other = await repos.candidates.create({ roleId: role.id, name: 'Sam Idowu', notes: '' });
    const ana = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    const ben = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ben Okafor', plannedAt: '' });
    const cleo = await repos.interviews.addToLoop(other.id, { interviewerName: 'Cleo Park', plannedAt: '' });
    await db.scorecards.bulkAdd([draftScorecard('sc-1', ana), draftScorecard('sc-2', ben)]);
    expect(await repos.roles.countCandidatesWithScorecards(role.id)).toBe(1);
    await db.scorecards.add(draftScorecard('sc-3', cleo));
    expect(await repos.roles.countCandidatesWithScorecards(role.id)).toBe(2);
    expect(await repos.roles.countCandidatesWithScorecards('another-role')).toBe(0);
  });
});

describe('adding an interviewer to a planned loop', () => {
  it('gives each new interviewer the next interview of the plan, then starts a second round', async () => {
    const { repos, candidate } = await withPlannedCandidate();
    const names = ['Ana Lopez', 'Ben Okafor', 'Cleo Park', 'Dev Shah'];
    const added = [];
    for (const interviewerName of names) added.push(await repos.interviews.addToLoop(candidate.id, { interviewerName, plannedAt: '' }));
    expect(added.map((i) => i.rubric)).toEqual([incident, design, rollback, incident]);
  });

  it('runs the interview asked for, when the plan has it', async () => {
    const { repos, candidate } = await withPlannedCandidate();
    const first = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '', rubric: rollback });
    expect(first.rubric).toEqual(rollback);
    const second = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ben Okafor', plannedAt: '' });
    expect(second.rubric).toEqual(incident);
  });

  it('refuses a rubric the plan does not have, even one on this device, and writes nothing', async () => {
    const { db, repos, candidate } = await withPlannedCandidate({ ...servingRole, loopPlan: [{ key: 's1', rubric: incident }, { key: 's2', rubric: design }] });
    const error = await rejectionOf(repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '', rubric: rollback }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe('This rubric is not one of the interviews planned for this role. Choose one of the role’s planned interviews, or change the role’s loop plan first.');
    const notARef = await rejectionOf(repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '', rubric: { id: '', version: 0 } }));
    expect(notARef).not.toBeInstanceOf(ConflictError);
    expect(await db.interviews.count()).toBe(0);
  });

  it('keeps the rubric of interviews already planned when the plan changes, and follows the new plan from then on', async () => {
    const { repos, role, candidate } = await withPlannedCandidate();
    const ana = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await repos.roles.update(role.id, { ...plannedRole, rubric: design, loopPlan: [{ key: 's2', rubric: design }, { key: 's4', rubric: rollback }] });
    expect((await repos.interviews.get(ana.id))?.rubric).toEqual(incident);
    const ben = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ben Okafor', plannedAt: '' });
    expect(ben.rubric).toEqual(design);
    const again = await rejectionOf(repos.interviews.addToLoop(candidate.id, { interviewerName: 'Cleo Park', plannedAt: '', rubric: incident }));
    expect(again).toBeInstanceOf(ConflictError);
  });

  it('runs every interview on the role’s rubric when the role has no plan of its own', async () => {
    const { repos, candidate } = await withPlannedCandidate(servingRole);
    const ana = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    const ben = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'Ben Okafor', plannedAt: '', rubric: incident });
    expect([ana.rubric, ben.rubric]).toEqual([incident, incident]);
  });
});

describe('a loop file of a planned role', () => {
  /** The team's own version 2 of the ML system design: on the manager's device only. */
  const teamDesign: Rubric = {
    ...structuredClone(ML_SYSTEM_DESIGN_RUBRIC),
    id: 'team-ml-design-2',
    version: 2,
    basedOn: design,
    author: 'Dana',
    builtIn: false,
    title: 'ML system design (serving)',
    createdAt: '2026-11-01T09:00:00.000Z',
  };
  const teamRef = { id: teamDesign.id, version: 2 };

  async function managerWithOneInterviewer() {
    const device = freshDb();
    await device.db.rubrics.add(teamDesign);
    const role = await device.repos.roles.create({ ...servingRole, loopPlan: [{ key: 's1', rubric: incident }, { key: 's2', rubric: teamRef }] });
    const candidate = await device.repos.candidates.create({ roleId: role.id, name: 'Linh Nguyễn', notes: '' });
    await device.repos.interviews.addToLoop(candidate.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
    const { json } = await device.repos.imports.buildLoopFile(candidate.id, '0.1.0');
    return { ...device, role, candidate, json };
  }

  it('carries every rubric version of the plan, so an interviewer added on the other device finds theirs', async () => {
    const manager = await managerWithOneInterviewer();
    expect(JSON.parse(manager.json).payload.rubrics.map((r: Rubric) => r.id)).toEqual([incident.id, teamRef.id]);
    const tablet = freshDb();
    const imported = await tablet.repos.imports.importFile('loop.loopcard.json', manager.json);
    expect(imported, JSON.stringify(imported)).toMatchObject({ outcome: 'added' });
    expect(await tablet.repos.rubrics.get(teamRef.id, 2)).toEqual(teamDesign);
    const ingrid = await tablet.repos.interviews.addToLoop(manager.candidate.id, { interviewerName: 'Ingrid Ødegaard', plannedAt: '' });
    expect(ingrid.rubric).toEqual(teamRef);
  });

  it('is refused, with nothing written, when it carries a rubric that neither its interviews nor its role use', async () => {
    const manager = await managerWithOneInterviewer();
    const forged = await forgeFile('loop', manager.json, (file) => {
      (file.rubrics as Rubric[]).push(structuredClone(ROLLBACK_SCENARIO_RUBRIC));
    }, 'all', '');
    const tablet = freshDb();
    const result = await tablet.repos.imports.importFile('loop.loopcard.json', forged);
    expect(result).toMatchObject({ outcome: 'rejected', detail: expect.stringContaining('do not belong together') });
    expect(await tablet.db.roles.count()).toBe(0);
    expect(await tablet.db.interviews.count()).toBe(0);
  });

  it('made before plans travelled (the interviews’ rubrics only) is still taken; an interviewer is added there only on a rubric the device has', async () => {
    const manager = await managerWithOneInterviewer();
    const older = await forgeFile('loop', manager.json, (file) => {
      const rubrics = file.rubrics as Rubric[];
      rubrics.splice(rubrics.findIndex((r) => r.id === teamRef.id), 1);
    }, 'all', '');
    const tablet = freshDb();
    expect(await tablet.repos.imports.importFile('loop.loopcard.json', older)).toMatchObject({ outcome: 'added' });
    expect(await tablet.db.interviews.count()).toBe(1);
    const error = await rejectionOf(tablet.repos.interviews.addToLoop(manager.candidate.id, { interviewerName: 'Ingrid Ødegaard', plannedAt: '' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe('This interview’s rubric (team-ml-design-2 version 2) is not on this device. Import a fresh loop file or the rubric’s file first.');
    expect(await tablet.db.interviews.count()).toBe(1);
    const ingrid = await tablet.repos.interviews.addToLoop(manager.candidate.id, { interviewerName: 'Ingrid Ødegaard', plannedAt: '', rubric: incident });
    expect(ingrid.rubric).toEqual(incident);
  });
});
