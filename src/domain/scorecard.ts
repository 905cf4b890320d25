import { z } from 'zod';
import { IdSchema, TimestampSchema, freeText, optionalText } from './fields';
import { RubricRefSchema } from './role';
import { LEVEL_VALUES, NOT_COVERED, RECOMMENDATIONS } from './rubric';
import { INTERVIEWER_NAME_MAX_LENGTH } from './interview';
import { personName } from './person-name';

export const EVIDENCE_MAX_LENGTH = 50_000;
export const TAKEAWAYS_MAX_LENGTH = 10_000;
export const RED_FLAG_NOTE_MAX_LENGTH = 2_000;
export const AMEND_REASON_MAX_LENGTH = 1_000;

export const LevelSchema = z.literal([...LEVEL_VALUES]);
/** A dimension's answer: null until the interviewer answers; "not covered" is an answer, not a level. */
export const LevelAnswerSchema = z.literal([...LEVEL_VALUES, NOT_COVERED]).nullable();

export const DimensionRatingSchema = z
  .object({
    dimensionKey: z.string().min(1).max(40),
    level: LevelAnswerSchema,
    evidence: freeText('Evidence', EVIDENCE_MAX_LENGTH),
    probesCovered: z.array(z.string().min(1).max(40)).max(20),
  })
  .strict();
export type DimensionRating = z.infer<typeof DimensionRatingSchema>;

export const RaisedRedFlagSchema = z
  .object({ key: z.string().min(1).max(40), note: freeText('Red flag note', RED_FLAG_NOTE_MAX_LENGTH) })
  .strict();

export const PAD_MAX_LINES = 500;
export const PAD_LINE_MAX_LENGTH = 5_000;

/**
 * One line of the running notes typed while listening: stamped when it was entered (the elapsed
 * time during the interview, the date and time in an amendment), and tagged to the dimension it is
 * evidence for, or to none yet ("unsorted").
 */
export const PadLineSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    text: freeText('Note', PAD_LINE_MAX_LENGTH),
    stamp: z.string().max(40),
    tag: z.union([z.string().min(1).max(40), z.null()]),
  })
  .strict();
export type PadLine = z.infer<typeof PadLineSchema>;

export const SCORECARD_STATUSES = ['draft', 'submitted'] as const;

export const ScorecardSchema = z
  .object({
    id: IdSchema,
    interviewId: IdSchema,
    candidateId: IdSchema,
    roleId: IdSchema,
    rubric: RubricRefSchema,
    interviewerName: personName('Interviewer name', INTERVIEWER_NAME_MAX_LENGTH),
    ratings: z.array(DimensionRatingSchema).max(12),
    redFlags: z.array(RaisedRedFlagSchema).max(20),
    recommendation: z.union([z.enum(RECOMMENDATIONS), z.null()]),
    takeaways: freeText('Key takeaways', TAKEAWAYS_MAX_LENGTH),
    status: z.enum(SCORECARD_STATUSES),
    /** 1 for the first submission; each amendment is a new revision, the old ones are kept. */
    revision: z.number().int().min(1),
    amendReason: optionalText('Reason for the amendment', AMEND_REASON_MAX_LENGTH),
    /** Counts saves, so a save based on an older copy (another tab) is refused, never silently applied. */
    editVersion: z.number().int().min(0),
    /** When the interviewer started the clock; quick notes are stamped with the time since. */
    timerStartedAt: z.union([TimestampSchema, z.null()]),
    // Optional, and absent from scorecards made before the interview kit (database version 4): a
    // field that is absent is absent from the hashed content too, so earlier revisions still verify.
    /** The running notes. */
    pad: z.array(PadLineSchema).max(PAD_MAX_LINES).optional(),
    /** When the clock was paused (null while running). */
    timerPausedAt: z.union([TimestampSchema, z.null()]).optional(),
    /** Time spent paused before the current pause, in milliseconds. */
    timerPausedMs: z.number().int().min(0).optional(),
    /** The probe topics covered in the interview (asked once per interview, not per dimension). */
    topicsCovered: z.array(z.string().min(1).max(40)).max(20).optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    submittedAt: z.union([TimestampSchema, z.null()]),
    /** SHA-256 of the canonical JSON, set when submitted. */
    contentHash: z.union([z.string().regex(/^[0-9a-f]{64}$/), z.null()]),
  })
  .strict();
export type Scorecard = z.infer<typeof ScorecardSchema>;

/** What the interviewer edits; everything else on a scorecard is stamped by the app. */
export const ScorecardContentSchema = ScorecardSchema.pick({
  ratings: true,
  redFlags: true,
  recommendation: true,
  takeaways: true,
  timerStartedAt: true,
  pad: true,
  timerPausedAt: true,
  timerPausedMs: true,
  topicsCovered: true,
});
export type ScorecardContent = z.infer<typeof ScorecardContentSchema>;

export function contentOf(scorecard: Scorecard): ScorecardContent {
  const { ratings, redFlags, recommendation, takeaways, timerStartedAt, pad, timerPausedAt, timerPausedMs, topicsCovered } = scorecard;
  return {
    ratings,
    redFlags,
    recommendation,
    takeaways,
    timerStartedAt,
    ...(pad === undefined ? {} : { pad }),
    ...(timerPausedAt === undefined ? {} : { timerPausedAt }),
    ...(timerPausedMs === undefined ? {} : { timerPausedMs }),
    ...(topicsCovered === undefined ? {} : { topicsCovered }),
  };
}
