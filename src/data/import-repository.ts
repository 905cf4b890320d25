import { LOOP_FILE_FORMAT, LOOP_FILE_VERSION, LoopFileSchema, loopFileName } from '../domain/loop-file';
import { RUBRIC_FILE_FORMAT, RUBRIC_FILE_MAX_BYTES, RUBRIC_FILE_VERSION, RubricFileSchema, rubricFileName, rubricVersionName } from '../domain/rubric-file';
import { utf8ByteLength } from '../domain/file-envelope';
import { CandidateSchema } from '../domain/candidate';
import { RoleSchema, loopPlanOf } from '../domain/role';
import { RubricSchema } from '../domain/rubric';
import { InterviewSchema } from '../domain/interview';
import { readLoopcardFile, type FileKind, type LoopcardFile, type Subject } from '../domain/file-reading';
import { describeDifferences, resolveConflict, summarizePlan, type MutableTable, type OutcomeStatus, type RecordAction, type Records } from '../domain/incoming-records';
import { DebriefSchema } from '../domain/debrief';
import { ScreenSchema } from '../domain/screen';
import { ConflictError } from './validation';
import type { RepositoryContext } from './repository-context';
import { sealFile } from './envelope';
import { applyPlan, incomingTables, planArrival } from './incoming-store';
import { describeSetAside } from '../domain/erased-candidates';
import { createSettingsRepository } from './settings-repository';

/** What one file did, the same shape for every kind of file. */
export type ImportOutcome = {
  fileName: string;
  /** What the file was, when it could be read that far. */
  kind?: FileKind;
  outcome: OutcomeStatus;
  /** Plain words: what was added, what was kept, or why the file was refused. */
  detail: string;
  candidateId?: string;
};

/** A record changed both here and elsewhere, as the Data screen shows it. */
export type ConflictView = {
  id: string;
  table: MutableTable;
  /** What the record is, in words ("the decision for Priya Raman"). */
  label: string;
  source: string;
  receivedAt: string;
  differences: { field: string; mine: string; theirs: string }[];
};

const SCHEMAS = { roles: RoleSchema, candidates: CandidateSchema, interviews: InterviewSchema, debriefs: DebriefSchema, screens: ScreenSchema } as const;

export function createImportRepository(ctx: RepositoryContext) {
  const { db, now } = ctx;
  /**
   * The one way records from elsewhere are written: this device's rows and the arrival go through
   * the incoming-records rules in one transaction; a refusal writes nothing.
   */
  async function receive(records: Records, subject: Subject, source: string) {
    return db.transaction('rw', incomingTables(db), async () => {
      const planned = await planArrival(db, records, { now: now(), source, sourceKind: 'file' });
      // A file about a candidate erased here is refused whole: nothing of it is wanted back.
      const erased = describeSetAside(planned.setAside, 'file');
      if (erased !== null) return { ok: false as const, reason: erased };
      if (!planned.ok) return planned;
      await applyPlan(db, planned.plan);
      return { ok: true as const, ...summarizePlan(planned.plan, subject) };
    });
  }

  return {
    /** A candidate's loop as a file, for the interviewers' devices. */
    async buildLoopFile(candidateId: string, appVersion: string): Promise<{ fileName: string; json: string }> {
      const payload = await db.transaction('r', [db.candidates, db.roles, db.rubrics, db.interviews], async () => {
        const candidate = await db.candidates.get(candidateId);
        if (!candidate) throw new ConflictError('This candidate is no longer on this device.');
        const role = await db.roles.get(candidate.roleId);
        if (!role) throw new ConflictError('This candidate’s role is no longer on this device.');
        const interviews = await db.interviews.where('candidateId').equals(candidateId).toArray();
        if (interviews.length === 0) throw new ConflictError('Plan the loop first: add the interviewers.');
        // Each rubric version the interviews and the role's loop plan use, once: an interviewer's
        // device needs nothing else, and an interviewer added there later finds their rubric.
        const used = [role.rubric, ...loopPlanOf(role).map((slot) => slot.rubric), ...interviews.map((i) => i.rubric)];
        const refs = [...new Map(used.map((ref) => [`${ref.id}#${ref.version}`, ref])).values()];
        const rubrics = await Promise.all(refs.map((ref) => db.rubrics.get([ref.id, ref.version])));
        if (rubrics.some((r) => !r)) throw new ConflictError('A rubric this loop’s interviews or its role’s loop plan use is not on this device.');
        return {
          role: RoleSchema.parse(role),
          candidate: CandidateSchema.parse(candidate),
          rubrics: rubrics.map((r) => RubricSchema.parse(r)),
          interviews: interviews.map((i) => InterviewSchema.parse(i)),
        };
      });
      const stamp = now();
      const file = sealFile('Loop file', LoopFileSchema, { format: LOOP_FILE_FORMAT, version: LOOP_FILE_VERSION, appVersion, exportedAt: stamp }, { payload });
      return { fileName: loopFileName(payload.candidate.name, stamp.toISOString().slice(0, 10)), json: JSON.stringify(file, null, 2) };
    },

    /**
     * One saved rubric version as a file, for another device's loops. A rubric too large for the
     * reader's limit is refused here, so no device writes a rubric file that none can read.
     */
    async buildRubricFile(id: string, version: number, appVersion: string): Promise<{ fileName: string; json: string }> {
      const row = await db.rubrics.get([id, version]);
      if (!row) throw new ConflictError('This rubric version is no longer on this device.');
      const rubric = RubricSchema.parse(row);
      const stamp = now();
      const file = sealFile('Rubric file', RubricFileSchema, { format: RUBRIC_FILE_FORMAT, version: RUBRIC_FILE_VERSION, appVersion, exportedAt: stamp }, { payload: { rubric } });
      const json = JSON.stringify(file, null, 2);
      if (utf8ByteLength(json) > RUBRIC_FILE_MAX_BYTES) {
        throw new ConflictError(`The rubric ${rubricVersionName(rubric)}, is larger than 1 MB as a file, more than any device will import. Shorten its longest texts, save it as a new version and export that.`);
      }
      return { fileName: rubricFileName(rubric.title, rubric.version, stamp.toISOString().slice(0, 10)), json };
    },

    /** Records changed both on this device and elsewhere, waiting for the person to choose. */
    async listConflicts(): Promise<ConflictView[]> {
      return db.transaction('r', [db.conflicts, db.roles, db.candidates, db.interviews, db.debriefs, db.screens], async () => {
        const rows = await db.conflicts.orderBy('id').toArray();
        const views: ConflictView[] = [];
        for (const row of rows) {
          const mine = (await db[row.table].get(row.recordId)) as Record<string, unknown> | undefined;
          const candidateId = row.table === 'candidates' ? row.recordId : typeof row.incoming.candidateId === 'string' ? row.incoming.candidateId : null;
          const candidate = candidateId ? await db.candidates.get(candidateId) : undefined;
          const who = candidate?.name ?? 'a candidate';
          const label =
            row.table === 'roles'
              ? `The role “${String(row.incoming.title ?? '')}”`
              : row.table === 'candidates'
                ? `The candidate ${who}`
                : row.table === 'interviews'
                  ? `${String(row.incoming.interviewerName ?? 'An interviewer')}’s interview with ${who}`
                  : row.table === 'screens'
                    ? `The screen of ${who}`
                    : `The debrief and decision for ${who}`;
          views.push({ id: row.id, table: row.table, label, source: row.source, receivedAt: row.receivedAt, differences: describeDifferences(mine ?? {}, row.incoming) });
        }
        return views;
      });
    },

    /**
     * Keeps one of two diverged copies: the choice becomes a revision that descends from both, so
     * the other copy, arriving again, is recognised as older.
     */
    async resolveConflict(id: string, keep: 'mine' | 'theirs'): Promise<void> {
      await db.transaction('rw', [db.conflicts, db.roles, db.candidates, db.interviews, db.debriefs, db.screens], async () => {
        const row = await db.conflicts.get(id);
        if (!row) throw new ConflictError('This change was already resolved, perhaps in another tab.');
        const schema = SCHEMAS[row.table];
        const table = db[row.table];
        const mine = await table.get(row.recordId);
        const theirs = schema.safeParse(row.incoming);
        if (!theirs.success) throw new ConflictError('The other version can no longer be read by this version of Loopcard.');
        const resolved = mine ? resolveConflict(schema.parse(mine), theirs.data, keep) : keep === 'theirs' ? theirs.data : null;
        if (resolved) await (table as typeof db.roles).put(resolved as never);
        await db.conflicts.delete(id);
      });
    },

    /**
     * Reads any scorecard file, loop file, decision packet or rubric file onto this device: the one reader, then
     * the one rule set, in one transaction. Importing the same file again changes nothing; an older
     * file never replaces newer work here.
     */
    async importFile(fileName: string, text: string, options: { byteLength?: number; expect?: readonly FileKind[] } = {}): Promise<ImportOutcome> {
      const expect = options.expect ?? (['scorecard', 'loop', 'packet'] as const);
      const read = readLoopcardFile(text, { expect, ...(options.byteLength === undefined ? {} : { byteLength: options.byteLength }) });
      if (!read.ok) return { fileName, outcome: 'rejected', detail: read.reason };
      const file = read.value;
      if (file.kind === 'backup') return { fileName, kind: 'backup', outcome: 'rejected', detail: 'This is a Loopcard backup. Restore it under Data.' };
      const candidate = file.records.candidates[0];
      const received = await receive(file.records, file.subject, fileName);
      if (!received.ok) return { fileName, kind: file.kind, outcome: 'rejected', detail: received.reason };
      // A loop that arrives as a file makes this an interviewer's device for that candidate.
      if (file.kind === 'loop' && candidate) await createSettingsRepository(ctx).markReceivedLoop(candidate.id);
      const headline = headlineFor(file, received.status, received.subjectAction);
      return { fileName, kind: file.kind, outcome: received.status, detail: [headline, ...received.lines].join(' '), ...(candidate ? { candidateId: candidate.id } : {}) };
    },
  };
}

/** The first sentence of a summary: what the file is about, and what became of it. */
function headlineFor(file: Exclude<LoopcardFile, { kind: 'backup' }>, status: OutcomeStatus, subjectAction: RecordAction | null): string {
  switch (file.kind) {
    case 'scorecard': {
      const { candidate, revisions } = file.file.payload;
      const latest = revisions.reduce((a, b) => (b.revision > a.revision ? b : a));
      const who = `${latest.interviewerName}’s scorecard for ${candidate.name}`;
      if (subjectAction === 'add') return `${who}, revision ${latest.revision}.`;
      if (subjectAction === 'update') return `${who}: now revision ${latest.revision}.`;
      if (status === 'unchanged' || status === 'updated') return `${who} is already here.`;
      return `${who}.`;
    }
    case 'loop': {
      const { candidate, interviews } = file.file.payload;
      const names = interviews.map((i) => i.interviewerName).join(', ');
      if (status === 'added') return `The loop for ${candidate.name} (${names}). Each interviewer can now open their interview on this device.`;
      if (status === 'unchanged') return `The loop for ${candidate.name} is already here.`;
      return `The loop for ${candidate.name} (${names}).`;
    }
    case 'rubric': {
      const name = `Rubric ${rubricVersionName(file.file.payload.rubric)},`;
      if (status === 'added') return `${name} added.`;
      if (status === 'unchanged') return `${name} is already on this device.`;
      return `${name} imported.`;
    }
    case 'packet': {
      const { candidate } = file.file.content;
      if (status === 'added' || status === 'updated') return `Decision packet for ${candidate.name}: the debrief is reproduced here.`;
      if (status === 'unchanged') return `Decision packet for ${candidate.name}: everything in it is already here.`;
      return `Decision packet for ${candidate.name}.`;
    }
  }
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
