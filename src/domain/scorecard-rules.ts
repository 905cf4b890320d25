import { z } from 'zod';
import type { Interview } from './interview';
import { sameInterviewer } from './interview';
import type { Rubric } from './rubric';
import { NOT_COVERED } from './rubric';
import type { DimensionRating, Scorecard, ScorecardContent } from './scorecard';
import { AMEND_REASON_MAX_LENGTH } from './scorecard';
import { evidenceFor } from './evidence';

/** A blank scorecard for an interview: one empty answer per rubric dimension, in rubric order. */
export function createDraftScorecard(interview: Interview, rubric: Rubric, id: string, now: string): Scorecard {
  return {
    id,
    interviewId: interview.id,
    candidateId: interview.candidateId,
    roleId: interview.roleId,
    rubric: { id: rubric.id, version: rubric.version },
    interviewerName: interview.interviewerName,
    ratings: rubric.dimensions.map((d) => ({ dimensionKey: d.key, level: null, evidence: '', probesCovered: [] })),
    redFlags: [],
    recommendation: null,
    takeaways: '',
    status: 'draft',
    revision: 1,
    amendReason: '',
    editVersion: 0,
    timerStartedAt: null,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    contentHash: null,
  };
}

export function ratingFor(content: Pick<ScorecardContent, 'ratings'>, dimensionKey: string): DimensionRating {
  return content.ratings.find((r) => r.dimensionKey === dimensionKey) ?? { dimensionKey, level: null, evidence: '', probesCovered: [] };
}

/** Dimensions answered with a level (1–4); "not covered" is an answer but not a rating. */
export function countRated(content: Pick<ScorecardContent, 'ratings'>, rubric: Rubric): number {
  return rubric.dimensions.filter((d) => typeof ratingFor(content, d.key).level === 'number').length;
}

export function coverageLabel(content: Pick<ScorecardContent, 'ratings'>, rubric: Rubric): string {
  return `${countRated(content, rubric)} of ${rubric.dimensions.length} dimensions rated`;
}

export type SubmissionIssue = { field: string; message: string };

/**
 * What stops a scorecard from being submitted, in the order the interviewer meets the fields.
 * Every dimension needs an answer (a level or "not covered"), every rated dimension needs the
 * evidence behind it, and the recommendation is required.
 */
export function checkSubmission(content: ScorecardContent, rubric: Rubric): SubmissionIssue[] {
  const issues: SubmissionIssue[] = [];
  for (const dimension of rubric.dimensions) {
    const rating = ratingFor(content, dimension.key);
    if (rating.level === null) {
      issues.push({ field: `level-${dimension.key}`, message: `${dimension.title}: choose a level, or mark it not covered.` });
    } else if (rating.level !== NOT_COVERED && evidenceFor(content, dimension.key).trim() === '') {
      issues.push({ field: `evidence-${dimension.key}`, message: `${dimension.title}: add the evidence behind level ${rating.level}.` });
    }
  }
  if (content.recommendation === null) {
    issues.push({ field: 'recommendation', message: 'Choose an overall recommendation.' });
  }
  return issues;
}

/** Why a submitted scorecard is reopened: required, trimmed, at most AMEND_REASON_MAX_LENGTH. */
export const AmendReasonSchema = z
  .string({ error: 'Say why you are amending a submitted scorecard.' })
  .trim()
  // abort: a blank reason gets one message, not a second about the length.
  .min(1, { message: 'Say why you are amending a submitted scorecard.', abort: true })
  .max(AMEND_REASON_MAX_LENGTH, `The reason must be at most ${AMEND_REASON_MAX_LENGTH.toLocaleString('en-US')} characters.`);

/** The amend form: the reason, under the same rule the repository and incoming files apply. */
export const AmendInputSchema = z.object({ reason: AmendReasonSchema }).strict();
export type AmendInput = z.infer<typeof AmendInputSchema>;

/** What is wrong with an amend reason, in words; null when it may be recorded. */
export function checkAmendReason(reason: string): string | null {
  const result = AmendReasonSchema.safeParse(reason);
  return result.success ? null : (result.error.issues[0]?.message ?? null);
}

/** The part of a submitted scorecard its hash covers: everything but the hash and the save counters. */
export function hashedContent(scorecard: Scorecard): Omit<Scorecard, 'contentHash' | 'editVersion' | 'updatedAt'> {
  const { contentHash: _hash, editVersion: _edits, updatedAt: _updated, ...rest } = scorecard;
  return rest;
}

export type LoopStatus = 'not-started' | 'in-progress' | 'submitted';

export type PanelEntry = {
  interview: Interview;
  status: LoopStatus;
  /** The latest submitted revision, present only when the viewer may see it. */
  visible: Scorecard | null;
};

/**
 * The independence rule. Until the viewer has submitted their own scorecard for this candidate,
 * they see only who is on the loop and whether each has submitted; afterwards they also see every
 * submitted scorecard (never someone else's draft). An amendment in progress does not hide the
 * panel again: the viewer has already submitted once.
 */
export function panelFor(
  loop: readonly Interview[],
  current: readonly Scorecard[],
  submittedRevisions: readonly Scorecard[],
  viewerName: string,
): { viewerHasSubmitted: boolean; entries: PanelEntry[] } {
  const mine = loop.find((i) => sameInterviewer(i.interviewerName, viewerName));
  const viewerHasSubmitted = mine !== undefined && submittedRevisions.some((r) => r.interviewId === mine.id);
  const entries = loop.map((interview) => {
    const card = current.find((s) => s.interviewId === interview.id);
    const revisions = submittedRevisions.filter((r) => r.interviewId === interview.id).sort((a, b) => b.revision - a.revision);
    const status: LoopStatus = !card ? 'not-started' : card.status === 'submitted' ? 'submitted' : revisions.length > 0 ? 'submitted' : 'in-progress';
    const latest = revisions[0] ?? null;
    const isMine = interview.id === mine?.id;
    return { interview, status, visible: latest && (isMine || viewerHasSubmitted) ? latest : null };
  });
  return { viewerHasSubmitted, entries };
}

export const LOOP_STATUS_LABELS: Record<LoopStatus, string> = {
  // Said as this device knows it: a colleague may have submitted on their own device.
  'not-started': 'No scorecard on this device',
  'in-progress': 'In progress',
  submitted: 'Submitted',
};

const LETTER_FOLDS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', þ: 'th', ð: 'd', ı: 'i' };

/** A file-name-safe slug in plain ASCII: "Zofia Łukasiewicz" → "zofia-lukasiewicz". */
export function fileSlug(text: string): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁøØđĐßæÆœŒþðı]/g, (c) => LETTER_FOLDS[c] ?? c)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Cut, then trim again: a cut between words must not leave a trailing hyphen ("…-" + "-ana" → "--").
  return folded.slice(0, 60).replace(/-+$/, '') || 'unnamed';
}

export function scorecardFileName(candidateName: string, interviewerName: string, date: string): string {
  return `${fileSlug(candidateName)}-${fileSlug(interviewerName)}-${date}.loopcard.json`;
}
