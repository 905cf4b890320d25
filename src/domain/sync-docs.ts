import { z } from 'zod';
import { IdSchema, REV_PATTERN } from './fields';
import { sha256OfCanonical } from './hash';
import { revNumber } from './revision';
import { RoleSchema, type Role } from './role';
import { CandidateSchema, type Candidate } from './candidate';
import { RubricSchema, type Rubric } from './rubric';
import { InterviewSchema, type Interview } from './interview';
import { ScorecardSchema, type Scorecard } from './scorecard';
import { DebriefSchema, type Debrief } from './debrief';
import { hashedContent } from './scorecard-rules';
import { ROW_STEPS, migrateRow } from './row-migrations';

/**
 * How Loopcard's records live on the team's CouchDB: one database per loop, one document per
 * record. Pure rules only; moving the documents is the replicator's job (src/data/sync).
 *
 * - A record a person edits (role, candidate, interview, debrief) keeps its revision as CouchDB's
 *   `_rev`, and its history as `_revisions`, so concurrent edits become CouchDB conflicts.
 * - A submitted scorecard revision never changes: its `_rev` is `1-` plus the first 32 hex digits
 *   of its content hash, so the same revision pushed from two devices is one document.
 * - A rubric version never changes either: its `_rev` comes from the hash of the whole version.
 * - Drafts, and the running notes of a scorecard not yet submitted, are never mapped.
 */

/**
 * The shape of the records a document holds: the database version whose rows they are. A document
 * from an earlier version is brought up to date by the same row steps as the database and files;
 * one from a later version is left for a later Loopcard.
 */
export const SYNC_DOC_SCHEMA = ROW_STEPS.reduce((latest, step) => Math.max(latest, step.databaseVersion), 1);

// ——— Database names ——————————————————————————————————————————————————————————————

const LOOP_DB_PREFIX = 'loop-';
/** What CouchDB accepts as a database name. */
export const COUCH_DB_NAME_PATTERN = /^[a-z][a-z0-9_$()+/-]*$/;

/**
 * The loop's database: `loop-` and the candidate id in lower case, each capital written as `$`
 * and its small letter (identifiers never contain `$`, so the name reads back to the id).
 */
export function loopDatabaseName(candidateId: string): string {
  const id = IdSchema.parse(candidateId);
  return LOOP_DB_PREFIX + id.replace(/[A-Z]/g, (c) => `$${c.toLowerCase()}`);
}

/** The candidate id a loop database is for, or null when the name is not a loop database's. */
export function candidateIdOfDatabase(name: string): string | null {
  if (!name.startsWith(LOOP_DB_PREFIX) || !COUCH_DB_NAME_PATTERN.test(name)) return null;
  const encoded = name.slice(LOOP_DB_PREFIX.length);
  if (/\$(?![a-z])/.test(encoded)) return null;
  const id = encoded.replace(/\$([a-z])/g, (_, c: string) => c.toUpperCase());
  return IdSchema.safeParse(id).success && loopDatabaseName(id) === name ? id : null;
}

// ——— Documents ———————————————————————————————————————————————————————————————————

export const SYNC_KINDS = ['role', 'candidate', 'rubric', 'interview', 'debrief', 'scorecardRevision'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** The database table each kind of record lives in. */
export const SYNC_TABLES = {
  role: 'roles',
  candidate: 'candidates',
  rubric: 'rubrics',
  interview: 'interviews',
  debrief: 'debriefs',
  scorecardRevision: 'scorecardRevisions',
} as const satisfies Record<SyncKind, string>;

export type SyncRecord =
  | { kind: 'role'; record: Role }
  | { kind: 'candidate'; record: Candidate }
  | { kind: 'rubric'; record: Rubric }
  | { kind: 'interview'; record: Interview }
  | { kind: 'debrief'; record: Debrief }
  | { kind: 'scorecardRevision'; record: Scorecard };

/** A record as a CouchDB document. `_revisions` travels on push; a pulled document may lack it. */
export type SyncDoc = {
  _id: string;
  _rev: string;
  _revisions?: { start: number; ids: string[] };
  _deleted?: boolean;
  kind: SyncKind;
  schema: number;
  record: Record<string, unknown>;
};

const MUTABLE_KINDS: readonly SyncKind[] = ['role', 'candidate', 'interview', 'debrief'];

/** The document id of a record: its kind, then its key (a rubric's and a revision's include the version). */
export function docIdOf(item: SyncRecord): string {
  switch (item.kind) {
    case 'rubric':
      return `rubric:${item.record.id}:${item.record.version}`;
    case 'scorecardRevision':
      return `scorecard:${item.record.id}:${item.record.revision}`;
    default:
      return `${item.kind}:${item.record.id}`;
  }
}

/** The `_rev` of a submitted scorecard revision: the same on every device that holds it. */
export function scorecardRevisionRev(contentHash: string): string {
  return `1-${contentHash.slice(0, 32)}`;
}

/** The `_rev` of a rubric version, which never changes: from the hash of the whole version. */
export function rubricRev(rubric: Rubric): string {
  return `1-${sha256OfCanonical(rubric).slice(0, 32)}`;
}

/**
 * CouchDB's `_revisions` for a record's history: the revision and its ancestors, newest first, as
 * far as `revHistory` lists them one edit apart in order. A history merged from two branches lists
 * both branches' revisions; the line stops where they interleave, so it never joins two branches
 * (a shorter line still attaches to the revision the server knows).
 */
export function couchRevisionsOf(rev: string, revHistory: readonly string[]): { start: number; ids: string[] } {
  const start = revNumber(rev);
  const ids = [rev.slice(rev.indexOf('-') + 1)];
  for (const ancestor of revHistory) {
    if (revNumber(ancestor) !== start - ids.length) break;
    ids.push(ancestor.slice(ancestor.indexOf('-') + 1));
  }
  return { start, ids };
}

/** Whether a record's history runs off its own line: it merged two branches (a resolved conflict). */
export function hasMergedHistory(item: SyncRecord): boolean {
  if (item.kind === 'rubric' || item.kind === 'scorecardRevision') return false;
  return couchRevisionsOf(item.record.rev, item.record.revHistory).ids.length < item.record.revHistory.length + 1;
}

/**
 * Deleted revisions that close the server's branches this record has already decided: each leaf
 * the server holds (its winner and its conflicts) that the record's history includes but its own
 * line does not (the person chose, and the choice descends from it) gets a deleted child, so the
 * server keeps no conflict for it. The same on every device.
 */
export function closingRevisions(item: SyncRecord, serverLeaves: readonly string[]): { _id: string; _rev: string; _deleted: true; _revisions: { start: number; ids: string[] } }[] {
  if (item.kind === 'rubric' || item.kind === 'scorecardRevision') return [];
  const id = docIdOf(item);
  const { rev, revHistory } = item.record;
  const line = new Set(couchRevisionsOf(rev, revHistory).ids);
  return [...new Set(serverLeaves)]
    .filter((leaf) => revHistory.includes(leaf) && !line.has(leaf.slice(leaf.indexOf('-') + 1)))
    .map((leaf) => {
      const hash = sha256OfCanonical({ closes: leaf, id }).slice(0, 32);
      const start = revNumber(leaf) + 1;
      return { _id: id, _rev: `${start}-${hash}`, _deleted: true as const, _revisions: { start, ids: [hash, leaf.slice(leaf.indexOf('-') + 1)] } };
    });
}

export type NotShared = { shared: false; reason: string };

/**
 * A record as the document the team server holds, or why it never leaves the device: a draft, or
 * a working copy (only submitted revisions travel, whole, running notes included).
 */
export function toSyncDoc(item: SyncRecord): SyncDoc | NotShared {
  const base = { _id: docIdOf(item), kind: item.kind, schema: SYNC_DOC_SCHEMA, record: { ...item.record } as Record<string, unknown> };
  switch (item.kind) {
    case 'scorecardRevision': {
      const card = item.record;
      if (card.status !== 'submitted' || card.contentHash === null) return { shared: false, reason: 'A scorecard that is not submitted never leaves the device.' };
      return { ...base, _rev: scorecardRevisionRev(card.contentHash) };
    }
    case 'rubric':
      return { ...base, _rev: rubricRev(item.record) };
    default: {
      const { rev, revHistory } = item.record;
      return { ...base, _rev: rev, _revisions: couchRevisionsOf(rev, revHistory) };
    }
  }
}

/** A document's shape before its record is read (anything else on the server is not Loopcard's). */
const SyncDocShapeSchema = z.object({
  _id: z.string().min(1).max(300),
  _rev: z.string().regex(REV_PATTERN),
  _deleted: z.boolean().optional(),
  kind: z.enum(SYNC_KINDS),
  schema: z.number().int().min(1),
  record: z.record(z.string(), z.unknown()),
});

const RECORD_SCHEMAS = {
  role: RoleSchema,
  candidate: CandidateSchema,
  rubric: RubricSchema,
  interview: InterviewSchema,
  debrief: DebriefSchema,
  scorecardRevision: ScorecardSchema,
} as const;

export type FromDocResult = { ok: true; item: SyncRecord } | { ok: false; reason: string };

/**
 * A pulled document as a Loopcard record, or why it is refused: not Loopcard's shape, a later
 * layout, a record its schema refuses, an id or `_rev` that does not belong to its record, or a
 * scorecard revision whose content does not match its hash. The record still goes through the
 * incoming-records rules afterwards, like a file's.
 */
export function fromSyncDoc(doc: unknown): FromDocResult {
  const shape = SyncDocShapeSchema.safeParse(doc);
  const id = docLabel(typeof doc === 'object' && doc !== null && '_id' in doc ? String((doc as { _id: unknown })._id) : '');
  if (!shape.success) return { ok: false, reason: `The team server sent ${id}, which is not a Loopcard record.` };
  const { kind, schema, record, _rev } = shape.data;
  if (schema > SYNC_DOC_SCHEMA) return { ok: false, reason: `The team server holds ${id} from a newer Loopcard. Update Loopcard on this device to read it.` };
  const upToDate = ROW_STEPS.filter((step) => step.databaseVersion > schema).reduce<unknown>((row, step) => migrateRow(step, SYNC_TABLES[kind], row), record);
  const parsed = RECORD_SCHEMAS[kind].safeParse(upToDate);
  if (!parsed.success) return { ok: false, reason: `The team server sent ${id} with a record Loopcard cannot accept: ${parsed.error.issues[0]?.message ?? 'it is malformed.'}` };
  const item = { kind, record: parsed.data } as SyncRecord;
  if (docIdOf(item) !== shape.data._id) return { ok: false, reason: `The team server sent ${id} holding another record.` };
  if (item.kind === 'scorecardRevision') {
    const card = item.record;
    if (card.status !== 'submitted' || card.contentHash === null) return { ok: false, reason: `The team server sent ${id}, a scorecard that was never submitted.` };
    if (sha256OfCanonical(hashedContent(card)) !== card.contentHash) return { ok: false, reason: `The team server sent ${id}, whose content no longer matches its hash: it was changed after it was submitted.` };
    if (_rev !== scorecardRevisionRev(card.contentHash)) return { ok: false, reason: `The team server sent ${id} under a revision that is not its hash.` };
  } else if (item.kind === 'rubric') {
    if (_rev !== rubricRev(item.record)) return { ok: false, reason: `The team server sent ${id}, a rubric version that was changed.` };
  } else if (MUTABLE_KINDS.includes(item.kind) && item.record.rev !== _rev) {
    return { ok: false, reason: `The team server sent ${id} under a revision its record does not carry.` };
  }
  return { ok: true, item };
}

const DOC_WORDS: Record<string, string> = {
  role: 'the role',
  candidate: 'the candidate',
  rubric: 'a rubric version',
  interview: 'an interview',
  debrief: 'the debrief',
  scorecard: 'a scorecard revision',
};

/** A document in words, from its id alone: what a refusal names. */
export function docLabel(id: string): string {
  return DOC_WORDS[id.slice(0, id.indexOf(':'))] ?? 'a document';
}

// ——— What a device pulls ————————————————————————————————————————————————————————————

export type PullView = { role: 'lead' } | { role: 'interviewer'; ownInterviewIds: readonly string[]; submitted: boolean };

/**
 * Independence on the team server: an interviewer who has not yet submitted pulls no colleague's
 * scorecard (a CouchDB `_selector` on the changes feed); once they have, and on the lead's
 * device, everything. Null means no filter.
 */
export function pullSelector(view: PullView): Record<string, unknown> | null {
  if (view.role === 'lead' || view.submitted) return null;
  return { $or: [{ kind: { $ne: 'scorecardRevision' } }, { 'record.interviewId': { $in: [...view.ownInterviewIds].sort() } }] };
}

/** Names a filter, so a checkpoint made under one filter is never used under another. */
export function filterName(selector: Record<string, unknown> | null | undefined): string {
  return selector ? sha256OfCanonical(selector).slice(0, 12) : 'all';
}

// ——— The loop's design document ——————————————————————————————————————————————————————

/** A team-server user name, as the admin command creates them. */
export const TeamUserSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'A team-server user name is small letters, digits, dots, dashes or underscores.');

/**
 * Who is who on a loop's database: the lead, and the team-server user of each interview (slot).
 * CouchDB's validation function cannot read other documents, so the loop document is part of the
 * design document, and its assignments are written into the function's source.
 */
export const LoopAssignmentSchema = z
  .object({
    candidateId: IdSchema,
    lead: TeamUserSchema,
    /** Interview id → the team-server user who interviews in that slot. */
    slots: z.record(IdSchema, TeamUserSchema),
  })
  .strict();
export type LoopAssignment = z.infer<typeof LoopAssignmentSchema>;

export const DESIGN_DOC_ID = '_design/loopcard';

export type LoopDesignDoc = { _id: typeof DESIGN_DOC_ID; loopcard: LoopAssignment; validate_doc_update: string };

export function loopDesignDoc(assignment: LoopAssignment): LoopDesignDoc {
  const checked = LoopAssignmentSchema.parse(assignment);
  return { _id: DESIGN_DOC_ID, loopcard: checked, validate_doc_update: validateDocUpdateSource(checked) };
}

/** The loop assignment a design document carries, or null when it carries none that reads. */
export function loopAssignmentOf(designDoc: unknown): LoopAssignment | null {
  const doc = z.object({ loopcard: LoopAssignmentSchema }).safeParse(designDoc);
  return doc.success ? doc.data.loopcard : null;
}

/**
 * The server's own check of every write to a loop database (CouchDB's `validate_doc_update`,
 * plain ES5 for its JavaScript engine). It refuses:
 * - a document that is not a Loopcard record of the known kinds, under its own id;
 * - any change to a submitted scorecard revision or a rubric version, and their deletion by
 *   anyone but the database's admins (erasure);
 * - a scorecard revision not pushed by the team-server user its interview slot names, or one
 *   whose `_rev` is not its hash.
 * The device checks everything again on pull; this keeps a colleague from writing in another's name.
 */
export function validateDocUpdateSource(assignment: LoopAssignment): string {
  const slots = JSON.stringify(LoopAssignmentSchema.parse(assignment).slots);
  return `function (newDoc, oldDoc, userCtx, secObj) {
  var SLOTS = ${slots};
  var KINDS = { role: 1, candidate: 1, rubric: 1, interview: 1, debrief: 1, scorecardRevision: 1 };
  var FIXED = { rubric: 1, scorecardRevision: 1 };
  var roles = userCtx.roles || [];
  var admins = (secObj && secObj.admins && secObj.admins.names) || [];
  var isAdmin = roles.indexOf('_admin') !== -1 || admins.indexOf(userCtx.name) !== -1;
  function refuse(reason) { throw ({ forbidden: reason }); }
  if (newDoc._deleted) {
    if (oldDoc && FIXED[oldDoc.kind] && !isAdmin) refuse('A submitted scorecard revision or a rubric version is removed only by erasure.');
    return;
  }
  var record = newDoc.record;
  if (!KINDS[newDoc.kind] || typeof newDoc.schema !== 'number' || !record || typeof record !== 'object' || typeof record.id !== 'string') refuse('Not a Loopcard record.');
  var expected = newDoc.kind === 'rubric' ? 'rubric:' + record.id + ':' + record.version
    : newDoc.kind === 'scorecardRevision' ? 'scorecard:' + record.id + ':' + record.revision
    : newDoc.kind + ':' + record.id;
  if (newDoc._id !== expected) refuse('A Loopcard record is stored under its own id.');
  if (FIXED[newDoc.kind] && oldDoc && !oldDoc._deleted && oldDoc._rev !== newDoc._rev) refuse('A submitted scorecard revision or a rubric version never changes.');
  if (newDoc.kind === 'scorecardRevision') {
    if (record.status !== 'submitted' || typeof record.contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(record.contentHash)) refuse('Only submitted scorecard revisions are shared.');
    if (newDoc._rev !== '1-' + record.contentHash.slice(0, 32)) refuse('A scorecard revision is stored under its hash.');
    if (!Object.prototype.hasOwnProperty.call(SLOTS, record.interviewId) || SLOTS[record.interviewId] !== userCtx.name) refuse('Only the interviewer of this slot may share its scorecard.');
  }
}`;
}
