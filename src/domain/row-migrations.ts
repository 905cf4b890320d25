import { reviseRecord } from './revision';
import { defaultAgenda } from './rubric';

/**
 * How a stored row of one shape becomes the next: one pure function per entity per step, shared by
 * the database upgrade (src/data/db.ts) and every file format that embeds the entity, so a file
 * from an older version and a database from an older version end up with the same rows.
 *
 * Recipe (README, "Changing an entity"): add a step here with the new database version, a
 * `SCHEMA_HISTORY` entry whose upgrade calls `upgradeRows(step)`, and one file-format step per
 * format that embeds the entity, calling `migrateRow`.
 */
export type RowMigration = (row: Record<string, unknown>) => Record<string, unknown>;

export type RowStep = {
  /** The database version this step upgrades to. */
  databaseVersion: number;
  /** What the step does, for the people who read the code. */
  change: string;
  /** Per table (database table names), the migration of one row. */
  tables: Readonly<Record<string, RowMigration>>;
};

/** A row written before records had revisions gets its first one, the same on every device. */
const addRevision: RowMigration = (row) => ('rev' in row && 'revHistory' in row ? row : reviseRecord(row, null));

/** A rubric written before the interview kit gets the default agenda for its dimensions. */
const addAgenda: RowMigration = (row) => {
  if ('agenda' in row || !Array.isArray(row.dimensions)) return row;
  const dimensions = (row.dimensions as unknown[]).filter((d): d is { key: string; title: string } => d !== null && typeof d === 'object' && typeof (d as { key?: unknown }).key === 'string' && typeof (d as { title?: unknown }).title === 'string');
  return { ...row, agenda: defaultAgenda(dimensions) };
};

/** A rubric written before the library is the first (and only) version of itself. */
const addLineage: RowMigration = (row) => ('lineage' in row ? row : { ...row, lineage: row.id, basedOn: null, author: '' });

export const ROW_STEPS: readonly RowStep[] = [
  {
    databaseVersion: 3,
    change: 'Roles, candidates, interviews and debriefs carry a CouchDB-style revision and its ancestors.',
    tables: { roles: addRevision, candidates: addRevision, interviews: addRevision, debriefs: addRevision },
  },
  {
    databaseVersion: 4,
    change: 'Rubrics carry the interview kit’s agenda (time boxes); scorecards may carry running notes and a paused timer (optional, so submitted hashes still verify).',
    tables: { rubrics: addAgenda },
  },
  {
    databaseVersion: 5,
    change: 'Rubrics are a library of versions: each carries its lineage, the version it was based on and its author. Roles may carry a loop plan (optional: absent means one interview on the role’s rubric, so revisions still verify).',
    tables: { rubrics: addLineage },
  },
  {
    databaseVersion: 6,
    change: 'Roles may carry the team’s stack and the 90-day mission, and candidates a screen (a table of its own). Both optional: no row changes, so every revision still verifies.',
    tables: {},
  },
];

export function rowStep(databaseVersion: number): RowStep {
  const step = ROW_STEPS.find((s) => s.databaseVersion === databaseVersion);
  if (!step) throw new Error(`No row migration for database version ${databaseVersion}.`);
  return step;
}

/** One row through one step; tables the step does not touch pass unchanged. */
export function migrateRow(step: RowStep, table: string, row: unknown): unknown {
  const migrate = step.tables[table];
  if (!migrate || row === null || typeof row !== 'object' || Array.isArray(row)) return row;
  return migrate(row as Record<string, unknown>);
}

/** A list of rows through one step (a file's array of interviews, a backup's table). */
export function migrateRows(step: RowStep, table: string, rows: unknown): unknown {
  return Array.isArray(rows) ? rows.map((row) => migrateRow(step, table, row)) : rows;
}

/**
 * The records a file body embeds, through the row step of one database version. `embeds` maps each
 * field of the body to the table of the record (or list of records) it holds; a format declares it
 * once, and each of its migration steps is then `(body) => migrateBody(body, N, EMBEDS)`.
 */
export function migrateBody(body: unknown, databaseVersion: number, embeds: Readonly<Record<string, string>>): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const step = rowStep(databaseVersion);
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const [field, table] of Object.entries(embeds)) {
    if (field in out) out[field] = Array.isArray(out[field]) ? migrateRows(step, table, out[field]) : migrateRow(step, table, out[field]);
  }
  return out;
}
