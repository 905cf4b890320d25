import { describe, expect, it } from 'vitest';
import { freshDb } from '../helpers/db';
import { servingRole } from '../fixtures/roles';
import { plannedInstant } from '../../src/domain/scorecards-due';
import { reviseRecord } from '../../src/domain/revision';
import { contentOf } from '../../src/domain/scorecard';

describe('scorecards due on this device', () => {
  it('lists past planned interviews without a submitted scorecard, and drops them once decided', async () => {
    const { db, repos } = freshDb({ now: new Date(plannedInstant('2026-11-30T12:00') as number) });
    const role = await repos.roles.create(servingRole);
    const priya = await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
    await repos.interviews.addToLoop(priya.id, { interviewerName: 'Ana Lopez', plannedAt: '2026-11-28T10:00' });
    await repos.interviews.addToLoop(priya.id, { interviewerName: 'Ben Okafor', plannedAt: '2026-12-03T10:00' });
    await repos.interviews.addToLoop(priya.id, { interviewerName: 'Linh Nguyễn', plannedAt: '' });
    const due = await repos.due.scorecardsDue();
    expect(due.map((g) => [g.interviewerName, g.interviews.map((i) => [i.candidateName, i.overdue])])).toEqual([['Ana Lopez', [['Priya Raman', true]]]]);

    // Once the candidate is decided, a missing scorecard no longer holds anything up.
    const at = '2026-11-30T11:00:00.000Z';
    await db.debriefs.add(reviseRecord({ id: 'd-1', candidateId: priya.id, roleId: role.id, consensus: [], decision: 'more-signal' as const, decidedBy: 'Dana Whitfield', nextStep: 'A second system design interview.', decidedAt: at, createdAt: at, updatedAt: at }));
    expect(await repos.due.scorecardsDue()).toEqual([]);
  });

  it('is empty on a device with no loops', async () => {
    const { repos } = freshDb();
    expect(await repos.due.scorecardsDue()).toEqual([]);
  });

  it('leaves out a submitted scorecard, a time still to come and an unplanned interview, across candidates', async () => {
    const { repos } = freshDb({ now: new Date(plannedInstant('2026-11-30T12:00') as number) });
    const role = await repos.roles.create(servingRole);
    const priya = await repos.candidates.create({ name: 'Priya Raman', roleId: role.id, notes: '' });
    const tomas = await repos.candidates.create({ name: 'Tomás Álvarez', roleId: role.id, notes: '' });
    const submitted = await repos.interviews.addToLoop(priya.id, { interviewerName: 'Ana Lopez', plannedAt: '2026-11-27T10:00' });
    await repos.interviews.addToLoop(priya.id, { interviewerName: 'Ben Okafor', plannedAt: '2026-11-30T11:30' });
    await repos.interviews.addToLoop(tomas.id, { interviewerName: 'ana lopez', plannedAt: '2026-11-29T09:00' });
    // Later today and tomorrow: not yet due.
    await repos.interviews.addToLoop(tomas.id, { interviewerName: 'Linh Nguyễn', plannedAt: '2026-11-30T12:01' });
    await repos.interviews.addToLoop(tomas.id, { interviewerName: 'Karel Dvořák', plannedAt: '2026-12-01T09:00' });
    await repos.interviews.addToLoop(tomas.id, { interviewerName: 'Ingrid Ødegaard', plannedAt: '' });
    const card = await repos.scorecards.openForInterview(submitted.id);
    const content = contentOf(card);
    content.ratings = content.ratings.map((r) => ({ ...r, level: 3, evidence: `Ana Lopez on ${r.dimensionKey}` }));
    content.recommendation = 'yes';
    await repos.scorecards.submit(card.id, content, card.editVersion);

    const due = await repos.due.scorecardsDue();
    expect(due.map((g) => [g.interviewerName, g.interviews.map((i) => [i.candidateName, i.plannedAt, i.overdue])])).toEqual([
      ['ana lopez', [['Tomás Álvarez', '2026-11-29T09:00', true]]],
      ['Ben Okafor', [['Priya Raman', '2026-11-30T11:30', false]]],
    ]);
  });
});
