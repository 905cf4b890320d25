import { z } from 'zod';
import { IdSchema, TimestampSchema } from './fields';
import { RubricVersionRefSchema } from './rubric';

/*
 * The rubric draft as stored (the `rubricDrafts` table): the fields of a rubric as the person types
 * them. Apart from the rules in rubric-editing.ts, so the data layer can read drafts without
 * loading the editor's rules with the first screen.
 */

export const KEY_MAX_LENGTH = 40;

/**
 * What a draft keeps of one text, whatever the version's limit: room for a long paste to be cut
 * down at the field, not a store for megabytes. Beyond it the autosave refuses with a reason.
 */
export const DRAFT_TEXT_MAX_LENGTH = 100_000;
/** Lists a draft may hold while they are being trimmed down to the version's limits. */
export const DRAFT_LIST_MAX = 100;

const draftText = z.string().max(DRAFT_TEXT_MAX_LENGTH, `A field of this draft is longer than ${DRAFT_TEXT_MAX_LENGTH.toLocaleString('en-US')} characters; shorten it to keep it.`);
/** An item's identity inside the draft (for the screen and its messages), not the key it is saved under. */
const ItemIdSchema = IdSchema;
/** The key an item was saved under in an earlier version (kept for good), or null for a new item. */
const FixedKeySchema = z.string().max(KEY_MAX_LENGTH * 2).nullable();

const DraftDimensionSchema = z
  .object({
    id: ItemIdSchema,
    key: FixedKeySchema,
    title: draftText,
    focus: draftText,
    good: draftText,
    /** One probe a line, as typed. */
    probes: draftText,
    anchors: z.object({ 1: draftText, 2: draftText, 3: draftText, 4: draftText }).strict(),
  })
  .strict();
export type DraftDimension = z.infer<typeof DraftDimensionSchema>;

const DraftProbeTopicSchema = z.object({ id: ItemIdSchema, key: FixedKeySchema, label: draftText }).strict();
export type DraftProbeTopic = z.infer<typeof DraftProbeTopicSchema>;

const DraftRedFlagSchema = z.object({ id: ItemIdSchema, key: FixedKeySchema, label: draftText, description: draftText }).strict();
export type DraftRedFlag = z.infer<typeof DraftRedFlagSchema>;

const DraftAgendaItemSchema = z
  .object({
    id: ItemIdSchema,
    key: FixedKeySchema,
    title: draftText,
    /** Null while the box is empty. */
    minutes: z.number().int().min(0).max(10_000).nullable(),
    /** The draft dimension (its item id) this box covers, or null for an opening or closing box. */
    dimension: ItemIdSchema.nullable(),
  })
  .strict();
export type DraftAgendaItem = z.infer<typeof DraftAgendaItemSchema>;

export const RubricDraftSchema = z
  .object({
    id: IdSchema,
    /** The version this draft was made from. */
    basedOn: RubricVersionRefSchema.nullable(),
    /** The rubric the saved version joins; null for a new rubric ("Duplicate as a new rubric"). */
    lineage: IdSchema.nullable(),
    title: draftText,
    prompt: draftText,
    dimensions: z.array(DraftDimensionSchema).max(DRAFT_LIST_MAX),
    probeTopics: z.array(DraftProbeTopicSchema).max(DRAFT_LIST_MAX),
    redFlags: z.array(DraftRedFlagSchema).max(DRAFT_LIST_MAX),
    recommendationLabels: z.object({ 'strong-no': draftText, no: draftText, yes: draftText, 'strong-yes': draftText }).strict(),
    /** Extra probes per lane, one a line, as typed. */
    laneEmphasis: z.object({ 'pipeline-owner': draftText, 'serving-reliability': draftText, 'platform-builder': draftText }).strict(),
    agenda: z.array(DraftAgendaItemSchema).max(DRAFT_LIST_MAX),
    createdAt: TimestampSchema,
    updatedAt: TimestampSchema,
  })
  .strict()
  .refine((draft) => {
    const ids = [...draft.dimensions, ...draft.probeTopics, ...draft.redFlags, ...draft.agenda].map((item) => item.id);
    return new Set(ids).size === ids.length;
  }, 'Two parts of this draft share an identifier.');
export type RubricDraft = z.infer<typeof RubricDraftSchema>;
