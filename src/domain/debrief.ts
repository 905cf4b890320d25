import { z } from 'zod';
import { IdSchema, TimestampSchema, optionalText } from './fields';
import { LevelSchema } from './scorecard';
import { NOT_COVERED } from './rubric';

export const RATIONALE_MAX_LENGTH = 5_000;
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
    level: z.union([LevelSchema, z.literal(NOT_COVERED), z.null()]),
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
    decidedBy: optionalText('Decision-maker', 80),
    nextStep: optionalText('Next step', 1_000),
    decidedAt: z.union([TimestampSchema, z.null()]),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .strict();
export type Debrief = z.infer<typeof DebriefSchema>;
