import { z } from 'zod';
import { IdSchema, TimestampSchema, requiredText } from './fields';
import { LANES } from './role';

export const RUBRIC_TEXT_MAX_LENGTH = 2_000;
export const RUBRIC_MAX_DIMENSIONS = 12;
export const RUBRIC_MAX_LIST = 20;

/** The four anchored levels; "not covered" is a separate answer, never a level. */
export const LEVEL_VALUES = [1, 2, 3, 4] as const;
export type RatingLevel = (typeof LEVEL_VALUES)[number];
export const NOT_COVERED = 'not-covered' as const;
export const LEVEL_NAMES: Record<RatingLevel, string> = {
  1: 'No evidence',
  2: 'Partial',
  3: 'Solid',
  4: 'Exceptional',
};

/** How a dimension's answer reads, everywhere it is shown: "3 · Solid", "Not covered", "Not answered". */
export function levelLabel(level: RatingLevel | typeof NOT_COVERED | null, separator = ' · '): string {
  if (level === null) return 'Not answered';
  if (level === NOT_COVERED) return 'Not covered';
  return `${level}${separator}${LEVEL_NAMES[level]}`;
}

/** Four points, no neutral: the panel has to lean one way. */
export const RECOMMENDATIONS = ['strong-no', 'no', 'yes', 'strong-yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

const KeySchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9-]*$/, 'Keys are lower-case words joined by hyphens.');

const text = (label: string) => requiredText(label, RUBRIC_TEXT_MAX_LENGTH);

export const DimensionSchema = z
  .object({
    key: KeySchema,
    title: requiredText('Dimension title', 80),
    focus: text('Focus'),
    good: text('What good looks like'),
    probes: z.array(text('Probe')).max(RUBRIC_MAX_LIST),
    anchors: z
      .object({ 1: text('Level 1 anchor'), 2: text('Level 2 anchor'), 3: text('Level 3 anchor'), 4: text('Level 4 anchor') })
      .strict(),
  })
  .strict();
export type Dimension = z.infer<typeof DimensionSchema>;

export const ProbeTopicSchema = z.object({ key: KeySchema, label: requiredText('Probe topic', 80) }).strict();
export type ProbeTopic = z.infer<typeof ProbeTopicSchema>;

export const RedFlagSchema = z
  .object({ key: KeySchema, label: requiredText('Red flag', 120), description: text('Red flag description') })
  .strict();
export type RedFlag = z.infer<typeof RedFlagSchema>;

export const RecommendationOptionSchema = z
  .object({ value: z.enum(RECOMMENDATIONS), label: requiredText('Recommendation label', 40) })
  .strict();

const uniqueKeys = <T extends { key: string }>(items: readonly T[]) => new Set(items.map((i) => i.key)).size === items.length;

export const AGENDA_MAX_ITEMS = 16;
export const AGENDA_ITEM_MAX_MINUTES = 60;

/**
 * One time box of the interview kit: an opening, a dimension, the candidate's questions. Not
 * scored; it tells the interviewer where they are in the time. A `dimensionKey` ties the box to
 * the dimension it covers.
 */
export const AgendaItemSchema = z
  .object({
    key: KeySchema,
    title: requiredText('Agenda item', 80),
    minutes: z.number().int().min(1).max(AGENDA_ITEM_MAX_MINUTES),
    dimensionKey: z.union([KeySchema, z.null()]),
  })
  .strict();
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** Minutes of the default opening and closing boxes, and of each dimension's box. */
export const DEFAULT_AGENDA_MINUTES = { opening: 5, dimension: 8, closing: 5 } as const;

/**
 * The time boxes a rubric gets when nobody planned them: an opening, one box per dimension in
 * order, the candidate's questions. Deterministic, so every device and every migrated file gives
 * the same agenda to the same rubric (and rubric versions still compare equal).
 */
export function defaultAgenda(dimensions: readonly { key: string; title: string }[]): AgendaItem[] {
  return [
    { key: 'opening', title: 'Introductions and the incident in brief', minutes: DEFAULT_AGENDA_MINUTES.opening, dimensionKey: null },
    ...dimensions.map((d) => ({ key: `dimension-${d.key}`.slice(0, 40), title: d.title, minutes: DEFAULT_AGENDA_MINUTES.dimension, dimensionKey: d.key })),
    { key: 'closing', title: 'The candidate’s questions', minutes: DEFAULT_AGENDA_MINUTES.closing, dimensionKey: null },
  ];
}

/** Planned minutes of an agenda, in total. */
export function agendaMinutes(agenda: readonly Pick<AgendaItem, 'minutes'>[]): number {
  return agenda.reduce((sum, item) => sum + item.minutes, 0);
}

/** Which rubric version a record was scored on, or a version was made from: its id and number. */
export const RubricVersionRefSchema = z.object({ id: IdSchema, version: z.number().int().min(1) }).strict();
export type RubricVersionRef = z.infer<typeof RubricVersionRefSchema>;

export const RUBRIC_AUTHOR_MAX_LENGTH = 80;

export const RubricSchema = z
  .object({
    /**
     * The version's own identifier. A built-in keeps its shipped one; every version saved on a
     * device gets a new one, so two devices' "version 2" are two records (siblings), never a clash.
     */
    id: IdSchema,
    /** The number shown ("version 2"): one more than the highest of its lineage on the device that saved it. */
    version: z.number().int().min(1),
    /** The rubric a version belongs to: the id of its first version (database version 5). */
    lineage: IdSchema,
    /** The version it was edited from; null for a built-in and for the first version of a new rubric. */
    basedOn: RubricVersionRefSchema.nullable(),
    /** Who saved it, as they gave their name on the device; empty for a built-in. */
    author: z.string().max(RUBRIC_AUTHOR_MAX_LENGTH),
    title: requiredText('Rubric title', 120),
    prompt: text('Prompt'),
    dimensions: z
      .array(DimensionSchema)
      .min(1, 'A rubric needs at least one dimension.')
      .max(RUBRIC_MAX_DIMENSIONS)
      .refine(uniqueKeys, 'Dimension keys must be unique.'),
    probeTopics: z.array(ProbeTopicSchema).max(RUBRIC_MAX_LIST).refine(uniqueKeys, 'Probe topics must be unique.'),
    redFlags: z.array(RedFlagSchema).max(RUBRIC_MAX_LIST).refine(uniqueKeys, 'Red flags must be unique.'),
    recommendationScale: z
      .array(RecommendationOptionSchema)
      .length(RECOMMENDATIONS.length)
      .refine(
        (scale) => scale.every((option, i) => option.value === RECOMMENDATIONS[i]),
        'The recommendation scale is strong no, no, yes, strong yes, in that order.',
      ),
    laneEmphasis: z.partialRecord(z.enum(LANES), z.array(text('Lane probe')).max(RUBRIC_MAX_LIST)),
    /** The interview kit's time boxes (database version 4, file formats after version 2). */
    agenda: z.array(AgendaItemSchema).min(1).max(AGENDA_MAX_ITEMS).refine(uniqueKeys, 'Agenda items must be unique.'),
    builtIn: z.boolean(),
    createdAt: TimestampSchema,
  })
  .strict();
export type Rubric = z.infer<typeof RubricSchema>;

export function rubricRefOf(rubric: Pick<Rubric, 'id' | 'version'>) {
  return { id: rubric.id, version: rubric.version };
}

export function sameRubricVersion(a: RubricVersionRef, b: RubricVersionRef): boolean {
  return a.id === b.id && a.version === b.version;
}

/**
 * The newest version of each rubric (lineage), for pickers that offer only what is current. Two
 * siblings with the same number (saved on two devices) are told apart by the later save.
 */
export function latestRubrics(rubrics: readonly Rubric[]): Rubric[] {
  const byLineage = new Map<string, Rubric>();
  for (const rubric of rubrics) {
    const seen = byLineage.get(rubric.lineage);
    if (!seen || seen.version < rubric.version || (seen.version === rubric.version && seen.createdAt < rubric.createdAt)) byLineage.set(rubric.lineage, rubric);
  }
  return [...byLineage.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** How a recommendation reads, in the rubric's own words; `empty` when there is none. */
export function recommendationLabel(rubric: Pick<Rubric, 'recommendationScale'>, value: Recommendation | string | null, empty = '—'): string {
  if (value === null) return empty;
  return rubric.recommendationScale.find((o) => o.value === value)?.label ?? value;
}
