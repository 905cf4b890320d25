import { z } from 'zod';
import { TimestampSchema } from './fields';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { InterviewSchema } from './interview';
import { RubricSchema } from './rubric';
import { ScorecardSchema } from './scorecard';

export const SCORECARD_FILE_FORMAT = 'loopcard.scorecard';
export const SCORECARD_FILE_VERSION = 1;

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
export const ScorecardFileSchema = z
  .object({
    format: z.literal(SCORECARD_FILE_FORMAT),
    version: z.literal(SCORECARD_FILE_VERSION),
    exportedAt: TimestampSchema,
    app: z.object({ name: z.literal('Loopcard'), version: z.string().min(1).max(40) }).strict(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    payload: ScorecardFilePayloadSchema,
  })
  .strict();
export type ScorecardFile = z.infer<typeof ScorecardFileSchema>;
