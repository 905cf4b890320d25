import { LoopcardDb, SCHEMA_HISTORY } from '../../src/data/db';

/** Rows to write straight into the tables of an old database, by table name. */
export type FixtureRows = Readonly<Record<string, readonly object[]>>;

/** The schema steps an installed copy of the app at `version` would have declared, and no later one. */
export function stepsUpTo(version: number) {
  if (!SCHEMA_HISTORY.some((step) => step.version === version)) {
    throw new Error(`Database version ${version} was never shipped (SCHEMA_HISTORY has ${SCHEMA_HISTORY.map((s) => s.version).join(', ')}).`);
  }
  return SCHEMA_HISTORY.filter((step) => step.version <= version);
}

/**
 * Builds the database as the app at `version` left it: creates `name` with only the steps up to
 * that version, writes the fixture rows into its raw tables (no repositories: today's rules are
 * not the rules the old rows were written under), and closes it, so the next open is the upgrade.
 */
export async function openAtVersion(name: string, version: number, rows: FixtureRows = {}): Promise<void> {
  const db = new LoopcardDb(name, stepsUpTo(version));
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
