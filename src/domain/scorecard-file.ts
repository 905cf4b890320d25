import { z } from 'zod';
import { TimestampSchema } from './fields';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { InterviewSchema } from './interview';
import { RubricSchema } from './rubric';
import { ScorecardSchema } from './scorecard';
import { EnvelopeAppSchema, IMPORT_MAX_BYTES, NO_HEADER_MESSAGE, readEnvelope, type Migration, type ReadResult } from './file-reading';

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
    app: EnvelopeAppSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    payload: ScorecardFilePayloadSchema,
  })
  .strict();
export type ScorecardFile = z.infer<typeof ScorecardFileSchema>;

/** Each step turns a scorecard file of version n into version n + 1. None yet: version 1 is the first. */
export const SCORECARD_FILE_MIGRATIONS: Readonly<Record<number, Migration>> = {};

/**
 * Reads a scorecard file's text into a validated envelope, or says in plain words why not. The
 * hash is checked by the caller, which has the crypto.
 */
export function readScorecardFile(text: string): ReadResult<ScorecardFile> {
  const read = readEnvelope(text, {
    format: SCORECARD_FILE_FORMAT,
    version: SCORECARD_FILE_VERSION,
    what: 'scorecard file',
    maxChars: IMPORT_MAX_BYTES,
    tooLarge: 'The file is larger than 5 MB; a scorecard file is never that large.',
    migrations: SCORECARD_FILE_MIGRATIONS,
    schema: ScorecardFileSchema,
    notThisFormat: (format) =>
      format === null
        ? NO_HEADER_MESSAGE
        : format.startsWith('loopcard.')
          ? `This is a Loopcard ${format.slice('loopcard.'.length)} file, not a scorecard.`
          : `This is not a Loopcard scorecard (its format is “${format.slice(0, 60)}”).`,
    mismatch: (detail) => `The file does not match the scorecard format${detail}. It may have been edited by hand.`,
  });
  if (!read.ok) return read;
  if (read.value.payload.scorecard.status !== 'submitted' && read.value.payload.revisions.length === 0) {
    return { ok: false, reason: 'This scorecard was never submitted: it is a draft copy. Ask the interviewer to submit it and export it again.' };
  }
  return read;
}
