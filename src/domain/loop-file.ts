import { z } from 'zod';
import { LOOP_PLAN_MAX_SLOTS, RoleSchema, loopPlanOf } from './role';
import { CandidateSchema } from './candidate';
import { InterviewSchema, LOOP_MAX_INTERVIEWS } from './interview';
import { RubricSchema, sameRubricVersion, type RubricVersionRef } from './rubric';
import { envelopeSchema, type BodyMigration } from './file-envelope';
import { migrateBody } from './row-migrations';
import { emptyRecords, type Records } from './records';
import { fileSlug } from './scorecard-rules';
import { nameKey } from './person-name';

export const LOOP_FILE_FORMAT = 'loopcard.loop';
/**
 * Version 2: the role, candidate and interviews carry revisions (database version 3). Version 3:
 * the rubric carries its agenda (database version 4). Version 4: one rubric per interview, so the
 * file carries every rubric its interviews use (`rubrics`), each with its lineage (database version 5),
 * and those of the role's default and loop plan, so an interviewer added on the receiving device
 * finds their interview's rubric there (files of version 4 made before carry the interviews' only).
 * Version 5: the role may carry the team's stack and the 90-day mission, so interviewers are briefed
 * (database version 6).
 */
export const LOOP_FILE_VERSION = 5;

/**
 * A candidate's loop, handed to the interviewers' devices before the interviews, so every device
 * scores the same interview records and the lead's panel comes together from their files.
 */
export const LoopFilePayloadSchema = z
  .object({
    role: RoleSchema,
    candidate: CandidateSchema,
    /** The rubric version of each interview, of the role's default and of its loop plan, once each. */
    rubrics: z.array(RubricSchema).min(1).max(LOOP_MAX_INTERVIEWS + LOOP_PLAN_MAX_SLOTS + 1),
    interviews: z.array(InterviewSchema).min(1).max(LOOP_MAX_INTERVIEWS),
  })
  .strict();
export const LoopFileSchema = envelopeSchema(LOOP_FILE_FORMAT, LOOP_FILE_VERSION, 'payload', LoopFilePayloadSchema);
export type LoopFile = z.infer<typeof LoopFileSchema>;

/** The records a loop file's payload embeds, by field, and the table each belongs to. */
const EMBEDS = { role: 'roles', candidate: 'candidates', interviews: 'interviews', rubrics: 'rubrics' } as const;
/** Up to version 3, one rubric for the whole loop. */
const EMBEDS_V3 = { role: 'roles', candidate: 'candidates', interviews: 'interviews', rubric: 'rubrics' } as const;

/** Each step turns the payload of version n into version n + 1, through the row step of a database version. */
export const LOOP_FILE_MIGRATIONS: Readonly<Record<number, BodyMigration>> = {
  1: (body) => migrateBody(body, 3, EMBEDS_V3),
  2: (body) => migrateBody(body, 4, EMBEDS_V3),
  3: (body) => migrateBody(oneRubricToList(body), 5, EMBEDS),
  4: (body) => migrateBody(body, 6, EMBEDS),
};

/** A version 3 body's one `rubric` becomes the list `rubrics` (every interview used it). */
export function oneRubricToList(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !('rubric' in body)) return body;
  const { rubric, ...rest } = body as Record<string, unknown>;
  return { ...rest, rubrics: [rubric] };
}

/** The role, candidate, rubrics and interviews of a loop file belong together, one interview per interviewer. */
export function checkLoopFile(file: LoopFile): string | null {
  const { role, candidate, rubrics, interviews } = file.payload;
  const planned = [role.rubric, ...loopPlanOf(role).map((slot) => slot.rubric)];
  const used = (r: RubricVersionRef) => interviews.some((i) => sameRubricVersion(i.rubric, r)) || planned.some((p) => sameRubricVersion(p, r));
  const belongs =
    candidate.roleId === role.id &&
    interviews.every((i) => i.candidateId === candidate.id && i.roleId === role.id && rubrics.some((r) => sameRubricVersion(i.rubric, r))) &&
    rubrics.every(used) &&
    new Set(rubrics.map((r) => `${r.id}#${r.version}`)).size === rubrics.length;
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
  const { role, candidate, rubrics, interviews } = file.payload;
  return { ...emptyRecords(), roles: [role], candidates: [candidate], rubrics, interviews };
}

export function loopFileName(candidateName: string, date: string): string {
  return `${fileSlug(candidateName)}-loop-${date}.loopcard.json`;
}
