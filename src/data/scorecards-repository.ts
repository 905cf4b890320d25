import { ScorecardContentSchema, ScorecardSchema, type Scorecard, type ScorecardContent } from '../domain/scorecard';
import { checkAmendReason, checkSubmission, createDraftScorecard, hashedContent } from '../domain/scorecard-rules';
import { InterviewSchema } from '../domain/interview';
import { RoleSchema } from '../domain/role';
import { CandidateSchema } from '../domain/candidate';
import { RubricSchema } from '../domain/rubric';
import type { ScorecardFile, ScorecardFilePayload } from '../domain/scorecard-file';
import { IMPORT_MAX_BYTES } from '../domain/file-limits';
import type { RepositoryContext } from './repository-context';
import { sha256OfCanonical } from '../domain/hash';
import { ConflictError, StaleWriteError, ValidationError, validate } from './validation';

const parse = (row: unknown) => ScorecardSchema.parse(row);

export function createScorecardsRepository({ db, now, newId }: RepositoryContext) {
  async function mustGet(id: string): Promise<Scorecard> {
    const row = await db.scorecards.get(id);
    if (!row) throw new ConflictError('This scorecard is no longer on this device.');
    return parse(row);
  }

  function assertWritable(stored: Scorecard, baseEditVersion: number): void {
    if (stored.status === 'submitted') throw new ConflictError('This scorecard has been submitted and is locked. Amend it to change it.');
    if (stored.editVersion !== baseEditVersion) {
      throw new StaleWriteError<Scorecard>('This scorecard was changed in another tab since this copy was loaded.', stored);
    }
  }

  return {
    async get(id: string): Promise<Scorecard | undefined> {
      const row = await db.scorecards.get(id);
      return row && parse(row);
    },

    async getByInterview(interviewId: string): Promise<Scorecard | undefined> {
      const row = await db.scorecards.where('interviewId').equals(interviewId).first();
      return row && parse(row);
    },

    /** The interview's scorecard, created as a blank draft against the interview's rubric the first time. */
    async openForInterview(interviewId: string): Promise<Scorecard> {
      return db.transaction('rw', [db.interviews, db.rubrics, db.scorecards], async () => {
        const existing = await db.scorecards.where('interviewId').equals(interviewId).first();
        if (existing) return parse(existing);
        const interviewRow = await db.interviews.get(interviewId);
        if (!interviewRow) throw new ConflictError('This interview is no longer on this device.');
        const interview = InterviewSchema.parse(interviewRow);
        const rubricRow = await db.rubrics.get([interview.rubric.id, interview.rubric.version]);
        if (!rubricRow) throw new ConflictError(`The rubric ${interview.rubric.id} version ${interview.rubric.version} is not on this device.`);
        const draft = validate('Scorecard', ScorecardSchema, createDraftScorecard(interview, RubricSchema.parse(rubricRow), newId(), now().toISOString()));
        await db.scorecards.add(draft);
        return draft;
      });
    },

    /**
     * One autosave: validates the content, checks it was edited from the stored copy, and writes it
     * in one transaction. Refuses (StaleWriteError) rather than overwrite a newer save.
     */
    async saveDraft(id: string, content: ScorecardContent, baseEditVersion: number): Promise<Scorecard> {
      const fields = validate('Scorecard', ScorecardContentSchema, content);
      return db.transaction('rw', db.scorecards, async () => {
        const stored = await mustGet(id);
        assertWritable(stored, baseEditVersion);
        const next = validate('Scorecard', ScorecardSchema, { ...stored, ...fields, editVersion: stored.editVersion + 1, updatedAt: now().toISOString() });
        await db.scorecards.put(next);
        return next;
      });
    },

    /**
     * Locks the scorecard: checks it against the submission rules, stamps the time and the SHA-256
     * of its canonical content, and keeps the submitted revision for good.
     */
    async submit(id: string, content: ScorecardContent, baseEditVersion: number): Promise<Scorecard> {
      const fields = validate('Scorecard', ScorecardContentSchema, content);
      const stored = await mustGet(id);
      assertWritable(stored, baseEditVersion);
      const rubricRow = await db.rubrics.get([stored.rubric.id, stored.rubric.version]);
      if (!rubricRow) throw new ConflictError('The rubric this scorecard was scored against is not on this device.');
      const issues = checkSubmission(fields, RubricSchema.parse(rubricRow));
      if (issues.length > 0) throw new ValidationError('Scorecard', issues.map((i) => ({ path: i.field, message: i.message })));

      const stamp = now().toISOString();
      const submitted: Scorecard = { ...stored, ...fields, status: 'submitted', submittedAt: stamp, updatedAt: stamp, editVersion: stored.editVersion + 1, contentHash: null };
      const locked = validate('Scorecard', ScorecardSchema, { ...submitted, contentHash: sha256OfCanonical(hashedContent(submitted)) });
      return db.transaction('rw', db.scorecards, db.scorecardRevisions, async () => {
        // Checked again inside the transaction: the hash was computed outside it.
        assertWritable(await mustGet(id), baseEditVersion);
        await db.scorecards.put(locked);
        await db.scorecardRevisions.put(locked);
        return locked;
      });
    },

    /** Opens revision n+1 as a draft with the reason recorded; revision n stays as it was submitted. */
    async amend(id: string, reason: string): Promise<Scorecard> {
      const problem = checkAmendReason(reason);
      if (problem) throw new ValidationError('Amendment', [{ path: 'amendReason', message: problem }]);
      return db.transaction('rw', db.scorecards, async () => {
        const stored = await mustGet(id);
        if (stored.status !== 'submitted') throw new ConflictError('Only a submitted scorecard can be amended; this one is still a draft.');
        const next = validate('Scorecard', ScorecardSchema, {
          ...stored,
          status: 'draft',
          revision: stored.revision + 1,
          amendReason: reason.trim(),
          submittedAt: null,
          contentHash: null,
          editVersion: stored.editVersion + 1,
          updatedAt: now().toISOString(),
        });
        await db.scorecards.put(next);
        return next;
      });
    },

    /** Every submitted revision of a scorecard, oldest first. */
    async listRevisions(id: string): Promise<Scorecard[]> {
      const rows = await db.scorecardRevisions.where('id').equals(id).toArray();
      return rows.map(parse).sort((a, b) => a.revision - b.revision);
    },

    async listForCandidate(candidateId: string): Promise<{ current: Scorecard[]; revisions: Scorecard[] }> {
      const [current, revisions] = await Promise.all([
        db.scorecards.where('candidateId').equals(candidateId).toArray(),
        db.scorecardRevisions.where('candidateId').equals(candidateId).toArray(),
      ]);
      return { current: current.map(parse), revisions: revisions.map(parse) };
    },

    /** Everything the scorecard file carries, read in one transaction. */
    async loadExportPayload(id: string): Promise<ScorecardFilePayload> {
      return db.transaction('r', [db.scorecards, db.scorecardRevisions, db.interviews, db.candidates, db.roles, db.rubrics], async () => {
        const scorecard = await mustGet(id);
        const [interview, candidate, role, rubric, revisions] = await Promise.all([
          db.interviews.get(scorecard.interviewId),
          db.candidates.get(scorecard.candidateId),
          db.roles.get(scorecard.roleId),
          db.rubrics.get([scorecard.rubric.id, scorecard.rubric.version]),
          db.scorecardRevisions.where('id').equals(id).toArray(),
        ]);
        if (!interview || !candidate || !role || !rubric) throw new ConflictError('Part of this scorecard’s context (interview, candidate, role or rubric) is missing on this device.');
        return {
          role: RoleSchema.parse(role),
          candidate: CandidateSchema.parse(candidate),
          interview: InterviewSchema.parse(interview),
          rubric: RubricSchema.parse(rubric),
          scorecard,
          revisions: revisions.map(parse).sort((a, b) => a.revision - b.revision),
        };
      });
    },

    /** The file an interviewer hands to the debrief lead: the scorecard, its revisions and its context. */
    async buildExport(id: string, appVersion: string): Promise<{ fileName: string; file: ScorecardFile; json: string }> {
      // The writer (and its envelope code) loads on the first export, not with the first screen.
      const { writeScorecardFile } = await import('./scorecard-file-writer');
      const written = await writeScorecardFile(await this.loadExportPayload(id), appVersion, now());
      // Never hand over a file the lead's device would refuse: say so here instead.
      const bytes = new TextEncoder().encode(written.json).length;
      if (bytes > IMPORT_MAX_BYTES) {
        throw new ConflictError(
          `This scorecard file would be ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the 5 MB a debrief lead can gather. Its revisions carry too much text for one file: shorten the evidence in an amendment, then export again.`,
        );
      }
      return written;
    },
  };
}

export type ScorecardsRepository = ReturnType<typeof createScorecardsRepository>;
