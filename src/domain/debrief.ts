import { z } from 'zod';
import { IdSchema, TimestampSchema, optionalText, REVISION_FIELDS } from './fields';
import { LevelAnswerSchema } from './scorecard';
import { NOT_COVERED, RubricVersionRefSchema, sameRubricVersion, type Rubric, type RubricVersionRef } from './rubric';
import { rubricVersionLabels, type PanelAggregate } from './aggregate';

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

/** One entry per dimension of each rubric in the loop: at most twelve rubrics of twelve dimensions. */
export const CONSENSUS_MAX_ENTRIES = 12 * 12;

export const DECISION_RATIONALE_MAX_LENGTH = 5_000;
export const OFFER_OUTCOMES = ['accepted', 'declined'] as const;
export type OfferOutcome = (typeof OFFER_OUTCOMES)[number];

/** An offer's outcome and when it was recorded: an accepted offer closes the role's search. */
export const OfferSchema = z
  .object({
    outcome: z.enum(OFFER_OUTCOMES),
    recordedAt: TimestampSchema,
  })
  .strict();
export type Offer = z.infer<typeof OfferSchema>;

export const ConsensusSchema = z
  .object({
    dimensionKey: z.string().min(1).max(40),
    level: LevelAnswerSchema,
    rationale: optionalText('Rationale', RATIONALE_MAX_LENGTH),
    /**
     * The rubric version the dimension belongs to, since a panel may be scored on several and two
     * may share a key. Optional: an entry without it (recorded before) is the panel's only
     * rubric's, so every debrief revised before still verifies.
     */
    rubric: RubricVersionRefSchema.optional(),
  })
  .strict();
export type Consensus = z.infer<typeof ConsensusSchema>;

export const DebriefSchema = z
  .object({
    id: IdSchema,
    candidateId: IdSchema,
    roleId: IdSchema,
    consensus: z.array(ConsensusSchema).max(CONSENSUS_MAX_ENTRIES),
    decision: z.union([z.enum(DECISIONS), z.null()]),
    decidedBy: optionalText('Decision-maker', DECIDED_BY_MAX_LENGTH),
    nextStep: optionalText('Next step', NEXT_STEP_MAX_LENGTH),
    decidedAt: z.union([TimestampSchema, z.null()]),
    /**
     * Why the decision was taken, in a few sentences. Optional in the schema, because debriefs
     * decided before it existed must still verify; required for every decision recorded from now
     * (the decision rules check it).
     */
    decisionRationale: optionalText('Decision rationale', DECISION_RATIONALE_MAX_LENGTH).optional(),
    /** The candidate's answer to an offer, recorded by the lead after a hire decision; absent until then. */
    offer: OfferSchema.nullable().optional(),
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

/**
 * The consensus entry of one dimension of one rubric version: the entry naming that version, or,
 * when the panel has only this rubric, an entry naming none (recorded before panels had several).
 */
export function consensusFor(consensus: readonly Consensus[], rubric: RubricVersionRef, dimensionKey: string, onlyRubric: boolean): Consensus | undefined {
  return (
    consensus.find((c) => c.dimensionKey === dimensionKey && c.rubric !== undefined && sameRubricVersion(c.rubric, rubric)) ??
    (onlyRubric ? consensus.find((c) => c.dimensionKey === dimensionKey && c.rubric === undefined) : undefined)
  );
}

/**
 * Which rubric a consensus check is about: its version, whether it is the panel's only rubric,
 * the prefix of its fields, and the label its messages start with (none for an only rubric).
 */
export type ConsensusScope = { rubric: RubricVersionRef; onlyRubric: boolean; fieldPrefix: string; label: string | null };

/** What the consensus still needs: a level per dimension, and a rationale wherever it departs. */
export function checkConsensus(
  consensus: readonly Consensus[],
  dimensions: readonly { key: string; title: string; median: number | null }[],
  scope?: ConsensusScope,
): DebriefIssue[] {
  const issues: DebriefIssue[] = [];
  const prefix = scope?.fieldPrefix ?? 'consensus';
  const named = (title: string) => (scope?.label ? `${scope.label}, ${title}` : title);
  for (const d of dimensions) {
    const entry = scope ? consensusFor(consensus, scope.rubric, d.key, scope.onlyRubric) : consensus.find((c) => c.dimensionKey === d.key);
    if (!entry || entry.level === null) {
      issues.push({ field: `${prefix}-${d.key}`, message: `${named(d.title)}: record the panel’s consensus level.` });
    } else if (departsFromMedian(entry.level, d.median) && entry.rationale.trim() === '') {
      issues.push({ field: `${prefix}-${d.key}-rationale`, message: `${named(d.title)}: the consensus departs from the panel median, so say why.` });
    }
  }
  return issues;
}

/**
 * The consensus each rubric of the panel needs, in the aggregate's order: one scope per rubric
 * version, with its dimensions and medians. A panel on one rubric keeps the plain field names and
 * messages; several are told apart by their label ("ML system design · version 1, Rollback: …").
 */
export function consensusScopes(aggregate: PanelAggregate, rubrics: readonly Rubric[]): (ConsensusScope & { dimensions: { key: string; title: string; median: number | null }[] })[] {
  const onlyRubric = aggregate.byRubric.length === 1;
  const inOrder = aggregate.byRubric.map((g) => rubrics.find((r) => sameRubricVersion(r, g.rubric)) ?? { ...g.rubric, title: g.title, author: '' });
  const labels = rubricVersionLabels(inOrder);
  return aggregate.byRubric.map((group, i) => ({
    rubric: group.rubric,
    onlyRubric,
    fieldPrefix: onlyRubric ? 'consensus' : `consensus-r${i + 1}`,
    label: onlyRubric ? null : (labels[i] ?? group.title),
    dimensions: group.dimensions.map((d) => ({ key: d.dimensionKey, title: d.title, median: d.median })),
  }));
}

/** Every rubric's consensus issues, rubric by rubric in the aggregate's order. */
export function checkPanelConsensus(consensus: readonly Consensus[], aggregate: PanelAggregate, rubrics: readonly Rubric[]): DebriefIssue[] {
  return consensusScopes(aggregate, rubrics).flatMap((scope) => checkConsensus(consensus, scope.dimensions, scope));
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
