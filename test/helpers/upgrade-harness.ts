import Dexie from 'dexie';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { BUILTIN_RUBRIC_LIBRARY } from '../../src/domain/builtin-rubric-library';
import { SHIPPED_DB_VERSIONS, type FrozenDbVersion } from '../fixtures/db-schema';

/** Rows to write straight into the tables of an old database, by table name. */
export type FixtureRows = Readonly<Record<string, readonly object[]>>;

/**
 * The store declarations an installed copy of the app at `version` made, and no later one, from the
 * frozen literals (never from today's SCHEMA_HISTORY, which is what is under test).
 */
export function stepsUpTo(version: number): readonly FrozenDbVersion[] {
  if (!SHIPPED_DB_VERSIONS.some((step) => step.version === version)) {
    throw new Error(
      `Database version ${version} was never shipped, or its frozen declaration is missing from test/fixtures/db-schema.ts (it has ${SHIPPED_DB_VERSIONS.map((s) => s.version).join(', ')}).`,
    );
  }
  return SHIPPED_DB_VERSIONS.filter((step) => step.version <= version);
}

/**
 * Builds the database as the app at `version` left it: a plain Dexie declaring only the frozen
 * versions up to that one (as Dexie's own upgrade tests do), seeded on creation like the app seeds
 * it, then the fixture rows written into its raw tables (no repositories: today's rules are not the
 * rules the old rows were written under). Closed, so the next open is the upgrade.
 */
export async function openAtVersion(name: string, version: number, rows: FixtureRows = {}): Promise<void> {
  const db = new Dexie(name);
  for (const step of stepsUpTo(version)) db.version(step.version).stores({ ...step.stores });
  // What LoopcardDb does on first open. The built-in rubric is imported rather than frozen: it is
  // itself append-only (a change is a new rubric version), and shipped version 1 added this one.
  // The built-in rubrics as that version stored them: before database version 4 without an agenda,
  // before version 5 without a lineage, and from version 5 with the library's two.
  const { agenda: _agenda, lineage: _lineage, basedOn: _basedOn, author: _author, ...withoutLibrary } = BUILTIN_RUBRIC;
  const { lineage: _l, basedOn: _b, author: _a, ...withAgenda } = BUILTIN_RUBRIC;
  const seeded = version < 4 ? [withoutLibrary] : version < 5 ? [withAgenda] : [BUILTIN_RUBRIC, ...BUILTIN_RUBRIC_LIBRARY];
  db.on('populate', (tx) => {
    void tx.table('rubrics').bulkAdd(seeded);
  });
  try {
    await db.open();
    const tables = Object.keys(rows);
    if (tables.length > 0) {
      await db.transaction('rw', tables, async () => {
        for (const table of tables) {
          await db.table(table).bulkAdd([...(rows[table] ?? [])]);
        }
      });
    }
  } finally {
    db.close();
  }
}
