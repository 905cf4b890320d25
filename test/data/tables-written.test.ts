import { describe, expect, it, vi } from 'vitest';
import { createDb, onTablesWritten } from '../../src/data/db';
import { createRepositories } from '../../src/data/repositories';
import { ROLES_LIST_TABLES } from '../../src/data/roles-list-tables';
import { servingRole } from '../fixtures/roles';

let counter = 0;

/** A database watched as the app watches its own: every write to the roles list's tables is heard. */
function watchedDb() {
  const db = createDb(`loopcard-written-${++counter}-${Math.random().toString(36).slice(2)}`);
  const written = vi.fn();
  onTablesWritten(db, ROLES_LIST_TABLES, written);
  let id = 0;
  const repos = createRepositories(db, { now: () => new Date('2026-12-01T09:00:00.000Z'), newId: () => `id-${++id}` });
  return { db, repos, written };
}

describe('writes to the roles list’s tables', () => {
  it('are heard for a role or candidate added, edited and erased, and for the example data', async () => {
    const { repos, written } = watchedDb();
    const role = await repos.roles.create(servingRole);
    expect(written).toHaveBeenCalled();

    written.mockClear();
    const candidate = await repos.candidates.create({ name: 'Ana Pereira', roleId: role.id, notes: '' });
    expect(written).toHaveBeenCalled();

    written.mockClear();
    await repos.candidates.update(candidate.id, { name: 'Ana P. Pereira', roleId: role.id, notes: '' });
    expect(written).toHaveBeenCalled();

    written.mockClear();
    await repos.erasure.eraseCandidate(candidate.id);
    expect(written).toHaveBeenCalled();

    written.mockClear();
    await repos.exampleData.create();
    expect(written).toHaveBeenCalled();
  });

  it('are heard for bulk writes and clears made straight on the tables', async () => {
    const { db, written } = watchedDb();
    await db.open();
    written.mockClear();
    await db.debriefs.bulkPut([]);
    await db.roles.clear();
    await db.candidates.where('roleId').equals('none').delete();
    expect(written.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('are not heard for reads, nor for writes to other tables', async () => {
    const { db, repos, written } = watchedDb();
    await db.open();
    written.mockClear();
    await repos.roles.list();
    await db.candidates.toArray();
    await db.settings.put({ key: 'example', value: 1 });
    await db.scorecards.clear();
    expect(written).not.toHaveBeenCalled();
  });
});
