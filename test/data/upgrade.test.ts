import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CURRENT_DB_VERSION, SCHEMA_HISTORY, createDb } from '../../src/data/db';
import { createRepositories, type Repositories } from '../../src/data/repositories';
import { BUILTIN_RUBRIC } from '../../src/domain/builtin-rubric';
import { DB_V1_ROWS } from '../fixtures/db-v1';
import { DB_V2_ROWS } from '../fixtures/db-v2';
import { DB_V3_ROWS } from '../fixtures/db-v3';
import { DB_V4_ROWS } from '../fixtures/db-v4';
import { DB_V5_ROWS } from '../fixtures/db-v5';
import { DB_V6_ROWS } from '../fixtures/db-v6';
import { DB_V7_ROWS } from '../fixtures/db-v7';
import { SHIPPED_DB_VERSIONS } from '../fixtures/db-schema';
import { openAtVersion, stepsUpTo, type FixtureRows } from '../helpers/upgrade-harness';

/**
 * One frozen fixture per shipped database version. Adding a version to SCHEMA_HISTORY means adding
 * test/fixtures/db-vN.ts and one line here; the first test fails until that is done.
 */
const FIXTURES_BY_VERSION: Readonly<Record<number, FixtureRows>> = {
  1: DB_V1_ROWS,
  2: DB_V2_ROWS,
  3: DB_V3_ROWS,
  4: DB_V4_ROWS,
  5: DB_V5_ROWS,
  6: DB_V6_ROWS,
  7: DB_V7_ROWS,
};

/** How each table's rows are read back through the repositories (and so through today's schemas). */
const READ_BACK: Readonly<Record<string, (repos: Repositories, id: string) => Promise<unknown>>> = {
  roles: (repos, id) => repos.roles.get(id),
  candidates: (repos, id) => repos.candidates.get(id),
  interviews: (repos, id) => repos.interviews.get(id),
  scorecards: (repos, id) => repos.scorecards.get(id),
  scorecardRevisions: async (repos, id) => (await repos.scorecards.listRevisions(id)).at(-1),
  rubrics: async (repos, id) => (await repos.rubrics.list()).find((r) => r.id === id),
  screens: (repos, id) => repos.sourcing.getScreen(id),
};

function idOf(row: object): string {
  if (!('id' in row) || typeof row.id !== 'string') throw new Error(`Fixture row without a string id: ${JSON.stringify(row)}`);
  return row.id;
}

let dbCounter = 0;
const uniqueName = (version: number) => `loopcard-upgrade-from-v${version}-${++dbCounter}-${Math.random().toString(36).slice(2)}`;

/** What version an existing database is at, opened without declaring any schema. */
async function installedVersion(name: string): Promise<number> {
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } finally {
    probe.close();
  }
}

describe('upgrading a database written by an earlier version of the app', () => {
  it('has a frozen fixture for every version the app has shipped', () => {
    expect(SCHEMA_HISTORY.length).toBeGreaterThan(0);
    for (const step of SCHEMA_HISTORY) {
      expect(FIXTURES_BY_VERSION[step.version], `test/fixtures/db-v${step.version}.ts`).toBeDefined();
    }
    expect(CURRENT_DB_VERSION).toBe(SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]?.version);
  });

  it('declares versions in ascending order, so filtering by version gives an installable prefix', () => {
    const versions = SCHEMA_HISTORY.map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('cannot build a version that was never shipped', () => {
    expect(() => stepsUpTo(CURRENT_DB_VERSION + 1)).toThrow('was never shipped');
  });

  describe.each(SCHEMA_HISTORY.map((step) => step.version))('from version %i', (version) => {
    const rows = FIXTURES_BY_VERSION[version] ?? {};

    async function upgradedFrom() {
      const name = uniqueName(version);
      await openAtVersion(name, version, rows);
      const before = await installedVersion(name);
      const db = createDb(name);
      await db.open();
      return { db, repos: createRepositories(db), before };
    }

    it('installs the old version first, then opens it at the current version', async () => {
      const { db, before } = await upgradedFrom();
      try {
        expect(before).toBe(version);
        // Dexie reports the declared version; IndexedDB itself stores it multiplied by ten.
        expect(db.verno).toBe(CURRENT_DB_VERSION);
        expect(db.backendDB().version).toBe(CURRENT_DB_VERSION * 10);
      } finally {
        db.close();
      }
    });

    it('keeps every fixture row, readable through the repositories', async () => {
      const { db, repos } = await upgradedFrom();
      try {
        const tables = Object.keys(rows);
        expect(tables.length).toBeGreaterThan(0);
        for (const table of tables) {
          const read = READ_BACK[table];
          if (!read) throw new Error(`No way to read back the "${table}" table; add it to READ_BACK.`);
          const tableRows = rows[table] ?? [];
          // The rubrics table also holds the built-ins every database starts with.
          if (table === 'rubrics') expect(await db.table(table).count(), table).toBeGreaterThanOrEqual(tableRows.length);
          else expect(await db.table(table).count(), table).toBe(tableRows.length);
          for (const row of tableRows) {
            // A later upgrade may add fields to old rows; one that changes or drops what the user
            // wrote must say so here, for the version concerned.
            expect(await read(repos, idOf(row)), `${table} ${idOf(row)}`).toMatchObject(row);
          }
        }
      } finally {
        db.close();
      }
    });

    it('still lists everything, and still has the built-in rubric exactly once', async () => {
      const { db, repos } = await upgradedFrom();
      try {
        const roles = await repos.roles.list();
        const candidates = await repos.candidates.list();
        expect(roles).toHaveLength(rows.roles?.length ?? 0);
        expect(candidates).toHaveLength(rows.candidates?.length ?? 0);
        const loops = await Promise.all(candidates.map((c) => repos.interviews.listByCandidate(c.id)));
        expect(loops.flat()).toHaveLength(rows.interviews?.length ?? 0);
        const builtins = (await repos.rubrics.list()).filter((r) => r.id === BUILTIN_RUBRIC.id && r.version === 1);
        expect(builtins).toEqual([BUILTIN_RUBRIC]);
      } finally {
        db.close();
      }
    });

    it('accepts new work on the old rows, with the rules and indexes of today', async () => {
      const { db, repos } = await upgradedFrom();
      try {
        const [candidate] = await repos.candidates.list();
        if (!candidate) throw new Error(`The v${version} fixture needs a candidate.`);
        const loop = await repos.interviews.listByCandidate(candidate.id);
        const [existing] = loop;
        if (!existing) throw new Error(`The v${version} fixture needs an interview.`);
        await expect(
          repos.interviews.addToLoop(candidate.id, { interviewerName: existing.interviewerName.toUpperCase(), plannedAt: '' }),
        ).rejects.toThrow('already on the loop');
        const added = await repos.interviews.addToLoop(candidate.id, { interviewerName: 'New Interviewer', plannedAt: '' });
        expect(added.roleId).toBe(candidate.roleId);
        expect(await repos.interviews.listByCandidate(candidate.id)).toHaveLength(loop.length + 1);
      } finally {
        db.close();
      }
    });
  });
});

/** A store as Dexie declares it: its primary key, then its indexes, each as written ('&' unique, '[a+b]' compound). */
function parseStore(spec: string): { primKey: string; indexes: string[] } {
  const [primKey = '', ...indexes] = spec.split(',').map((part) => part.trim());
  return { primKey, indexes };
}

/** The stores as an installed database really has them, read back by a Dexie that declares nothing. */
async function installedStores(name: string): Promise<Record<string, { primKey: string; indexes: string[] }>> {
  const probe = new Dexie(name);
  try {
    await probe.open();
    return Object.fromEntries(probe.tables.map((t) => [t.name, { primKey: t.schema.primKey.src, indexes: t.schema.indexes.map((i) => i.src).sort() }]));
  } finally {
    probe.close();
  }
}

describe('the shipped database versions, frozen in test/fixtures/db-schema.ts', () => {
  it('every shipped database version is declared exactly as it shipped', () => {
    expect(SHIPPED_DB_VERSIONS.length).toBeGreaterThan(0);
    for (const frozen of SHIPPED_DB_VERSIONS) {
      const step = SCHEMA_HISTORY.find((s) => s.version === frozen.version);
      expect(step, `SCHEMA_HISTORY has no version ${frozen.version}, which has shipped`).toBeDefined();
      // Editing a shipped version leaves installed copies with the old indexes: add a version instead.
      expect(step?.stores, `SCHEMA_HISTORY version ${frozen.version} was edited after it shipped`).toStrictEqual(frozen.stores);
    }
  });

  it('has a frozen declaration for every version in SCHEMA_HISTORY', () => {
    expect(SHIPPED_DB_VERSIONS.map((v) => v.version), 'add the new version to test/fixtures/db-schema.ts').toEqual(SCHEMA_HISTORY.map((s) => s.version));
  });

  it('gives a version 1 database opened by today\'s code the indexes today\'s code declares', async () => {
    const name = uniqueName(1);
    await openAtVersion(name, 1, DB_V1_ROWS);
    const db = createDb(name);
    await db.open();
    const declared = Object.fromEntries(db.tables.map((t) => [t.name, { primKey: t.schema.primKey.src, indexes: t.schema.indexes.map((i) => i.src).sort() }]));
    db.close();
    const installed = await installedStores(name);

    expect(installed).toEqual(declared);
    // The constraints the app relies on, spelled out: one working scorecard per interview, one
    // debrief per candidate, a revision kept per (scorecard, revision), a rubric per (id, version).
    expect(installed.scorecards?.indexes).toContain('&interviewId');
    expect(installed.debriefs?.indexes).toContain('&candidateId');
    expect(installed.scorecardRevisions?.primKey).toBe('[id+revision]');
    expect(installed.rubrics?.primKey).toBe('[id+version]');
    // Every index a shipped version declared is still there (a later version that drops one on
    // purpose says so here).
    const shipped = new Map<string, string>();
    for (const frozen of SHIPPED_DB_VERSIONS) {
      for (const [table, spec] of Object.entries(frozen.stores)) {
        if (spec === null) shipped.delete(table);
        else shipped.set(table, spec);
      }
    }
    expect(shipped.size).toBeGreaterThan(0);
    for (const [table, spec] of shipped) {
      const { primKey, indexes } = parseStore(spec);
      expect(installed[table]?.primKey, `${table} primary key`).toBe(primKey);
      expect(installed[table]?.indexes, `${table} indexes`).toEqual(expect.arrayContaining(indexes));
    }
  });
});

describe('database version 4: the interview kit', () => {
  it('gives every rubric stored before it the default agenda of its own dimensions, and the built-in one its shipped agenda', async () => {
    const name = uniqueName(3);
    const { agenda: _agenda, ...withoutAgenda } = BUILTIN_RUBRIC;
    const teamRubric = { ...withoutAgenda, id: 'team-review', version: 1, title: 'Team review', builtIn: false, dimensions: BUILTIN_RUBRIC.dimensions.slice(0, 2) };
    await openAtVersion(name, 3, { rubrics: [teamRubric] });
    const db = createDb(name);
    await db.open();
    try {
      const repos = createRepositories(db);
      expect(await repos.rubrics.get(BUILTIN_RUBRIC.id, 1)).toEqual(BUILTIN_RUBRIC);
      const team = await repos.rubrics.get('team-review', 1);
      expect(team?.agenda.map((a) => [a.key, a.minutes, a.dimensionKey])).toEqual([
        ['opening', 5, null],
        ['dimension-trigger', 8, 'trigger'],
        ['dimension-diagnosis', 8, 'diagnosis'],
        ['closing', 5, null],
      ]);
    } finally {
      db.close();
    }
  });
});

describe('database version 5: the rubric library', () => {
  it('makes every rubric stored before it the first version of itself, and adds the built-ins Loopcard now ships', async () => {
    const name = uniqueName(4);
    const { lineage: _l, basedOn: _b, author: _a, ...before } = BUILTIN_RUBRIC;
    const teamRubric = { ...before, id: 'team-review', version: 1, title: 'Team review', builtIn: false };
    await openAtVersion(name, 4, { rubrics: [teamRubric] });
    const db = createDb(name);
    await db.open();
    try {
      const repos = createRepositories(db);
      expect(await repos.rubrics.get(BUILTIN_RUBRIC.id, 1)).toEqual(BUILTIN_RUBRIC);
      expect(await repos.rubrics.get('team-review', 1)).toMatchObject({ lineage: 'team-review', basedOn: null, author: '', title: 'Team review' });
      const ids = (await repos.rubrics.list()).map((r) => r.id).sort();
      expect(ids).toEqual(['ml-system-design', 'production-incident-review', 'rollback-scenario', 'team-review']);
      // Opening again seeds nothing twice.
      db.close();
      await db.open();
      expect(await db.rubrics.count()).toBe(4);
    } finally {
      db.close();
    }
  });
});

describe('database version 7: interviews by planned time', () => {
  it.each(SCHEMA_HISTORY.map((step) => step.version).filter((v) => v < 7))('indexes the interviews a version %i database holds, so the scorecards due come from it', async (version) => {
    const rows = FIXTURES_BY_VERSION[version] ?? {};
    const [first] = rows.interviews ?? [];
    if (!first) throw new Error(`The v${version} fixture needs an interview.`);
    // One more interview of the same shape, planned and never scored, and one not yet planned.
    const due = { ...first, id: `v${version}-interview-due`, interviewerName: 'Ben Okafor', plannedAt: '2026-10-09T10:00' };
    const unplanned = { ...first, id: `v${version}-interview-unplanned`, interviewerName: 'Chen Wei', plannedAt: '' };
    const name = uniqueName(version);
    await openAtVersion(name, version, { ...rows, interviews: [...(rows.interviews ?? []), due, unplanned] });
    const db = createDb(name);
    await db.open();
    try {
      expect(await db.interviews.where('plannedAt').equals('2026-10-09T10:00').primaryKeys()).toEqual([due.id]);
      const repos = createRepositories(db, { now: () => new Date(2026, 10, 30, 12, 0) });
      const owed = (await repos.due.scorecardsDue()).flatMap((g) => g.interviews.map((i) => [g.interviewerName, i.interviewId]));
      expect(owed).toContainEqual(['Ben Okafor', due.id]);
      expect(owed.map(([, id]) => id)).not.toContain(unplanned.id);
    } finally {
      db.close();
    }
  });
});
