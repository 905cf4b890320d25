import type { Table } from 'dexie';
import { INCOMING_TABLES, emptyRecords, planIncoming, type IncomingPlan, type IncomingTable, type PlanContext, type Records } from '../domain/incoming-records';
import { ERASED_CANDIDATE_PREFIX, erasedCandidateMarks, setAsideErased, type SetAside } from '../domain/erased-candidates';
import type { LoopcardDb } from './db';

/**
 * Moves records between the database and the one rule set for incoming records: what this device
 * holds that an arrival could touch, and the writes of a plan. Call both inside one transaction
 * over `incomingTables(db)`, so the plan is made and applied on the same state.
 */

export function incomingTables(db: LoopcardDb): Table[] {
  return [db.roles, db.candidates, db.rubrics, db.interviews, db.scorecards, db.scorecardRevisions, db.debriefs, db.screens, db.settings, db.conflicts] as Table[];
}

/** Every row on this device (for a backup restore, which may touch any of them). */
export async function readAllRecords(db: LoopcardDb): Promise<Records> {
  const [roles, candidates, rubrics, interviews, scorecards, scorecardRevisions, debriefs, screens, settings] = await Promise.all([
    db.roles.toArray(),
    db.candidates.toArray(),
    db.rubrics.toArray(),
    db.interviews.toArray(),
    db.scorecards.toArray(),
    db.scorecardRevisions.toArray(),
    db.debriefs.toArray(),
    db.screens.toArray(),
    db.settings.toArray(),
  ]);
  return { roles, candidates, rubrics, interviews, scorecards, scorecardRevisions, debriefs, screens, settings };
}

const unique = (values: Iterable<string>) => [...new Set(values)];

/**
 * The rows an arrival could touch or depend on: the same keys, and everything of the candidates it
 * names (their loops, scorecards, revisions and debriefs), their roles, and every rubric.
 */
export async function readRecordsFor(db: LoopcardDb, incoming: Records): Promise<Records> {
  const candidateIds = unique([
    ...incoming.candidates.map((c) => c.id),
    ...incoming.interviews.map((i) => i.candidateId),
    ...incoming.scorecards.map((s) => s.candidateId),
    ...incoming.scorecardRevisions.map((s) => s.candidateId),
    ...incoming.debriefs.map((d) => d.candidateId),
    ...incoming.screens.map((s) => s.candidateId),
  ]);
  const [candidates, interviewsOfCandidates, interviewsById, cardsOfCandidates, cardsById, revisionsOfCandidates, revisionsById, debriefsOfCandidates, debriefsById, screensOfCandidates, rubrics, settings] = await Promise.all([
    db.candidates.bulkGet(candidateIds),
    db.interviews.where('candidateId').anyOf(candidateIds).toArray(),
    db.interviews.bulkGet(unique(incoming.interviews.map((i) => i.id))),
    db.scorecards.where('candidateId').anyOf(candidateIds).toArray(),
    db.scorecards.bulkGet(unique([...incoming.scorecards, ...incoming.scorecardRevisions].map((s) => s.id))),
    db.scorecardRevisions.where('candidateId').anyOf(candidateIds).toArray(),
    db.scorecardRevisions.where('id').anyOf(unique(incoming.scorecardRevisions.map((s) => s.id))).toArray(),
    db.debriefs.where('candidateId').anyOf(candidateIds).toArray(),
    db.debriefs.bulkGet(unique(incoming.debriefs.map((d) => d.id))),
    db.screens.bulkGet(candidateIds),
    db.rubrics.toArray(),
    db.settings.bulkGet(unique(incoming.settings.map((s) => s.key))),
  ]);
  const present = <T>(rows: readonly (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
  const byKey = <T>(rows: readonly T[], keyOf: (row: T) => string) => [...new Map(rows.map((r) => [keyOf(r), r])).values()];
  const localCandidates = present(candidates);
  const roleIds = unique([...incoming.roles.map((r) => r.id), ...incoming.candidates.map((c) => c.roleId), ...incoming.interviews.map((i) => i.roleId), ...localCandidates.map((c) => c.roleId)]);
  return {
    ...emptyRecords(),
    roles: present(await db.roles.bulkGet(roleIds)),
    candidates: localCandidates,
    rubrics,
    interviews: byKey([...interviewsOfCandidates, ...present(interviewsById)], (i) => i.id),
    scorecards: byKey([...cardsOfCandidates, ...present(cardsById)], (s) => s.id),
    scorecardRevisions: byKey([...revisionsOfCandidates, ...revisionsById], (s) => `${s.id}#${s.revision}`),
    debriefs: byKey([...debriefsOfCandidates, ...present(debriefsById)], (d) => d.id),
    screens: present(screensOfCandidates),
    settings: present(settings),
  };
}

export type ArrivalPlan = { ok: true; plan: IncomingPlan; setAside: SetAside[] } | { ok: false; reason: string; setAside: SetAside[] };

/**
 * The one door every arrival takes (files, backups, the team server): the records of candidates
 * erased on this device are set aside first (an erased candidate never comes back), then the rest
 * goes through the incoming-records rules against this device's rows: those it could touch, or
 * (`every`, for a backup) all of them. Call inside one transaction over `incomingTables(db)`.
 */
export async function planArrival(db: LoopcardDb, incoming: Records, context: PlanContext, rows: 'touched' | 'every' = 'touched'): Promise<ArrivalPlan> {
  const remembered = await db.settings.where('key').startsWith(ERASED_CANDIDATE_PREFIX).toArray();
  // An arrival that carries erasures (a backup made after one) counts too.
  const { kept, setAside } = setAsideErased(incoming, erasedCandidateMarks([...remembered, ...incoming.settings]));
  const local = rows === 'every' ? await readAllRecords(db) : await readRecordsFor(db, kept);
  const planned = planIncoming(local, kept, context);
  return { ...planned, setAside };
}

/** Writes a plan's adds and updates, and the copies that wait for the person's choice. */
export async function applyPlan(db: LoopcardDb, plan: IncomingPlan): Promise<void> {
  for (const table of INCOMING_TABLES) {
    const rows = plan.writes[table];
    if (rows.length > 0) await (db[table] as Table<Records[IncomingTable][number]>).bulkPut([...rows]);
  }
  if (plan.conflicts.length > 0) await db.conflicts.bulkPut(plan.conflicts);
}
