import { z } from 'zod';
import { IdSchema, TimestampSchema, isoDate, optionalText, requiredText, wholeNumber, REVISION_FIELDS } from './fields';
import { COMP_BASES, CURRENCIES, LANES, LANE_INFO, LEVELS, type Lane } from './role-facts';

export * from './role-facts';

export const ROLE_TITLE_MAX_LENGTH = 120;
export const MANDATE_MAX_LENGTH = 280;
export const COMP_MAX = 5_000_000;
export const TARGET_CLOSE_WEEKS_MAX = 52;
/** More sentences than this is not a mandate any more; two is allowed with a warning. */
export const MANDATE_MAX_SENTENCES = 2;

export const CompBandSchema = z
  .object({
    min: wholeNumber('the minimum', 0, COMP_MAX),
    max: wholeNumber('the maximum', 0, COMP_MAX),
    currency: z.enum(CURRENCIES, { error: 'Choose a currency.' }),
    basis: z.enum(COMP_BASES, { error: 'Choose what the band covers.' }),
  })
  .strict()
  .refine((band) => band.max >= band.min, {
    path: ['max'],
    message: 'The maximum must be at least the minimum.',
  });
export type CompBand = z.infer<typeof CompBandSchema>;

export const RubricRefSchema = z
  .object({
    id: IdSchema,
    version: z.number().int().min(1),
  })
  .strict();
export type RubricRef = z.infer<typeof RubricRefSchema>;

/** The team's ML stack: at most this many tools, each at most this long. */
export const STACK_MAX_ENTRIES = 40;
export const STACK_ENTRY_MAX_LENGTH = 60;
/** The first-90-day mission: a few sentences. */
export const MISSION_MAX_LENGTH = 600;


/** A tool's name as kept: one Unicode form, trimmed, inner spacing collapsed. */
export const tidyTool = (tool: string) => tool.normalize('NFC').trim().replace(/\s+/gu, ' ');

/** How two tool names are compared: the same letters in any case, spacing or Unicode form are one tool. */
export const stackKey = (tool: string) => tidyTool(tool).toLowerCase();

/** The team's current ML stack, as tool names (chosen from a list, or typed). */
export const StackSchema = z
  .array(requiredText('A stack tool', STACK_ENTRY_MAX_LENGTH))
  .max(STACK_MAX_ENTRIES, `A stack has at most ${STACK_MAX_ENTRIES} tools.`)
  .refine((tools) => new Set(tools.map(stackKey)).size === tools.length, 'Each stack tool is listed once.');

/** A loop has at most this many interviews, so its plan at most this many slots. */
export const LOOP_PLAN_MAX_SLOTS = 12;

/** One interview of the role's loop plan: which rubric version it is run on. */
export const LoopSlotSchema = z
  .object({
    key: z.string().regex(/^s[1-9][0-9]{0,3}$/, 'A slot key is “s” and a number.'),
    rubric: RubricRefSchema,
  })
  .strict();
export type LoopSlot = z.infer<typeof LoopSlotSchema>;

export const RoleSchema = z
  .object({
    id: IdSchema,
    title: requiredText('Title', ROLE_TITLE_MAX_LENGTH),
    lane: z.enum(LANES, { error: 'Choose the one lane this role is hired for.' }),
    mandate: requiredText('Mandate', MANDATE_MAX_LENGTH).refine(
      (text) => countSentences(text) <= MANDATE_MAX_SENTENCES,
      {
        error: (issue) =>
          `A mandate is one sentence; this reads as ${countSentences(String(issue.input))}. Keep the one outcome this hire owns.`,
      },
    ),
    level: z.enum(LEVELS, { error: 'Choose a level.' }),
    compBand: CompBandSchema,
    openedOn: isoDate('Opened date'),
    targetCloseWeeks: wholeNumber('the target', 1, TARGET_CLOSE_WEEKS_MAX),
    /** The role's default rubric: a new slot's, and the one slot's when there is no plan. */
    rubric: RubricRefSchema,
    /**
     * The interviews every candidate of the role gets, each with its rubric version (database
     * version 5). Optional: a role without one has one interview on its rubric (`loopPlanOf`), so
     * roles revised before the library keep their revisions.
     */
    loopPlan: z
      .array(LoopSlotSchema)
      .min(1, 'A loop plan has at least one interview.')
      .max(LOOP_PLAN_MAX_SLOTS, `A loop plan has at most ${LOOP_PLAN_MAX_SLOTS} interviews.`)
      .refine((slots) => new Set(slots.map((s) => s.key)).size === slots.length, 'Each interview of the loop plan has its own key.')
      .optional(),
    /**
     * The team's current ML stack and the first-90-day mission (database version 6), told to every
     * interviewer and carried into the packet. Optional, so roles saved before keep their revisions.
     */
    stack: StackSchema.optional(),
    mission: optionalText('The 90-day mission', MISSION_MAX_LENGTH).optional(),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
    ...REVISION_FIELDS,
  })
  .strict();
export type Role = z.infer<typeof RoleSchema>;

/** The role's loop plan: its own, or one interview on the role's rubric. */
export function loopPlanOf(role: Pick<Role, 'rubric' | 'loopPlan'>): LoopSlot[] {
  return role.loopPlan ?? [{ key: 's1', rubric: role.rubric }];
}

/** What a person fills in; the rest is stamped by the repository. */
export const RoleInputSchema = RoleSchema.omit({ id: true, createdAt: true, updatedAt: true, rev: true, revHistory: true });
export type RoleInput = z.infer<typeof RoleInputSchema>;
export type RoleFormValues = z.input<typeof RoleInputSchema>;

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'etc', 'approx', 'incl', 'esp', 'dept', 'inc', 'ltd', 'mr', 'ms', 'dr', 'no']);

/**
 * Sentences in a mandate. A full stop ends a sentence only when it is followed by a space or the
 * end, and the word before it is not an abbreviation ("e.g.") and not part of a number ("2.5x").
 */
export function countSentences(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  let count = 0;
  const pattern = /([^\s]*?)([.!?]+)["'”’)]*(?=\s|$)/g;
  let last = 0;
  for (let m = pattern.exec(trimmed); m !== null; m = pattern.exec(trimmed)) {
    const word = (m[1] ?? '').toLowerCase().replace(/^[("'“‘]+/, '');
    if (m[2] === '.' && ABBREVIATIONS.has(word)) continue;
    count += 1;
    last = m.index + m[0].length;
  }
  if (trimmed.slice(last).trim() !== '') count += 1;
  return count;
}

/** Words that give a lane away when they appear in a mandate. */
const LANE_SIGNALS: Record<Lane, readonly RegExp[]> = {
  'pipeline-owner': [
    /\bpromotion\b/i, /\bpromot(e|ing)\b.*\bmodels?\b/i, /\bpipelines?\b/i, /\bfeature (store|reuse|pipelines?)\b/i,
    /\bretrain(ing)?\b/i, /\bmodel registry\b/i, /\bfeast\b/i, /\bmlflow\b/i, /\bkubeflow\b/i, /\bargo\b/i,
  ],
  'serving-reliability': [
    /\bserving\b/i, /\blatency\b/i, /\bp9\d\b/i, /\bautoscal/i, /\bpag(ing|es|er)\b/i, /\bon-?call\b/i,
    /\bendpoints?\b/i, /\buptime\b/i, /\bSLOs?\b/, /\btriton\b/i, /\bkserve\b/i, /\bflask\b/i,
  ],
  'platform-builder': [
    /\bplatform\b/i, /\bpaved road/i, /\bstand up\b/i, /\bfrom scratch\b/i, /\bself-?serve\b/i,
    /\bmulti-?team\b/i, /\bgrowing team\b/i, /\bgreenfield\b/i, /\binternal tooling\b/i,
  ],
};

export function lanesNamedIn(mandate: string): Lane[] {
  return LANES.filter((lane) => LANE_SIGNALS[lane].some((signal) => signal.test(mandate)));
}

export type Warning = { code: string; message: string };

/** Advice on a mandate that is valid but reads like a mis-scoped search. */
export function assessMandate(mandate: string, lane: Lane | undefined): Warning[] {
  const warnings: Warning[] = [];
  const text = mandate.trim();
  if (text === '') return warnings;
  const sentences = countSentences(text);
  if (sentences > 1) {
    warnings.push({
      code: 'several-sentences',
      message: `This mandate is ${sentences} sentences. A mandate is one sentence: the one outcome this hire owns.`,
    });
  }
  const named = lanesNamedIn(text);
  if (named.length > 1) {
    warnings.push({
      code: 'several-lanes',
      message: `This reads like several jobs in one: it names ${named.map((l) => LANE_INFO[l].label.toLowerCase()).join(' and ')} work. Clean searches hire for one lane.`,
    });
  } else if (lane && named.length === 1 && named[0] !== lane) {
    const [only] = named;
    if (only) {
      warnings.push({
        code: 'other-lane',
        message: `This mandate reads like ${LANE_INFO[only].label.toLowerCase()} work, but the lane is ${LANE_INFO[lane].label.toLowerCase()}.`,
      });
    }
  }
  return warnings;
}
