import { z } from 'zod';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { InterviewSchema } from './interview';
import { RubricSchema } from './rubric';
import { ScorecardSchema, type Scorecard } from './scorecard';
import { envelopeSchema, type BodyMigration } from './file-envelope';
import { migrateBody } from './row-migrations';
import { emptyRecords, type Records } from './records';
import { nameKey } from './person-name';

export const SCORECARD_FILE_FORMAT = 'loopcard.scorecard';
/**
 * Version 2: the role, candidate and interview carry revisions (database version 3). Version 3: the
 * rubric carries its agenda (database version 4). Version 4: the rubric carries its lineage, the
 * version it was based on and its author (database version 5).
 */
export const SCORECARD_FILE_VERSION = 5;

/** Everything a debrief lead on another device needs to place one interviewer's scorecard. */
export const ScorecardFilePayloadSchema = z
  .object({
    role: RoleSchema,
    candidate: CandidateSchema,
    interview: InterviewSchema,
    rubric: RubricSchema,
    /** The scorecard as it stands now (a draft only in an emergency download). */
    scorecard: ScorecardSchema,
    /** Every submitted revision, oldest first. */
    revisions: z.array(ScorecardSchema).max(100),
  })
  .strict();
export type ScorecardFilePayload = z.infer<typeof ScorecardFilePayloadSchema>;

/** The versioned envelope: says what it is, who wrote it, and the SHA-256 of its canonical payload. */
export const ScorecardFileSchema = envelopeSchema(SCORECARD_FILE_FORMAT, SCORECARD_FILE_VERSION, 'payload', ScorecardFilePayloadSchema);
export type ScorecardFile = z.infer<typeof ScorecardFileSchema>;

/** The records a scorecard file's payload embeds, by field, and the table each belongs to. */
const EMBEDS = { role: 'roles', candidate: 'candidates', interview: 'interviews', rubric: 'rubrics' } as const;

/** Each step turns the payload of version n into version n + 1, through the row step of a database version. */
export const SCORECARD_FILE_MIGRATIONS: Readonly<Record<number, BodyMigration>> = {
  1: (body) => migrateBody(body, 3, EMBEDS),
  2: (body) => migrateBody(body, 4, EMBEDS),
  3: (body) => migrateBody(body, 5, EMBEDS),
  4: (body) => migrateBody(body, 6, EMBEDS),
};

/** What a scorecard file must say of itself, beyond its schema: one interviewer's submitted scorecard. */
export function checkScorecardFile(file: ScorecardFile): string | null {
  const { role, candidate, interview, rubric, scorecard, revisions } = file.payload;
  if (revisions.length === 0) {
    return scorecard.status === 'submitted'
      ? 'The file holds no submitted revision. Ask the interviewer to export it again.'
      : 'This scorecard was never submitted: it is a draft copy. Ask the interviewer to submit it and export it again.';
  }
  const belongs = (s: Scorecard) =>
    s.id === scorecard.id &&
    s.interviewId === interview.id &&
    s.candidateId === candidate.id &&
    s.roleId === role.id &&
    s.rubric.id === rubric.id &&
    s.rubric.version === rubric.version &&
    nameKey(s.interviewerName) === nameKey(interview.interviewerName);
  if (!belongs(scorecard) || !revisions.every(belongs)) return 'The scorecard, its revisions and its interview, candidate, role and rubric do not belong together. It may have been edited by hand; ask for a fresh export.';
  if (interview.candidateId !== candidate.id || interview.roleId !== role.id || candidate.roleId !== role.id) return 'The interview, candidate and role in the file do not belong together.';
  if (interview.rubric.id !== rubric.id || interview.rubric.version !== rubric.version) return 'The interview in the file names a different rubric from its scorecard.';
  return null;
}

/** The records a scorecard file brings: its submitted revisions and what they hang on. */
export function scorecardFileRecords(file: ScorecardFile): Records {
  const { role, candidate, interview, rubric, revisions } = file.payload;
  return { ...emptyRecords(), roles: [role], candidates: [candidate], rubrics: [rubric], interviews: [interview], scorecardRevisions: revisions };
}
