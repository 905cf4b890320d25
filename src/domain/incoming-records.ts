import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { IdSchema, TimestampSchema, capitalise } from './fields';
import { sha256OfCanonical } from './hash';
import type { Rubric } from './rubric';
import type { Interview } from './interview';
import type { Records } from './records';
import type { Scorecard } from './scorecard';
import { checkArrivingDecision } from './debrief';
import { hashedContent } from './scorecard-rules';
import { compareRevisions, hasConsistentRevision, mergeRevisions, type RevisionFields } from './revision';
import { nameKey, visibleName } from './person-name';
import { SHIPPED_BUILTIN_RUBRICS, checkIncomingRevisions, checkIncomingRubric, checkTimestamp } from './incoming-scorecard';

/**
 * The one set of rules for records that arrive from elsewhere: a scorecard file, a loop file, a
 * decision packet, a backup (and, later, the team server's feed). Given what is on this device and
 * what arrived, it decides per record, re-checking every rule the app enforces when the record is
 * made here (a hash proves the bytes were not damaged, not that the record is legal):
 *
 * - add: not on this device;
 * - same: on this device already, identical;
 * - update: a newer copy (a descendant revision; a later revision or save of a scorecard);
 * - keep-local: an older copy (an ancestor revision): this device's newer work stays;
 * - conflict: both copies were edited apart; both are kept and the person chooses;
 * - refuse: the same identifier with different content that never changes (a rubric version, a
 *   submitted revision, a candidate's role), or any broken rule: then nothing of the arrival is
 *   written.
 *
 * Clocks of different devices are never compared.
 */

export const INCOMING_TABLES = ['roles', 'candidates', 'rubrics', 'interviews', 'scorecards', 'scorecardRevisions', 'debriefs', 'screens', 'settings'] as const;
export type IncomingTable = (typeof INCOMING_TABLES)[number];
export const MUTABLE_TABLES = ['roles', 'candidates', 'interviews', 'debriefs', 'screens'] as const;
export type MutableTable = (typeof MUTABLE_TABLES)[number];

export { emptyRecords, type Records, type Setting } from './records';

/** The key each table stores a row under, as one string. */
export const RECORD_KEY: { [T in IncomingTable]: (row: Records[T][number]) => string } = {
  roles: (r) => r.id,
  candidates: (r) => r.id,
  rubrics: (r) => `${r.id}#${r.version}`,
  interviews: (r) => r.id,
  scorecards: (r) => r.id,
  scorecardRevisions: (r) => `${r.id}#${r.revision}`,
  debriefs: (r) => r.id,
  screens: (r) => r.id,
  settings: (r) => r.key,
};

/** A copy of a record that diverged from this device's; kept until the person chooses. */
export const IncomingConflictSchema = z
  .object({
    id: z.string().min(1).max(200),
    table: z.enum(MUTABLE_TABLES),
    recordId: IdSchema,
    /** The other device's copy, as it arrived (checked again when chosen). */
    incoming: z.record(z.string(), z.unknown()),
    /** Where it came from, in words ("ana-lopez.loopcard.json", "a backup"). */
    source: z.string().max(300),
    receivedAt: TimestampSchema,
  })
  .strict();
export type IncomingConflict = z.infer<typeof IncomingConflictSchema>;

export type RecordAction = 'add' | 'same' | 'update' | 'keep-local' | 'conflict';
export type RecordDecision = { table: IncomingTable; key: string; action: RecordAction; label: string };

export type IncomingPlan = {
  decisions: RecordDecision[];
  /** The rows to write, per table (adds and updates only). */
  writes: { [T in IncomingTable]: Records[T][number][] };
  conflicts: IncomingConflict[];
};

export type PlanResult = { ok: true; plan: IncomingPlan } | { ok: false; reason: string };

export type PlanContext = {
  now: Date;
  /** Where the records came from, for the conflicts list ("ana-lopez.loopcard.json"). */
  source: string;
  /** What brought them, so a refusal speaks of it: a file (or backup), or the team server. The file when absent. */
  sourceKind?: SourceKind;
  /** Rubric versions Loopcard has shipped as built-in (read-only). */
  shippedRubrics?: readonly Rubric[];
};

export type SourceKind = 'file' | 'team-server';

/** The words a refusal uses for where the records came from, and what the person can do. */
const SOURCE_WORDS = {
  file: {
    The: 'The file',
    inThe: 'in the file',
    InThe: 'In the file',
    incomplete: 'The file is incomplete',
    again: 'Ask for a fresh export.',
    handEdited: 'It may have been edited by hand; ask for a fresh export.',
    resubmit: 'Ask the interviewer to submit it and export it again.',
    nothing: 'so nothing was imported. Ask the sender for a fresh export; a changed rubric is saved as a new version.',
  },
  'team-server': {
    The: 'The team server',
    inThe: 'on the team server',
    InThe: 'On the team server',
    incomplete: 'What the team server sent is incomplete',
    again: 'It was not saved on this device; tell the loop’s lead.',
    handEdited: 'It was not saved on this device; tell the loop’s lead.',
    resubmit: 'Only submitted revisions are shared; it was not saved on this device.',
    nothing: 'so it was not saved on this device. Tell the loop’s lead; a changed rubric is saved as a new version.',
  },
} as const satisfies Record<SourceKind, Record<string, string>>;

class Refusal extends Error {}
const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

/**
 * Decides what happens to every arriving record. `local` holds this device's rows that the
 * arrival could touch or depend on (the same keys; the loops, scorecards and debriefs of its
 * candidates; the rubrics they reference), or simply every row.
 */
export function planIncoming(local: Records, incoming: Records, context: PlanContext): PlanResult {
  try {
    return { ok: true, plan: plan(local, incoming, context) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

function byKey<T extends IncomingTable>(table: T, rows: readonly Records[T][number][]): Map<string, Records[T][number]> {
  const keyOf = RECORD_KEY[table] as (row: Records[T][number]) => string;
  return new Map(rows.map((row) => [keyOf(row), row]));
}

function plan(local: Records, incoming: Records, context: PlanContext): IncomingPlan {
  const { now } = context;
  const w = SOURCE_WORDS[context.sourceKind ?? 'file'];
  const shipped = context.shippedRubrics ?? SHIPPED_BUILTIN_RUBRICS;
  const candidateNames = new Map<string, string>([...local.candidates, ...incoming.candidates].map((c) => [c.id, c.name]));
  const nameOf = (candidateId: string) => candidateNames.get(candidateId) ?? 'a candidate';
  const label: { [T in IncomingTable]: (row: Records[T][number]) => string } = {
    roles: (r) => `the role “${r.title}”`,
    candidates: (c) => `the candidate ${c.name}`,
    rubrics: (r) => `the rubric “${visibleName(r.title)}” version ${r.version}`,
    interviews: (i) => `${i.interviewerName}’s interview with ${nameOf(i.candidateId)}`,
    scorecards: (s) => `${s.interviewerName}’s scorecard for ${nameOf(s.candidateId)}`,
    scorecardRevisions: (s) => `${s.interviewerName}’s scorecard for ${nameOf(s.candidateId)}, revision ${s.revision}`,
    debriefs: (d) => `the debrief and decision for ${nameOf(d.candidateId)}`,
    screens: (s) => `the screen of ${nameOf(s.candidateId)}`,
    settings: (s) => `the setting “${s.key}”`,
  };

  // 1. Each record once, and each record legal on its own.
  for (const table of INCOMING_TABLES) {
    const seen = new Set<string>();
    const keyOf = RECORD_KEY[table] as (row: unknown) => string;
    for (const row of incoming[table]) {
      const key = keyOf(row);
      if (seen.has(key)) refuse(`${w.The} lists ${(label[table] as (row: unknown) => string)(row)} twice. ${w.handEdited}`);
      seen.add(key);
    }
  }
  for (const table of MUTABLE_TABLES) {
    for (const row of incoming[table]) {
      const what = (label[table] as (row: unknown) => string)(row);
      if (!hasConsistentRevision(row)) refuse(`${w.InThe}, ${what} does not match its own revision: it was changed after it was saved. ${w.again}`);
      for (const stamp of timestampsOf(row)) {
        const problem = checkTimestamp(stamp, now);
        if (problem) refuse(`${w.InThe}, ${what} has a date that ${problem}. ${w.again}`);
      }
    }
  }
  for (const rubric of incoming.rubrics) {
    const problem = checkIncomingRubric(rubric, shipped);
    if (problem) refuse(problem);
  }
  for (const revision of incoming.scorecardRevisions) {
    if (revision.status !== 'submitted' || revision.contentHash === null) {
      refuse(`${capitalise(label.scorecardRevisions(revision))} is not a submitted revision: it has no hash. ${w.resubmit}`);
    }
    if (sha256OfCanonical(hashedContent(revision)) !== revision.contentHash) {
      refuse(`${capitalise(label.scorecardRevisions(revision))} was changed after it was submitted: its content no longer matches its hash. ${w.again}`);
    }
  }
  for (const debrief of incoming.debriefs) {
    if (debrief.decision !== null && (checkArrivingDecision(debrief).length > 0 || debrief.decidedAt === null)) {
      refuse(`${w.InThe}, ${label.debriefs(debrief)} records a decision without who made it, when, why, or what happens next. ${w.again}`);
    }
  }

  // 2. Each record against this device's copy.
  const decisions: RecordDecision[] = [];
  const writes = { roles: [], candidates: [], rubrics: [], interviews: [], scorecards: [], scorecardRevisions: [], debriefs: [], screens: [], settings: [] } as IncomingPlan['writes'];
  const conflicts: IncomingConflict[] = [];
  const decide = <T extends IncomingTable>(table: T, row: Records[T][number], action: RecordAction, named: Records[T][number] = row) => {
    decisions.push({ table, key: (RECORD_KEY[table] as (r: unknown) => string)(row), action, label: (label[table] as (r: unknown) => string)(named) });
    if (action === 'add' || action === 'update') (writes[table] as unknown[]).push(row);
  };

  const identity: { [T in MutableTable]: (a: Records[T][number], b: Records[T][number]) => string | null } = {
    roles: () => null,
    candidates: (mine, theirs) => (mine.roleId !== theirs.roleId ? `${capitalise(label.candidates(theirs))} is on this device for a different role. A candidate’s role never changes once their loop exists.` : null),
    interviews: (mine, theirs) =>
      mine.candidateId !== theirs.candidateId || mine.roleId !== theirs.roleId || nameKey(mine.interviewerName) !== nameKey(theirs.interviewerName) || mine.rubric.id !== theirs.rubric.id || mine.rubric.version !== theirs.rubric.version
        ? `An interview ${w.inThe} has the same identifier as a different interview on this device (another candidate, interviewer or rubric).`
        : null,
    debriefs: (mine, theirs) => (mine.candidateId !== theirs.candidateId || mine.roleId !== theirs.roleId ? `A debrief ${w.inThe} has the same identifier as the debrief of another candidate on this device.` : null),
    screens: (mine, theirs) => (mine.candidateId !== theirs.candidateId || mine.roleId !== theirs.roleId ? `A screen ${w.inThe} has the same identifier as the screen of another candidate on this device.` : null),
  };
  for (const table of MUTABLE_TABLES) {
    const mineByKey = byKey(table, local[table]);
    for (const theirs of incoming[table] as readonly (Records[typeof table][number])[]) {
      const mine = mineByKey.get(RECORD_KEY[table](theirs as never));
      if (!mine) {
        decide(table, theirs, 'add');
        continue;
      }
      const clash = (identity[table] as (a: unknown, b: unknown) => string | null)(mine, theirs);
      if (clash) refuse(clash);
      const order = compareRevisions(mine as RevisionFields, theirs as RevisionFields);
      if (order === 'same') decide(table, theirs, 'same');
      else if (order === 'incoming-newer') decide(table, theirs, 'update');
      // Named as this device has it: that is the version the person knows and keeps.
      else if (order === 'local-newer') decide(table, theirs, 'keep-local', mine);
      else {
        decide(table, theirs, 'conflict');
        conflicts.push({
          id: `${table}:${theirs.id}:${(theirs as RevisionFields).rev}`,
          table,
          recordId: theirs.id,
          incoming: { ...theirs },
          source: context.source,
          receivedAt: now.toISOString(),
        });
      }
    }
  }

  const localRubrics = byKey('rubrics', local.rubrics);
  for (const rubric of incoming.rubrics) {
    const mine = localRubrics.get(RECORD_KEY.rubrics(rubric));
    if (!mine) decide('rubrics', rubric, 'add');
    else if (canonicalJson(mine) === canonicalJson(rubric)) decide('rubrics', rubric, 'same');
    else {
      const here = mine.title === rubric.title ? '' : ` (here it is called “${visibleName(mine.title)}”)`;
      refuse(
        `The rubric “${visibleName(rubric.title)}”, version ${rubric.version}, ${w.inThe} is a different rubric from the one on this device under the same identifier and version${here}. ` +
          `Scores against different rubrics cannot be compared, ${w.nothing}`,
      );
    }
  }
  const localRevisions = byKey('scorecardRevisions', local.scorecardRevisions);
  for (const revision of incoming.scorecardRevisions) {
    const mine = localRevisions.get(RECORD_KEY.scorecardRevisions(revision));
    if (!mine) decide('scorecardRevisions', revision, 'add');
    else if (mine.contentHash === revision.contentHash && canonicalJson(hashedContent(mine)) === canonicalJson(hashedContent(revision))) decide('scorecardRevisions', revision, 'same');
    else refuse(`${capitalise(label.scorecardRevisions(revision))} differs from the one on this device. A submitted revision never changes; an amendment is a new revision.`);
  }

  // Working copies from a backup: a later revision, or a later save of the same revision, is newer.
  const localCards = byKey('scorecards', local.scorecards);
  const order = (s: Scorecard) => [s.revision, s.status === 'submitted' ? 1 : 0, s.editVersion] as const;
  const newer = (a: Scorecard, b: Scorecard) => {
    const [x, y] = [order(a), order(b)];
    return x[0] !== y[0] ? x[0] > y[0] : x[1] !== y[1] ? x[1] > y[1] : x[2] > y[2];
  };
  for (const card of incoming.scorecards) {
    const mine = localCards.get(card.id);
    if (!mine) decide('scorecards', card, 'add');
    else if (canonicalJson(mine) === canonicalJson(card)) decide('scorecards', card, 'same');
    else if (mine.interviewId !== card.interviewId) refuse(`A scorecard ${w.inThe} has the same identifier as a different scorecard on this device.`);
    else decide('scorecards', card, newer(card, mine) ? 'update' : 'keep-local');
  }
  const localSettings = byKey('settings', local.settings);
  for (const setting of incoming.settings) {
    const mine = localSettings.get(setting.key);
    if (!mine) decide('settings', setting, 'add');
    else decide('settings', setting, canonicalJson(mine.value) === canonicalJson(setting.value) ? 'same' : 'keep-local');
  }

  // 3. What the device holds afterwards, and the rules that need more than one record.
  const after = <T extends IncomingTable>(table: T): Map<string, Records[T][number]> => {
    const rows = byKey(table, local[table]);
    for (const row of writes[table] as Records[T][number][]) rows.set((RECORD_KEY[table] as (r: unknown) => string)(row), row);
    return rows;
  };
  const roles = after('roles');
  const candidates = after('candidates');
  const rubrics = after('rubrics');
  const interviews = after('interviews');
  const revisionsAfter = after('scorecardRevisions');
  const cardsAfter = after('scorecards');
  const rubricOf = (ref: { id: string; version: number }) => rubrics.get(`${ref.id}#${ref.version}`);
  const missing = (what: string, parent: string) => refuse(`${w.incomplete}: ${what} belongs to ${parent} that is neither ${w.inThe} nor on this device.`);

  for (const role of incoming.roles) if (!rubricOf(role.rubric)) missing(label.roles(role), `a rubric (${role.rubric.id} version ${role.rubric.version})`);
  for (const candidate of incoming.candidates) if (!roles.has(candidate.roleId)) missing(label.candidates(candidate), 'a role');
  for (const interview of incoming.interviews) {
    const what = label.interviews(interview);
    const candidate = candidates.get(interview.candidateId);
    if (!candidate) return missing(what, 'a candidate');
    if (!roles.has(interview.roleId)) missing(what, 'a role');
    if (candidate.roleId !== interview.roleId) refuse(`${w.InThe}, ${what} names a different role from the candidate’s.`);
    if (!rubricOf(interview.rubric)) missing(what, `a rubric (${interview.rubric.id} version ${interview.rubric.version})`);
  }
  for (const card of [...incoming.scorecards, ...incoming.scorecardRevisions]) {
    const what = label.scorecards(card);
    const interview = interviews.get(card.interviewId);
    if (!interview) return missing(what, 'an interview');
    if (interview.candidateId !== card.candidateId || interview.roleId !== card.roleId) refuse(`${w.InThe}, ${what} does not belong to its interview’s candidate and role.`);
    if (!rubricOf(card.rubric)) missing(what, `a rubric (${card.rubric.id} version ${card.rubric.version})`);
  }
  for (const debrief of incoming.debriefs) {
    const candidate = candidates.get(debrief.candidateId);
    if (!candidate) return missing(label.debriefs(debrief), 'a candidate');
    if (candidate.roleId !== debrief.roleId) refuse(`${w.InThe}, ${label.debriefs(debrief)} names a different role from the candidate’s.`);
  }
  for (const screen of incoming.screens) {
    const candidate = candidates.get(screen.candidateId);
    if (!candidate) return missing(label.screens(screen), 'a candidate');
    if (candidate.roleId !== screen.roleId) refuse(`${w.InThe}, ${label.screens(screen)} names a different role from the candidate’s.`);
  }

  // One interview per interviewer and candidate (names compared by the one name rule).
  const touchedCandidates = new Set([...incoming.interviews.map((i) => i.candidateId), ...incoming.candidates.map((c) => c.id)]);
  const interviewer = new Map<string, Interview>();
  for (const interview of interviews.values()) {
    if (!touchedCandidates.has(interview.candidateId)) continue;
    const key = `${interview.candidateId}\u0000${nameKey(interview.interviewerName)}`;
    const other = interviewer.get(key);
    if (other && other.id !== interview.id) {
      refuse(`${interview.interviewerName} would have two different interviews with ${nameOf(interview.candidateId)}: one interview per interviewer. It may have been planned twice; remove one on the device that planned it.`);
    }
    interviewer.set(key, interview);
  }
  // One working scorecard per interview.
  const cardFor = new Map<string, Scorecard>();
  for (const card of cardsAfter.values()) {
    const other = cardFor.get(card.interviewId);
    if (other && other.id !== card.id) refuse(`${capitalise(label.scorecards(card))} is for an interview that already has a different scorecard on this device: one scorecard per interview.`);
    cardFor.set(card.interviewId, card);
  }
  // One debrief per candidate.
  const debriefsAfter = after('debriefs');
  const debriefFor = new Map<string, string>();
  for (const debrief of debriefsAfter.values()) {
    const other = debriefFor.get(debrief.candidateId);
    if (other !== undefined && other !== debrief.id) refuse(`${capitalise(label.debriefs(debrief))} ${w.inThe} is a different debrief from the one on this device: one debrief per candidate.`);
    debriefFor.set(debrief.candidateId, debrief.id);
  }

  // A working copy that says it is submitted is exactly one of the submitted revisions.
  for (const card of incoming.scorecards) {
    if (card.status !== 'submitted') continue;
    const revision = revisionsAfter.get(`${card.id}#${card.revision}`);
    if (card.contentHash === null || sha256OfCanonical(hashedContent(card)) !== card.contentHash || !revision || revision.contentHash !== card.contentHash) {
      refuse(`${w.InThe}, ${label.scorecards(card)} does not match its submitted revision ${card.revision}: it was changed after it was submitted. ${w.again}`);
    }
  }

  // Every scorecard that gains a revision: the whole history, as it will stand, obeys the rules of
  // a submission made on this device.
  const grown = new Set(writes.scorecardRevisions.map((r) => r.id));
  for (const id of grown) {
    const history = [...revisionsAfter.values()].filter((r) => r.id === id);
    const first = history[0];
    if (!first) continue;
    const rubric = rubricOf(first.rubric);
    const interview = interviews.get(first.interviewId);
    if (!rubric || !interview) continue; // reported above
    const problem = checkIncomingRevisions({ revisions: history, rubric, interview, now });
    if (problem) refuse(problem);
  }

  // The working copy follows the newest submitted revision unless this device holds a later one.
  // A file older than this device's copy says so.
  if (incoming.scorecards.length === 0) {
    for (const id of new Set(incoming.scorecardRevisions.map((r) => r.id))) {
      const latest = [...revisionsAfter.values()].filter((r) => r.id === id).reduce((a, b) => (b.revision > a.revision ? b : a));
      const theirs = incoming.scorecardRevisions.filter((r) => r.id === id).reduce((a, b) => (b.revision > a.revision ? b : a));
      const mine = localCards.get(id);
      if (!mine) decide('scorecards', latest, 'add');
      else if (mine.revision < latest.revision) decide('scorecards', latest, 'update');
      else if (mine.revision > theirs.revision) decide('scorecards', theirs, 'keep-local');
    }
  }

  return { decisions, writes, conflicts };
}

function timestampsOf(row: object): string[] {
  const stamps: string[] = [];
  for (const key of ['createdAt', 'updatedAt', 'decidedAt'] as const) {
    const value = (row as Record<string, unknown>)[key];
    if (typeof value === 'string') stamps.push(value);
  }
  return stamps;
}


// ——— Summaries ——————————————————————————————————————————————————————————————————————

export type OutcomeStatus = 'added' | 'updated' | 'unchanged' | 'kept-newer' | 'conflict' | 'rejected';

export const OUTCOME_LABELS: Record<OutcomeStatus, string> = {
  added: 'Added',
  updated: 'Updated',
  unchanged: 'Already here',
  'kept-newer': 'Kept newer',
  conflict: 'Needs a choice',
  rejected: 'Refused',
};

/**
 * What an arrival did, in one word and a few sentences. `subject` is the record the file is about
 * (a scorecard, a loop's candidate, a packet's debrief): "added" when it was new here.
 */
export function summarizePlan(plan: IncomingPlan, subject: { table: IncomingTable; key: string }): { status: OutcomeStatus; lines: string[]; subjectAction: RecordAction | null } {
  const lines: string[] = [];
  const changed = plan.decisions.filter((d) => d.action === 'add' || d.action === 'update');
  const kept = plan.decisions.filter((d) => d.action === 'keep-local' && d.table !== 'settings' && d.table !== 'scorecards');
  const keptSettings = plan.decisions.filter((d) => d.action === 'keep-local' && d.table === 'settings');
  const keptDrafts = plan.decisions.filter((d) => d.action === 'keep-local' && d.table === 'scorecards');
  const conflicts = plan.decisions.filter((d) => d.action === 'conflict');
  for (const d of conflicts) lines.push(`${capitalise(d.label)} was changed both here and elsewhere: both versions are kept. Choose one under Data → Changes to review.`);
  for (const d of kept) lines.push(`Kept this device’s newer version of ${d.label}; the file’s is older.`);
  for (const d of plan.decisions) {
    if (d.action === 'update' && d.key !== subject.key && (MUTABLE_TABLES as readonly string[]).includes(d.table)) lines.push(`Updated ${d.label} to the file’s newer version.`);
  }
  if (keptDrafts.length > 0) lines.push(`Kept this device’s newer ${keptDrafts.length === 1 ? 'copy' : 'copies'} of ${keptDrafts.map((d) => d.label).join(', ')}.`);
  if (keptSettings.length > 0) lines.push(`Kept this device’s ${keptSettings.length === 1 ? 'setting' : 'settings'} (${keptSettings.map((d) => d.key).join(', ')}).`);
  const subjectDecision = plan.decisions.find((d) => d.table === subject.table && d.key === subject.key);
  let status: OutcomeStatus;
  if (conflicts.length > 0) status = 'conflict';
  else if (changed.length > 0) status = subjectDecision?.action === 'add' ? 'added' : 'updated';
  else if (kept.length + keptDrafts.length > 0) status = 'kept-newer';
  else status = 'unchanged';
  return { status, lines, subjectAction: subjectDecision?.action ?? null };
}

/** Counts per table and action, for the restore preview. */
export function countDecisions(plan: IncomingPlan): { table: IncomingTable; counts: Record<RecordAction, number> }[] {
  return INCOMING_TABLES.map((table) => {
    const counts: Record<RecordAction, number> = { add: 0, same: 0, update: 0, 'keep-local': 0, conflict: 0 };
    for (const d of plan.decisions) if (d.table === table) counts[d.action] += 1;
    return { table, counts };
  });
}

// ——— Resolving a conflict ————————————————————————————————————————————————————————————

/**
 * The person's choice between this device's copy and another's: the chosen content becomes a new
 * revision that descends from both, so neither copy comes back as a conflict.
 */
export function resolveConflict<R extends RevisionFields & { id: string }>(mine: R, theirs: R, keep: 'mine' | 'theirs'): R {
  return keep === 'mine' ? mergeRevisions(mine, theirs) : mergeRevisions(theirs, mine);
}

const FIELD_WORDS: Record<string, string> = {
  title: 'Title',
  lane: 'Lane',
  mandate: 'Mandate',
  level: 'Level',
  compBand: 'Comp band',
  openedOn: 'Opened on',
  targetCloseWeeks: 'Target weeks to close',
  rubric: 'Rubric',
  name: 'Name',
  notes: 'Screening notes',
  roleId: 'Role',
  interviewerName: 'Interviewer',
  plannedAt: 'Planned time',
  consensus: 'Consensus',
  decision: 'Decision',
  decidedBy: 'Decided by',
  nextStep: 'Next step',
  decidedAt: 'Decided at',
  updatedAt: 'Last changed',
};

/** What differs between two copies of a record, field by field, in words a person can compare. */
export function describeDifferences(mine: Record<string, unknown>, theirs: Record<string, unknown>): { field: string; mine: string; theirs: string }[] {
  const show = (value: unknown) => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value).slice(0, 400);
    if (Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && 'dimensionKey' in v && 'level' in v)) {
      return value.map((v: { dimensionKey: string; level: unknown; rationale?: unknown }) => `${v.dimensionKey}: ${String(v.level ?? '—')}${typeof v.rationale === 'string' && v.rationale ? ` (${v.rationale.slice(0, 80)})` : ''}`).join('; ');
    }
    return canonicalJson(value).slice(0, 400);
  };
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((k) => k !== 'rev' && k !== 'revHistory' && k !== 'id');
  return keys
    .filter((k) => canonicalJson(mine[k] ?? null) !== canonicalJson(theirs[k] ?? null))
    .map((k) => ({ field: FIELD_WORDS[k] ?? k, mine: show(mine[k]), theirs: show(theirs[k]) }));
}
