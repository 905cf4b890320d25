import { z } from 'zod';
import { TimestampSchema } from './fields';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { InterviewSchema } from './interview';
import { RubricSchema } from './rubric';
import { EnvelopeAppSchema, IMPORT_MAX_BYTES, readEnvelope, type Migration, type ReadResult } from './file-reading';
import { fileSlug } from './scorecard-rules';

export const LOOP_FILE_FORMAT = 'loopcard.loop';
export const LOOP_FILE_VERSION = 1;

/**
 * A candidate's loop, handed to the interviewers' devices before the interviews, so every device
 * scores the same interview records and the lead's panel comes together from their files.
 */
export const LoopFileSchema = z
  .object({
    format: z.literal(LOOP_FILE_FORMAT),
    version: z.literal(LOOP_FILE_VERSION),
    exportedAt: TimestampSchema,
    app: EnvelopeAppSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    payload: z
      .object({
        role: RoleSchema,
        candidate: CandidateSchema,
        rubric: RubricSchema,
        interviews: z.array(InterviewSchema).min(1).max(12),
      })
      .strict(),
  })
  .strict();
export type LoopFile = z.infer<typeof LoopFileSchema>;

export const LOOP_FILE_MIGRATIONS: Readonly<Record<number, Migration>> = {};

export function readLoopFile(text: string): ReadResult<LoopFile> {
  const read = readEnvelope(text, {
    format: LOOP_FILE_FORMAT,
    version: LOOP_FILE_VERSION,
    what: 'loop file',
    maxChars: IMPORT_MAX_BYTES,
    tooLarge: 'The file is larger than 5 MB; a loop file is never that large.',
    migrations: LOOP_FILE_MIGRATIONS,
    schema: LoopFileSchema,
    notThisFormat: () => 'This is not a Loopcard loop file.',
    mismatch: (detail) => `The file does not match the loop format${detail}.`,
  });
  if (!read.ok) return read;
  const { role, candidate, rubric, interviews } = read.value.payload;
  const belongs =
    candidate.roleId === role.id &&
    interviews.every((i) => i.candidateId === candidate.id && i.roleId === role.id && i.rubric.id === rubric.id && i.rubric.version === rubric.version);
  if (!belongs) return { ok: false, reason: 'The role, candidate, rubric and interviews in the file do not belong together.' };
  return read;
}

export function loopFileName(candidateName: string, date: string): string {
  return `${fileSlug(candidateName)}-loop-${date}.loopcard.json`;
}
