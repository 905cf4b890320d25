import { describe, expect, it } from 'vitest';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { candidateThroughDebrief } from '../helpers/decided';
import { contentOf } from '../../src/domain/scorecard';

describe('the list of candidates to debrief', () => {
  it('lists only candidates with a submitted scorecard, with how many interviewers submitted, their role and debrief', async () => {
    const { repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const waiting = await repos.candidates.create({ name: 'Ana Lopez', roleId: role.id, notes: '' });
    await repos.interviews.addToLoop(waiting.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
    const decided = await candidateThroughDebrief(repos, role.id, 'Linh Nguyễn', 'hire');
    const gathered = await candidateThroughDebrief(repos, role.id, 'Jonas Weiß');

    const rows = await repos.debriefs.listGathered();
    expect(rows.map((r) => [r.candidate.name, r.role?.title, r.submitted, r.debrief?.decision ?? null])).toEqual([
      ['Jonas Weiß', role.title, 2, null],
      ['Linh Nguyễn', role.title, 2, 'hire'],
    ]);
    expect(rows.some((r) => r.candidate.id === waiting.id)).toBe(false);
    expect(decided.id).not.toBe(gathered.id);
  });

  it('counts an amended scorecard once', async () => {
    const { repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const candidate = await candidateThroughDebrief(repos, role.id, 'Linh Nguyễn');
    const [interview] = await repos.interviews.listByCandidate(candidate.id);
    if (!interview) throw new Error('no interview');
    const card = await repos.scorecards.openForInterview(interview.id);
    const amended = await repos.scorecards.amend(card.id, 'Added the rollback detail I left out.');
    await repos.scorecards.submit(amended.id, contentOf(amended), amended.editVersion);
    expect((await repos.scorecards.listForCandidate(candidate.id)).revisions).toHaveLength(3);
    expect((await repos.debriefs.listGathered())[0]?.submitted).toBe(2);
  });
});
