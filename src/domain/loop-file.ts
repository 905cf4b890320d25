import { z } from 'zod';
import { TimestampSchema } from './fields';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { InterviewSchema } from './interview';
import { RubricSchema } from './rubric';
import { EnvelopeAppSchema, IMPORT_MAX_BYTES, describeSchemaIssue, migrateEnvelope, parseJsonSafely, readEnvelopeHeader, type Migration, type ReadResult } from './file-reading';
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
  if (text.length > IMPORT_MAX_BYTES) return { ok: false, reason: 'The file is larger than 5 MB; a loop file is never that large.' };
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const header = readEnvelopeHeader(parsed.value);
  if (!header || header.format !== LOOP_FILE_FORMAT) return { ok: false, reason: 'This is not a Loopcard loop file.' };
  const migrated = migrateEnvelope(parsed.value as Record<string, unknown>, header.version, LOOP_FILE_VERSION, LOOP_FILE_MIGRATIONS, 'loop file');
  if (!migrated.ok) return migrated;
  const result = LoopFileSchema.safeParse(migrated.value);
  if (!result.success) {
    const [first] = result.error.issues;
    return { ok: false, reason: `The file does not match the loop format${first ? ` (${describeSchemaIssue(first)})` : ''}.` };
  }
  const { role, candidate, rubric, interviews } = result.data.payload;
  const belongs =
    candidate.roleId === role.id &&
    interviews.every((i) => i.candidateId === candidate.id && i.roleId === role.id && i.rubric.id === rubric.id && i.rubric.version === rubric.version);
  if (!belongs) return { ok: false, reason: 'The role, candidate, rubric and interviews in the file do not belong together.' };
  return { ok: true, value: result.data };
}

export function loopFileName(candidateName: string, date: string): string {
  return `${fileSlug(candidateName)}-loop-${date}.loopcard.json`;
}
