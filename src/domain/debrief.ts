import { z } from 'zod';
import { IdSchema, TimestampSchema, optionalText, REVISION_FIELDS } from './fields';
import { LevelAnswerSchema } from './scorecard';
import { NOT_COVERED } from './rubric';

export const RATIONALE_MAX_LENGTH = 5_000;
export const DECIDED_BY_MAX_LENGTH = 80;
export const NEXT_STEP_MAX_LENGTH = 1_000;
export const DECISIONS = ['hire', 'no-hire', 'more-signal'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  hire: 'Hire',
  'no-hire': 'No hire',
  'more-signal': 'More signal needed',
};

export const ConsensusSchema = z
  .object({
    dimensionKey: z.string().min(1).max(40),
    level: LevelAnswerSchema,
    rationale: optionalText('Rationale', RATIONALE_MAX_LENGTH),
  })
  .strict();
export type Consensus = z.infer<typeof ConsensusSchema>;

export const DebriefSchema = z
  .object({
    id: IdSchema,
    candidateId: IdSchema,
    roleId: IdSchema,
    consensus: z.array(ConsensusSchema).max(12),
    decision: z.union([z.enum(DECISIONS), z.null()]),
    decidedBy: optionalText('Decision-maker', DECIDED_BY_MAX_LENGTH),
    nextStep: optionalText('Next step', NEXT_STEP_MAX_LENGTH),
    decidedAt: z.union([TimestampSchema, z.null()]),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    ...REVISION_FIELDS,
  })
  .strict();
export type Debrief = z.infer<typeof DebriefSchema>;

/**
 * A consensus level departs from the panel when it is outside the median's neighbourhood: for a
 * whole median, any other level; for a median between two levels (2.5), anything but those two.
 * "Not covered" departs whenever the panel rated the dimension.
 */
export function departsFromMedian(level: Consensus['level'], panelMedian: number | null): boolean {
  if (level === null) return false;
  if (panelMedian === null) return level !== NOT_COVERED;
  if (level === NOT_COVERED) return true;
  return level < Math.floor(panelMedian) || level > Math.ceil(panelMedian);
}

export type DebriefIssue = { field: string; message: string };

/** What the consensus still needs: a level per dimension, and a rationale wherever it departs. */
export function checkConsensus(
  consensus: readonly Consensus[],
  dimensions: readonly { key: string; title: string; median: number | null }[],
): DebriefIssue[] {
  const issues: DebriefIssue[] = [];
  for (const d of dimensions) {
    const entry = consensus.find((c) => c.dimensionKey === d.key);
    if (!entry || entry.level === null) {
      issues.push({ field: `consensus-${d.key}`, message: `${d.title}: record the panel’s consensus level.` });
    } else if (departsFromMedian(entry.level, d.median) && entry.rationale.trim() === '') {
      issues.push({ field: `consensus-${d.key}-rationale`, message: `${d.title}: the consensus departs from the panel median, so say why.` });
    }
  }
  return issues;
}

/**
 * The decision as the lead records it: all three parts are required. The form, the repository and
 * incoming debriefs all check it through checkDecision, so there is one set of rules.
 */
export const DecisionInputSchema = z
  .object({
    decision: z.enum(DECISIONS, { error: 'Choose the decision.' }),
    decidedBy: z
      .string({ error: 'Name the decision-maker.' })
      .trim()
      .min(1, { message: 'Name the decision-maker.', abort: true })
      .max(DECIDED_BY_MAX_LENGTH, `Decision-maker must be at most ${DECIDED_BY_MAX_LENGTH.toLocaleString('en-US')} characters.`),
    nextStep: z
      .string({ error: 'Say what happens next.' })
      .trim()
      .min(1, { message: 'Say what happens next.', abort: true })
      .max(NEXT_STEP_MAX_LENGTH, `Next step must be at most ${NEXT_STEP_MAX_LENGTH.toLocaleString('en-US')} characters.`),
  })
  .strict();
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

/** What the decision still needs, once the consensus is complete, in the order the fields appear. */
export function checkDecision(debrief: Pick<Debrief, 'decision' | 'decidedBy' | 'nextStep'>): DebriefIssue[] {
  const { decision, decidedBy, nextStep } = debrief;
  const result = DecisionInputSchema.safeParse({ decision, decidedBy, nextStep });
  return result.success ? [] : result.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'decision'), message: issue.message }));
}
