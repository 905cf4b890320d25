import Dexie, { type Table, type Transaction } from 'dexie';
import type { Role } from '../domain/role';
import type { Candidate } from '../domain/candidate';
import type { Rubric } from '../domain/rubric';
import type { RubricDraft } from '../domain/rubric-draft';
import type { Interview } from '../domain/interview';
import type { Scorecard } from '../domain/scorecard';
import type { Debrief } from '../domain/debrief';
import type { Screen } from '../domain/screen';
import type { IncomingConflict } from '../domain/incoming-records';
import { BUILTIN_RUBRIC_KEYS } from '../domain/builtin-rubric-keys';
import { CURRENT_DB_VERSION, DEFAULT_DB_NAME } from './db-version';

export { CURRENT_DB_VERSION, DEFAULT_DB_NAME };

export type SchemaStep = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
};

/**
 * Every version this app has shipped, oldest first. Append only: a shipped step is never edited,
 * a change is a new step whose upgrade returns its promise. Tests open each older version with
 * fixture data and then the current code (test/data/upgrade.test.ts).
 */
export const SCHEMA_HISTORY: readonly SchemaStep[] = [
  {
    version: 1,
    stores: {
      roles: 'id, updatedAt',
      candidates: 'id, roleId, updatedAt',
      rubrics: '[id+version], id',
      interviews: 'id, candidateId, roleId',
      scorecards: 'id, interviewId, candidateId, roleId',
      debriefs: 'id, &candidateId',
      settings: 'key',
    },
  },
  {
    // Interview mode: one working scorecard per interview (unique), and every submitted revision
    // kept whole beside it. No rows change shape, so there is nothing to migrate.
    version: 2,
    stores: {
      scorecards: 'id, &interviewId, candidateId, roleId',
      scorecardRevisions: '[id+revision], id, interviewId, candidateId',
    },
  },
  {
    // Records a person edits carry a revision (row-migrations.ts), so a copy from another device is
    // placed by its history, never by a clock; copies whose histories diverged wait in `conflicts`
    // until the person chooses.
    version: 3,
    stores: {
      conflicts: 'id, [table+recordId]',
    },
    upgrade: (tx) => upgradeRows(tx, 3),
  },
  {
    // The interview kit: rubrics carry an agenda. No index changes.
    version: 4,
    stores: {},
    upgrade: (tx) => upgradeRows(tx, 4),
  },
  {
    // The rubric library: versions carry their lineage (indexed, to list a rubric's versions), the
    // built-ins Loopcard ships are seeded, and rubric drafts being edited are kept apart from the
    // saved versions, which never change.
    version: 5,
    stores: {
      rubrics: '[id+version], id, lineage',
      rubricDrafts: 'id',
    },
    upgrade: async (tx) => {
      await upgradeRows(tx, 5);
      await seedBuiltInRubrics(tx);
    },
  },
  {
    // Sourcing: a screen per candidate, before the loop (listed by role for the slate's health).
    // Roles may carry the team's stack and the 90-day mission (optional: no row changes).
    version: 6,
    stores: {
      screens: 'id, roleId',
    },
  },
  {
    // Scorecards due: interviews indexed by their planned time (wall-clock text, which sorts as the
    // clock reads), so the due list reads only interviews whose time has come. No rows change.
    version: 7,
    stores: {
      interviews: 'id, candidateId, roleId, plannedAt',
    },
  },
];

/**
 * Adds each built-in rubric the database lacks (the incident review, version 1 as shipped, and the
 * library's); one that is there is never touched. Their text is loaded only here, when one is
 * missing on open and on upgrade, so the first screen never downloads it; `Dexie.waitFor` keeps
 * the transaction open while it loads.
 */
async function seedBuiltInRubrics(tx: Transaction): Promise<void> {
  const [{ BUILTIN_RUBRIC }, { BUILTIN_RUBRIC_LIBRARY }] = await Dexie.waitFor(Promise.all([import('../domain/builtin-rubric'), import('../domain/builtin-rubric-library')]));
  const table = tx.table('rubrics');
  for (const rubric of [BUILTIN_RUBRIC, ...BUILTIN_RUBRIC_LIBRARY]) {
    if (!(await table.get([rubric.id, rubric.version]))) await table.add(rubric);
  }
}

/** Adds the built-in rubrics the database lacks, reading their text only when one is missing. */
function seedMissingBuiltInRubrics(db: Dexie): Promise<void> {
  return db.transaction('rw', 'rubrics', async (tx) => {
    const present = await tx.table('rubrics').bulkGet(BUILTIN_RUBRIC_KEYS.map(([id, version]) => [id, version]));
    if (present.some((row) => row === undefined)) await seedBuiltInRubrics(tx);
  });
}

/**
 * Runs the row step of a database version over the tables it names, inside the upgrade
 * transaction. The migrations load only here (an upgrade is rare), so the first screen does not
 * download them; `Dexie.waitFor` keeps the transaction open while they load.
 */
async function upgradeRows(tx: Transaction, databaseVersion: number): Promise<unknown> {
  const { migrateRow, rowStep } = await Dexie.waitFor(import('../domain/row-migrations'));
  const step = rowStep(databaseVersion);
  return Promise.all(
    Object.keys(step.tables).map((table) =>
      tx
        .table(table)
        .toCollection()
        .modify((row: unknown, ref: { value: unknown }) => {
          ref.value = migrateRow(step, table, row);
        }),
    ),
  );
}

// The first screen reads the database at CURRENT_DB_VERSION before this code loads: the history
// and that number must agree.
if (SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]?.version !== CURRENT_DB_VERSION) {
  throw new Error(`db-version.ts says version ${CURRENT_DB_VERSION}, but the schema history ends elsewhere.`);
}

export type Setting = { key: string; value: unknown };

export class LoopcardDb extends Dexie {
  declare roles: Table<Role, string>;
  declare candidates: Table<Candidate, string>;
  declare rubrics: Table<Rubric, [string, number]>;
  declare interviews: Table<Interview, string>;
  declare scorecards: Table<Scorecard, string>;
  declare scorecardRevisions: Table<Scorecard, [string, number]>;
  declare debriefs: Table<Debrief, string>;
  declare settings: Table<Setting, string>;
  declare conflicts: Table<IncomingConflict, string>;
  /** Candidates' screens, keyed by the candidate's id. */
  declare screens: Table<Screen, string>;
  /** Rubric versions being edited: autosaved like scorecards, saved as a new version when done. */
  declare rubricDrafts: Table<RubricDraft, string>;

  constructor(name: string, steps: readonly SchemaStep[] = SCHEMA_HISTORY) {
    super(name);
    applySchemaSteps(this, steps);
    // The built-in rubrics are added on open when any is missing (the first open, a new built-in);
    // a rubric already there is never edited. The transaction is created before any other call
    // goes through, so a read or write of rubrics waits for it, while reads of other tables (the
    // first screen's) do not.
    this.on('ready', (vipDb) => void seedMissingBuiltInRubrics(vipDb).catch(() => undefined), true);
  }
}

export function applySchemaSteps(db: Dexie, steps: readonly SchemaStep[]): void {
  for (const step of steps) {
    const version = db.version(step.version).stores(step.stores);
    if (step.upgrade) version.upgrade(step.upgrade);
  }
}

/**
 * Calls `listener` each time a write to one of `tables` is asked of the database: every add, put,
 * update and delete, in bulk or not, whichever repository or tab asks (before it commits, so also
 * for one that then fails). Added before the database opens.
 */
export function onTablesWritten(db: Dexie, tables: readonly string[], listener: () => void): void {
  db.use({
    stack: 'dbcore',
    name: `written:${tables.join('+')}`,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!tables.includes(name)) return table;
        return {
          ...table,
          mutate: (request) => {
            listener();
            return table.mutate(request);
          },
        };
      },
    }),
  });
}

/** A database per name: the app uses the default, each test its own. */
export function createDb(name: string = DEFAULT_DB_NAME): LoopcardDb {
  return new LoopcardDb(name);
}
