import { describe, expect, it } from 'vitest';
import type { Repositories } from '../../src/data/repositories';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import type { RubricVersionRef } from '../../src/domain/rubric';
import type { RubricDraft } from '../../src/domain/rubric-editing';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { scoredLoop } from '../helpers/insights-panel';

const INCIDENT = { id: BUILTIN_RUBRIC.id, version: 1 };

/** Saves a new version of the incident review from `from`, changed by `edit`, and returns its ref. */
async function newVersion(repos: Repositories, from: RubricVersionRef, edit: (draft: RubricDraft) => RubricDraft): Promise<RubricVersionRef> {
  const draft = await repos.rubricLibrary.createDraft(from, 'new-version');
  await repos.rubricLibrary.saveDraft(edit(draft), draft.updatedAt);
  const saved = await repos.rubricLibrary.saveVersion(draft.id, 'Dana Whitfield');
  return { id: saved.id, version: saved.version };
}

describe('insights read from the device', () => {
  it('shows a role of four loops of three: alpha per dimension, and the lenient interviewer', async () => {
    const { repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    for (const [i, level] of ([1, 2, 3, 1] as const).entries()) await scoredLoop(repos, role.id, `Candidate ${i + 1}`, level);
    // A second role with one loop, and an unsubmitted scorecard: neither counts for the first.
    const other = await repos.roles.create({ ...servingRole, title: 'Pipeline owner' });
    const lone = await repos.candidates.create({ name: 'Ada Byron', roleId: other.id, notes: '' });
    const draft = await repos.interviews.addToLoop(lone.id, { interviewerName: 'Ana Lopez', plannedAt: '' });
    await repos.scorecards.openForInterview(draft.id);

    const view = await repos.insights.insights();
    expect(view.roles).toEqual([{ roleId: role.id, title: servingRole.title, scorecards: 12 }]);
    const group = view.chosen?.groups[0];
    expect(view.chosen?.groups).toHaveLength(1);
    expect(group).toMatchObject({ title: 'Production incident review', versions: [1], candidates: 4, candidatesWithPanel: 4, singleInterviewerNote: null });
    expect(group?.dimensions.map((d) => [d.title, d.loops, d.pairable, d.alpha === null ? null : d.alpha.toFixed(2)])).toEqual([
      ['Trigger', 4, 12, '0.66'],
      ['Diagnosis', 4, 12, '0.66'],
      ['Mitigation', 4, 12, '0.66'],
      ['Rollback', 4, 12, '1.00'],
      ['Prevention', 4, 12, '1.00'],
    ]);
    // Where all three gave the same level in every loop, alpha is 1: a figure, not "not enough data".
    expect(group?.dimensions[3]).toMatchObject({ alpha: 1, note: null });
    expect(group?.interviewers.map((i) => [i.interviewerName, i.lean, i.n])).toEqual([
      ['Ana Lopez', 'in line', 20],
      ['Ben Okafor', 'in line', 20],
      ['Linh Nguyễn', 'lenient', 20],
    ]);
    expect(group?.interviewers[2]?.sentence).toMatch(/more lenient/);
  });

  it('pools rubric versions with identical scored content, and keeps a version with a changed anchor apart', async () => {
    const { repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const reworded = await newVersion(repos, INCIDENT, (d) => ({ ...d, prompt: 'Walk us through a production ML incident you owned, from the first signal on.' }));
    const reanchored = await newVersion(repos, reworded, (d) => ({ ...d, dimensions: d.dimensions.map((x) => (x.key === 'rollback' ? { ...x, anchors: { ...x.anchors, 2: 'A path back existed but took hours.' } } : x)) }));

    await scoredLoop(repos, role.id, 'Candidate 1', 2);
    await scoredLoop(repos, role.id, 'Candidate 2', 3);
    await repos.roles.update(role.id, { ...servingRole, rubric: reworded });
    await scoredLoop(repos, role.id, 'Candidate 3', 1);
    await scoredLoop(repos, role.id, 'Candidate 4', 3);
    await repos.roles.update(role.id, { ...servingRole, rubric: reanchored });
    await scoredLoop(repos, role.id, 'Candidate 5', 2);

    const groups = (await repos.insights.insights(role.id)).chosen?.groups ?? [];
    expect(groups.map((g) => [g.title, g.versions, g.candidates])).toEqual([
      ['Production incident review', [1, 2], 4],
      ['Production incident review', [3], 1],
    ]);
    expect(groups[0]?.dimensions[0]).toMatchObject({ loops: 4, pairable: 12, note: null });
    expect(groups[0]?.dimensions[0]?.alpha).not.toBeNull();
    expect(groups[1]?.dimensions.every((d) => d.alpha === null && /^Not enough data: 1 loop/.test(d.note ?? ''))).toBe(true);
  });

  it('chooses the role asked for, and is empty on a device with no submitted scorecards', async () => {
    const { repos } = freshDb();
    expect(await repos.insights.insights()).toEqual({ roles: [], chosen: null });
    const big = await repos.roles.create(servingRole);
    const small = await repos.roles.create({ ...servingRole, title: 'Pipeline owner' });
    await scoredLoop(repos, big.id, 'Candidate 1', 2);
    await scoredLoop(repos, big.id, 'Candidate 2', 3);
    await scoredLoop(repos, small.id, 'Candidate 3', 2);
    expect((await repos.insights.insights()).chosen?.roleId).toBe(big.id);
    expect((await repos.insights.insights(small.id)).chosen).toMatchObject({ roleId: small.id, scorecards: 3 });
    // A role that is gone (or has nothing submitted) falls back to the busiest.
    expect((await repos.insights.insights('no-such-role')).chosen?.roleId).toBe(big.id);
  });
});
