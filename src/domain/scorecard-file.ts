import { z } from 'zod';
import { TimestampSchema } from './fields';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { InterviewSchema } from './interview';
import { RubricSchema } from './rubric';
import { ScorecardSchema } from './scorecard';
import { EnvelopeAppSchema, IMPORT_MAX_BYTES, describeSchemaIssue, migrateEnvelope, parseJsonSafely, readEnvelopeHeader, type Migration, type ReadResult } from './file-reading';

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
  if (text.length > IMPORT_MAX_BYTES) return { ok: false, reason: 'The file is larger than 5 MB; a scorecard file is never that large.' };
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const header = readEnvelopeHeader(parsed.value);
  if (!header) return { ok: false, reason: 'This is not a Loopcard file: it has no format and version.' };
  if (header.format !== SCORECARD_FILE_FORMAT) {
    return {
      ok: false,
      reason: header.format.startsWith('loopcard.')
        ? `This is a Loopcard ${header.format.slice('loopcard.'.length)} file, not a scorecard.`
        : `This is not a Loopcard scorecard (its format is “${header.format.slice(0, 60)}”).`,
    };
  }
  const migrated = migrateEnvelope(parsed.value as Record<string, unknown>, header.version, SCORECARD_FILE_VERSION, SCORECARD_FILE_MIGRATIONS, 'scorecard file');
  if (!migrated.ok) return migrated;
  const result = ScorecardFileSchema.safeParse(migrated.value);
  if (!result.success) {
    const [first] = result.error.issues;
    return { ok: false, reason: `The file does not match the scorecard format${first ? ` (${describeSchemaIssue(first)})` : ''}. It may have been edited by hand.` };
  }
  if (result.data.payload.scorecard.status !== 'submitted' && result.data.payload.revisions.length === 0) {
    return { ok: false, reason: 'This scorecard was never submitted: it is a draft copy. Ask the interviewer to submit it and export it again.' };
  }
  return { ok: true, value: result.data };
}
