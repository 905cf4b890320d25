import { z } from 'zod';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { InterviewSchema, LOOP_MAX_INTERVIEWS } from './interview';
import { RubricSchema } from './rubric';
import { envelopeSchema, type BodyMigration } from './file-envelope';
import { migrateBody } from './row-migrations';
import { emptyRecords, type Records } from './records';
import { fileSlug } from './scorecard-rules';
import { nameKey } from './person-name';

export const LOOP_FILE_FORMAT = 'loopcard.loop';
/** Version 2: the role, candidate and interviews carry revisions (database version 3). Version 3: the rubric carries its agenda (database version 4). */
export const LOOP_FILE_VERSION = 3;

/**
 * A candidate's loop, handed to the interviewers' devices before the interviews, so every device
 * scores the same interview records and the lead's panel comes together from their files.
 */
export const LoopFilePayloadSchema = z
  .object({
    role: RoleSchema,
    candidate: CandidateSchema,
    rubric: RubricSchema,
    interviews: z.array(InterviewSchema).min(1).max(LOOP_MAX_INTERVIEWS),
  })
  .strict();
export const LoopFileSchema = envelopeSchema(LOOP_FILE_FORMAT, LOOP_FILE_VERSION, 'payload', LoopFilePayloadSchema);
export type LoopFile = z.infer<typeof LoopFileSchema>;

/** The records a loop file's payload embeds, by field, and the table each belongs to. */
const EMBEDS = { role: 'roles', candidate: 'candidates', interviews: 'interviews', rubric: 'rubrics' } as const;

/** Each step turns the payload of version n into version n + 1, through the row step of a database version. */
export const LOOP_FILE_MIGRATIONS: Readonly<Record<number, BodyMigration>> = {
  1: (body) => migrateBody(body, 3, EMBEDS),
  2: (body) => migrateBody(body, 4, EMBEDS),
};

/** The role, candidate, rubric and interviews of a loop file belong together, one interview per interviewer. */
export function checkLoopFile(file: LoopFile): string | null {
  const { role, candidate, rubric, interviews } = file.payload;
  const belongs =
    candidate.roleId === role.id &&
    interviews.every((i) => i.candidateId === candidate.id && i.roleId === role.id && i.rubric.id === rubric.id && i.rubric.version === rubric.version);
  if (!belongs) return 'The role, candidate, rubric and interviews in the file do not belong together. It may have been edited by hand; ask for a fresh export.';
  const seen = new Map<string, string>();
  for (const interview of interviews) {
    const key = nameKey(interview.interviewerName);
    const other = seen.get(key);
    if (other !== undefined) return `The loop lists ${interview.interviewerName} twice (as “${other}” and “${interview.interviewerName}”): one interview per interviewer. Ask for a fresh export.`;
    seen.set(key, interview.interviewerName);
  }
  return null;
}

export function loopFileRecords(file: LoopFile): Records {
  const { role, candidate, rubric, interviews } = file.payload;
  return { ...emptyRecords(), roles: [role], candidates: [candidate], rubrics: [rubric], interviews };
}

export function loopFileName(candidateName: string, date: string): string {
  return `${fileSlug(candidateName)}-loop-${date}.loopcard.json`;
}
