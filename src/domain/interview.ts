import { z } from 'zod';
import { IdSchema, TimestampSchema, isRealDate, REVISION_FIELDS } from './fields';
import { RubricRefSchema } from './role';
import { personName, sameName } from './person-name';
import { LOCAL_DATETIME } from './wall-clock';

export { wallClockOf, type WallClock } from './wall-clock';

export const INTERVIEWER_NAME_MAX_LENGTH = 80;
export const LOOP_MAX_INTERVIEWS = 12;


/**
 * The pattern alone lets through "2026-02-30T25:99", which no clock shows and no date can display.
 * A value that does not fit the pattern passes here: the pattern's own message already covers it.
 * (Not `abort`: inside the union that would hide both messages behind zod's "Invalid input".)
 */
function isRealLocalDateTime(value: string): boolean {
  const m = LOCAL_DATETIME.exec(value);
  if (!m) return true;
  return isRealDate(m[1] ?? '') && Number(m[2]) < 24 && Number(m[3]) < 60;
}

export const InterviewSchema = z
  .object({
    id: IdSchema,
    candidateId: IdSchema,
    roleId: IdSchema,
    rubric: RubricRefSchema,
    interviewerName: personName('Interviewer name', INTERVIEWER_NAME_MAX_LENGTH),
    /** Wall-clock time in the room, as the planner typed it (`YYYY-MM-DDTHH:mm`); empty when not yet planned. */
    plannedAt: z.union([
      z.literal(''),
      z
        .string()
        .regex(LOCAL_DATETIME, 'Planned time must be a date and time.')
        .refine(isRealLocalDateTime, 'Planned time is not a real date and time.'),
    ]),
    createdAt: TimestampSchema,
    ...REVISION_FIELDS,
  })
  .strict();
export type Interview = z.infer<typeof InterviewSchema>;

/** The name a person goes by on this device, matched against the loop's interviewer names. */
export const InterviewerNameSchema = personName('Your name', INTERVIEWER_NAME_MAX_LENGTH);

/** What the planner fills in; without a rubric, the interview is the next one of the role's loop plan. */
export const InterviewInputSchema = InterviewSchema.pick({ interviewerName: true, plannedAt: true }).extend({ rubric: RubricRefSchema.optional() });
export type InterviewInput = z.infer<typeof InterviewInputSchema>;

/** Names are compared the way people read them: case, accents' composition and spacing ignored. */
export function sameInterviewer(a: string, b: string): boolean {
  return sameName(a, b);
}

export const DUPLICATE_INTERVIEWER_MESSAGE = 'This interviewer is already on the loop: one interview per interviewer.';
export const LOOP_FULL_MESSAGE = `A loop has at most ${LOOP_MAX_INTERVIEWS} interviews.`;

/** Why a new interview cannot join a candidate's loop, or null when it can. */
export function checkLoopAddition(loop: readonly Pick<Interview, 'interviewerName'>[], interviewerName: string): string | null {
  if (loop.some((i) => sameInterviewer(i.interviewerName, interviewerName))) return DUPLICATE_INTERVIEWER_MESSAGE;
  if (loop.length >= LOOP_MAX_INTERVIEWS) return LOOP_FULL_MESSAGE;
  return null;
}

/** Interviews in the order they happen: planned ones by time, unplanned ones last by when added. */
export function sortLoop<T extends Pick<Interview, 'plannedAt' | 'createdAt'>>(loop: readonly T[]): T[] {
  return [...loop].sort((a, b) => {
    if (a.plannedAt && b.plannedAt) return a.plannedAt.localeCompare(b.plannedAt);
    if (a.plannedAt) return -1;
    if (b.plannedAt) return 1;
    return a.createdAt.localeCompare(b.createdAt);
  });
}
