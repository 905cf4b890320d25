import { describe, expect, it } from 'vitest';
import { createStartRepositories } from '../../src/data/start-repositories';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { decide, submitLoop } from '../helpers/decided';

const NOW = new Date('2026-11-02T09:00:00.000Z');

describe('what the first screen reads, before the rest of the app has loaded', () => {
  it('lists roles newest first with each one’s candidates and search clock, in one read', async () => {
    const { db, repos } = freshDb({ now: NOW });
    const older = await repos.roles.create({ ...servingRole, title: 'Older role', openedOn: '2026-10-05', targetCloseWeeks: 6 });
    const newer = await repos.roles.create({ ...servingRole, title: 'Newer role', openedOn: '2026-10-26', targetCloseWeeks: 6 });
    await db.roles.update(newer.id, { updatedAt: '2026-11-02T09:00:01.000Z' });
    for (const name of ['Priya Raman', 'Linh Nguyễn']) await repos.candidates.create({ name, roleId: older.id, notes: '' });

    const start = createStartRepositories(db, () => NOW);
    const overview = await start.roles.overview();
    expect(overview.roles.map((r) => r.title)).toEqual(['Newer role', 'Older role']);
    expect(overview.candidateCounts.get(older.id)).toBe(2);
    expect(overview.candidateCounts.get(newer.id)).toBeUndefined();
    expect(overview.searches.get(older.id)).toMatchObject({ state: 'open', text: 'Week 5 of 6' });
    expect(overview.searches.get(newer.id)).toMatchObject({ state: 'open', text: 'Week 2 of 6' });
    // The full repositories answer from the same reads.
    expect(await repos.roles.list()).toEqual(overview.roles);
    expect(await repos.roles.searches()).toEqual(overview.searches);
  });

  it('closes a role’s search on its first accepted offer, naming who accepted', async () => {
    const { db, repos } = freshDb({ now: NOW });
    const role = await repos.roles.create({ ...servingRole, openedOn: '2026-10-05', targetCloseWeeks: 6 });
    const linh = await repos.candidates.create({ name: 'Linh Nguyễn', roleId: role.id, notes: '' });
    await repos.interviews.addToLoop(linh.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
    await submitLoop(repos, linh.id);
    await decide(repos, linh.id, 'hire');
    await repos.debriefs.recordOffer(linh.id, 'accepted');

    const overview = await createStartRepositories(db, () => NOW).roles.overview();
    expect(overview.searches.get(role.id)).toMatchObject({ state: 'closed', candidateId: linh.id, weeks: 4 });
    expect((await repos.pipeline.candidatePipeline(linh.id))?.closedBy).toEqual({ candidateId: linh.id, name: 'Linh Nguyễn' });
  });

  it('answers on a new device with nothing in it, and reads whether a team server is set', async () => {
    const { db } = freshDb({ now: NOW });
    const start = createStartRepositories(db, () => NOW);
    expect(await start.roles.overview()).toEqual({ roles: [], searches: new Map(), candidateCounts: new Map() });
    expect(await start.settings.teamServerConfigured()).toBe(false);
    await db.settings.put({ key: 'teamServer', value: { address: 'https://loops.example.org/couchdb/' } });
    expect(await start.settings.teamServerConfigured()).toBe(true);
    await db.settings.put({ key: 'teamServer', value: 'not an object' });
    expect(await start.settings.teamServerConfigured()).toBe(false);
  });
});
