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

    const { total, rows } = await repos.debriefs.listGathered({ limit: 50 });
    expect(total).toBe(2);
    // In the candidates list's order (these were all changed at the same moment).
    const order = (await repos.candidates.list()).map((c) => c.name).filter((name) => name !== 'Ana Lopez');
    expect(order).toHaveLength(2);
    const byName = { 'Jonas Weiß': ['Jonas Weiß', role.title, 2, null], 'Linh Nguyễn': ['Linh Nguyễn', role.title, 2, 'hire'] } as Record<string, unknown[]>;
    expect(rows.map((r) => [r.candidate.name, r.role?.title, r.submitted, r.debrief?.decision ?? null])).toEqual(order.map((name) => byName[name]));
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
    expect((await repos.debriefs.listGathered({ limit: 50 })).rows[0]?.submitted).toBe(2);
  });

  it('counts every candidate ready but reads only the first `limit`, most recently changed first', async () => {
    const { db, repos } = freshDb();
    const role = await repos.roles.create(servingRole);
    const names = ['Ana Lopez', 'Ben Okafor', 'Chen Wei'];
    for (const name of names) await candidateThroughDebrief(repos, role.id, name);
    // Changed most recently: first, whatever order they were added in.
    const ana = (await repos.candidates.list()).find((c) => c.name === 'Ana Lopez');
    if (!ana) throw new Error('no candidate');
    await db.candidates.update(ana.id, { updatedAt: '2026-11-03T09:00:00.000Z' });

    const firstTwo = await repos.debriefs.listGathered({ limit: 2 });
    expect(firstTwo.total).toBe(3);
    expect(firstTwo.rows.map((r) => r.candidate.name)).toEqual(['Ana Lopez', expect.any(String)]);
    const all = await repos.debriefs.listGathered({ limit: 50 });
    expect(all.rows.map((r) => r.candidate.name).sort()).toEqual(names);
    expect(all.rows.slice(0, 2)).toEqual(firstTwo.rows);
    expect(await repos.debriefs.listGathered({ limit: 0 })).toEqual({ total: 3, rows: [] });
    expect(await repos.debriefs.listGathered({ limit: -5 })).toEqual({ total: 3, rows: [] });
  });
});
