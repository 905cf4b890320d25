import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { readFirstScreen } from '../../src/data/first-screen-read';
import { CURRENT_DB_VERSION } from '../../src/data/db-version';
import { SCHEMA_HISTORY, applySchemaSteps } from '../../src/data/db';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';
import { decide, submitLoop } from '../helpers/decided';

const NOW = new Date('2026-11-02T09:00:00.000Z');
const read = (name: string) => readFirstScreen({ name, now: () => NOW });

describe('what the first screen reads at start, straight from IndexedDB', () => {
  it('lists roles newest first with each one’s candidates and search clock, as the repositories do', async () => {
    const { db, repos } = freshDb({ now: NOW });
    const older = await repos.roles.create({ ...servingRole, title: 'Older role', openedOn: '2026-10-05', targetCloseWeeks: 6 });
    const newer = await repos.roles.create({ ...servingRole, title: 'Newer role', openedOn: '2026-10-26', targetCloseWeeks: 6 });
    await db.roles.update(newer.id, { updatedAt: '2026-11-02T09:00:01.000Z' });
    for (const name of ['Priya Raman', 'Linh Nguyễn']) await repos.candidates.create({ name, roleId: older.id, notes: '' });

    const first = await read(db.name);
    expect(first?.roles.roles.map((r) => r.title)).toEqual(['Newer role', 'Older role']);
    expect(first?.roles.candidateCounts.get(older.id)).toBe(2);
    expect(first?.roles.candidateCounts.get(newer.id)).toBeUndefined();
    expect(first?.roles.searches.get(older.id)).toMatchObject({ state: 'open', text: 'Week 5 of 6' });
    expect(first?.roles.searches.get(newer.id)).toMatchObject({ state: 'open', text: 'Week 2 of 6' });
    // The repositories answer the same from the same rule.
    expect(await repos.roles.overview()).toEqual(first?.roles);
    expect(await repos.roles.list()).toEqual(first?.roles.roles);
    expect(await repos.roles.searches()).toEqual(first?.roles.searches);
  });

  it('closes a role’s search on its first accepted offer, naming who accepted', async () => {
    const { db, repos } = freshDb({ now: NOW });
    const role = await repos.roles.create({ ...servingRole, openedOn: '2026-10-05', targetCloseWeeks: 6 });
    const linh = await repos.candidates.create({ name: 'Linh Nguyễn', roleId: role.id, notes: '' });
    await repos.interviews.addToLoop(linh.id, { interviewerName: 'Karel Dvořák', plannedAt: '' });
    await submitLoop(repos, linh.id);
    await decide(repos, linh.id, 'hire');
    await repos.debriefs.recordOffer(linh.id, 'accepted');

    const first = await read(db.name);
    expect(first?.roles.searches.get(role.id)).toMatchObject({ state: 'closed', candidateId: linh.id, weeks: 4 });
    expect(await repos.roles.overview()).toEqual(first?.roles);
  });

  it('reads whether a team server is set', async () => {
    const { db } = freshDb({ now: NOW });
    await db.open();
    expect((await read(db.name))?.teamServerConfigured).toBe(false);
    await db.settings.put({ key: 'teamServer', value: { address: 'https://loops.example.org/couchdb/' } });
    expect((await read(db.name))?.teamServerConfigured).toBe(true);
    await db.settings.put({ key: 'teamServer', value: 'not an object' });
    expect((await read(db.name))?.teamServerConfigured).toBe(false);
  });

  it('answers an empty list on a new device, and creates no database (the app’s open does, with its schema)', async () => {
    const name = `never-opened-${Math.random().toString(36).slice(2)}`;
    expect(await read(name)).toEqual({ roles: { roles: [], searches: new Map(), candidateCounts: new Map() }, teamServerConfigured: false });
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('leaves a database due an upgrade to the app’s open, and the open is not kept waiting', async () => {
    const name = `older-${Math.random().toString(36).slice(2)}`;
    const old = new Dexie(name);
    applySchemaSteps(old, SCHEMA_HISTORY.slice(0, CURRENT_DB_VERSION - 1));
    await old.open();
    old.close();
    expect(await read(name)).toBeNull();
    const { createDb } = await import('../../src/data/db');
    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    db.close();
  });

  it('holds its connection until the app’s opens, letting go and saying so when another tab upgrades', async () => {
    const { db, repos } = freshDb({ now: NOW });
    await repos.roles.create({ ...servingRole });
    db.close();
    let release: () => void = () => undefined;
    const heard: string[] = [];
    const first = await readFirstScreen({ name: db.name, now: () => NOW, holdUntil: new Promise<void>((r) => (release = r)), onVersionChange: () => heard.push('upgraded elsewhere') });
    expect(first?.roles.roles).toHaveLength(1);
    // Another tab opens a newer version: this connection is not in its way.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(db.name, CURRENT_DB_VERSION * 10 + 1);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onblocked = () => reject(new Error('blocked'));
      request.onerror = () => reject(request.error);
    });
    expect(heard).toEqual(['upgraded elsewhere']);
    release();
  });

  it('lets go once the app’s own connection has opened', async () => {
    const { db, repos } = freshDb({ now: NOW });
    await repos.roles.create({ ...servingRole });
    db.close();
    const heard: string[] = [];
    await readFirstScreen({ name: db.name, now: () => NOW, holdUntil: Promise.resolve(), onVersionChange: () => heard.push('upgraded elsewhere') });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const version = await new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(db.name, CURRENT_DB_VERSION * 10 + 1);
      request.onsuccess = () => {
        resolve(request.result.version);
        request.result.close();
      };
      request.onerror = () => reject(request.error);
    });
    expect(version).toBe(CURRENT_DB_VERSION * 10 + 1);
    expect(heard).toEqual([]);
  });

  it('answers null when IndexedDB refuses, so the app’s own open reports it', async () => {
    const refusing = { open: () => { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } } as unknown as IDBFactory;
    expect(await readFirstScreen({ factory: refusing })).toBeNull();
  });
});
