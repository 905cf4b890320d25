import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFirstRead } from '../../src/app/first-read-start';
import { CURRENT_DB_VERSION } from '../../src/data/db-version';
import { servingRole } from '../fixtures/roles';
import { freshDb } from '../helpers/db';

const NOW = new Date('2026-11-02T09:00:00.000Z');

/** Another tab opening the database at the next version; resolves once it has. */
function upgradeElsewhere(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, CURRENT_DB_VERSION * 10 + 1);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onblocked = () => reject(new Error('The upgrade was blocked.'));
    request.onerror = () => reject(request.error);
  });
}

/** A database as the app leaves it, with one role, and no connection of the test's left open. */
async function databaseWithOneRole(): Promise<string> {
  const { db, repos } = freshDb({ now: NOW });
  await repos.roles.create({ ...servingRole });
  db.close();
  return db.name;
}

describe('the first read, as index.html starts it', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the roles list on the list’s addresses, and keeps the answer for the first render', async () => {
    const name = await databaseWithOneRole();
    for (const path of ['/', '/roles']) {
      const started = startFirstRead(path, { name, now: () => NOW });
      const answer = await started.promise;
      expect(answer?.roles.roles.map((r) => r.title)).toEqual([servingRole.title]);
      expect(started.settled).toEqual({ value: answer });
      started.release();
    }
  });

  it('opens nothing on any other screen: those read through the repositories', async () => {
    const open = vi.spyOn(indexedDB, 'open');
    const showSnapshot = vi.fn(() => true);
    const started = startFirstRead('/candidates/c-1', {}, showSnapshot);
    expect(await started.promise).toBeNull();
    expect(started.settled).toEqual({ value: null });
    expect(open).not.toHaveBeenCalled();
    // The roles list as last drawn is never put on another screen.
    expect(showSnapshot).not.toHaveBeenCalled();
    expect(started.snapshotShown).toBe(false);
  });

  it('puts the roles list as last drawn on screen on the list’s addresses, when there is one', async () => {
    const name = await databaseWithOneRole();
    const shown = startFirstRead('/roles', { name, now: () => NOW }, () => true);
    const none = startFirstRead('/', { name, now: () => NOW }, () => false);
    const devServer = startFirstRead('/roles', { name, now: () => NOW });
    expect([shown, none, devServer].map((started) => started.snapshotShown)).toEqual([true, false, false]);
    for (const started of [shown, none, devServer]) {
      await started.promise;
      started.release();
    }
  });

  it('says when another tab upgrades before the app’s own connection opens, and stays quiet after', async () => {
    const name = await databaseWithOneRole();
    const heard: string[] = [];
    const early = startFirstRead('/roles', { name, now: () => NOW });
    void early.versionChanged.then(() => heard.push('upgraded in another tab'));
    await early.promise;
    await upgradeElsewhere(name);
    await vi.waitFor(() => expect(heard).toEqual(['upgraded in another tab']));
  });

  it('lets go of its connection once released, so an upgrade is not kept waiting and nothing is said', async () => {
    const name = await databaseWithOneRole();
    const heard: string[] = [];
    const started = startFirstRead('/roles', { name, now: () => NOW });
    void started.versionChanged.then(() => heard.push('upgraded in another tab'));
    await started.promise;
    started.release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await upgradeElsewhere(name);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(heard).toEqual([]);
  });
});
