import { z } from 'zod';
import { IdSchema, TimestampSchema, optionalText, requiredText, REVISION_FIELDS } from './fields';
import { STACK_ENTRY_MAX_LENGTH, STACK_MAX_ENTRIES } from './role';
import { PRODUCTION_SIGNAL_KEYS, WRONG_POOL_SIGNAL_KEYS } from './sourcing';
import { SCREEN_OUTCOMES, type ScreenForSlate } from './slate';

/**
 * A candidate's screen, before the loop and apart from the interview scorecards: where they came
 * from, which production and wrong-pool signals the screener confirmed, the keywords a pasted
 * résumé showed (never the text itself), and the outcome with its reason. One per candidate: its
 * `id` is the candidate's. It stays on the device (and in its backups): no loop or scorecard file
 * carries it.
 */

export const SCREEN_SOURCE_MAX_LENGTH = 80;
export const SCREEN_REASON_MAX_LENGTH = 300;
/** Keywords kept from a pasted text: every distinct one the scan can find, with room to spare. */
export const SCREEN_KEYWORDS_MAX = 200;

/** Hold and decline need a reason; advance may have one. */
const hasReasonWhenNeeded = (s: { outcome: string | null; reason: string }) => s.outcome === null || s.outcome === 'advance' || s.reason.trim() !== '';
const REASON_NEEDED = { path: ['reason'], message: 'Say why in a few words, for whoever reads this screen later.' };

const distinct = (values: readonly string[]) => new Set(values.map((v) => v.toLowerCase())).size === values.length;

export const ScreenSchema = z
  .object({
    /** The candidate's id: a candidate has one screen. */
    id: IdSchema,
    candidateId: IdSchema,
    roleId: IdSchema,
    source: optionalText('Source', SCREEN_SOURCE_MAX_LENGTH),
    productionSignals: z.array(z.enum(PRODUCTION_SIGNAL_KEYS)).refine(distinct, 'Each signal is confirmed once.'),
    /** The role's stack tools the screener confirmed. */
    stackTools: z
      .array(requiredText('A stack tool', STACK_ENTRY_MAX_LENGTH))
      .max(STACK_MAX_ENTRIES)
      .refine(distinct, 'Each stack tool is confirmed once.'),
    wrongPoolSignals: z.array(z.enum(WRONG_POOL_SIGNAL_KEYS)).refine(distinct, 'Each signal is confirmed once.'),
    /** The keywords found in a pasted résumé or profile (the text itself is never stored). */
    matchedKeywords: z.array(requiredText('A keyword', STACK_ENTRY_MAX_LENGTH)).max(SCREEN_KEYWORDS_MAX),
    /** null while the screen is being filled in. */
    outcome: z.enum(SCREEN_OUTCOMES).nullable(),
    reason: optionalText('The reason', SCREEN_REASON_MAX_LENGTH),
    screenedBy: optionalText('Screened by', 120),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    ...REVISION_FIELDS,
  })
  .strict()
  .refine((s) => s.id === s.candidateId, { path: ['id'], message: 'A screen is its candidate’s: its id is the candidate’s id.' })
  .refine(hasReasonWhenNeeded, REASON_NEEDED);
export type Screen = z.infer<typeof ScreenSchema>;

/** What the screener fills in; the rest is stamped by the repository. */
export const ScreenInputSchema = z
  .object({
    source: ScreenSchema.shape.source,
    productionSignals: ScreenSchema.shape.productionSignals,
    stackTools: ScreenSchema.shape.stackTools,
    wrongPoolSignals: ScreenSchema.shape.wrongPoolSignals,
    matchedKeywords: ScreenSchema.shape.matchedKeywords,
    outcome: ScreenSchema.shape.outcome,
    reason: ScreenSchema.shape.reason,
    screenedBy: ScreenSchema.shape.screenedBy,
  })
  .strict()
  .refine(hasReasonWhenNeeded, REASON_NEEDED);
export type ScreenInput = z.infer<typeof ScreenInputSchema>;
export type ScreenFormValues = z.input<typeof ScreenInputSchema>;

export const SCREEN_OUTCOME_LABELS: Record<(typeof SCREEN_OUTCOMES)[number], string> = {
  advance: 'Advance to the loop',
  hold: 'Hold',
  decline: 'Decline',
};

/** A screen as slate health counts it: the role's stack tools count as production signals. */
export function screenForSlate(screen: Pick<Screen, 'source' | 'productionSignals' | 'stackTools' | 'wrongPoolSignals' | 'outcome'>): ScreenForSlate | null {
  if (screen.outcome === null) return null;
  return {
    source: screen.source,
    productionSignals: [...screen.productionSignals, ...screen.stackTools],
    wrongPoolSignals: screen.wrongPoolSignals,
    outcome: screen.outcome,
  };
}
