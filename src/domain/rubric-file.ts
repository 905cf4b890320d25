import { z } from 'zod';
import { RubricSchema, type Rubric } from './rubric';
import { envelopeSchema, type BodyMigration } from './file-envelope';
import { emptyRecords, type Records } from './records';
import { fileSlug } from './scorecard-rules';
import { checkIncomingRubric } from './incoming-scorecard';
import { visibleName } from './person-name';

export const RUBRIC_FILE_FORMAT = 'loopcard.rubric';
export const RUBRIC_FILE_VERSION = 1;
/** The file name's ending, so a rubric file is told apart from a loop's or a scorecard's at a glance. */
export const RUBRIC_FILE_EXTENSION = '.loopcard-rubric.json';

/**
 * The largest rubric file. A rubric at every limit of its schema, in plain Latin text, is about
 * 0.8 MB written out; real ones are a few dozen kilobytes. Anything larger is refused before it
 * is parsed, and a rubric that would be larger is never written (see buildRubricFile).
 */
export const RUBRIC_FILE_MAX_BYTES = 1024 * 1024;

/** One saved rubric version, shared so another device can use it in its loops. */
export const RubricFilePayloadSchema = z.object({ rubric: RubricSchema }).strict();
export type RubricFilePayload = z.infer<typeof RubricFilePayloadSchema>;

/** The versioned envelope every Loopcard file shares, around one rubric version. */
export const RubricFileSchema = envelopeSchema(RUBRIC_FILE_FORMAT, RUBRIC_FILE_VERSION, 'payload', RubricFilePayloadSchema);
export type RubricFile = z.infer<typeof RubricFileSchema>;

/**
 * The records a rubric file's payload embeds, by field, and the table each belongs to: when a
 * database version changes rubric rows, its step is `1: (body) => migrateBody(body, N, EMBEDS)`.
 */
export const EMBEDS = { rubric: 'rubrics' } as const;

/** Each step turns the payload of version n into version n + 1 (none yet: version 1 is the first). */
export const RUBRIC_FILE_MIGRATIONS: Readonly<Record<number, BodyMigration>> = {};

/**
 * What a rubric file must say of itself beyond its schema: a built-in is the text Loopcard ships
 * (the rule every rubric from elsewhere obeys), the agenda times only the rubric's own dimensions,
 * and a version is not based on itself.
 */
export function checkRubricFile(file: RubricFile): string | null {
  const { rubric } = file.payload;
  const builtIn = checkIncomingRubric(rubric);
  if (builtIn) return builtIn;
  const name = `The rubric ${rubricVersionName(rubric)},`;
  const keys = new Set(rubric.dimensions.map((d) => d.key));
  const stray = rubric.agenda.find((item) => item.dimensionKey !== null && !keys.has(item.dimensionKey));
  if (stray) return `${name} has a time box (“${stray.title}”) for a dimension it does not have. It may have been edited by hand; ask for a fresh export.`;
  if (rubric.basedOn && rubric.basedOn.id === rubric.id && rubric.basedOn.version === rubric.version) {
    return `${name} says it is based on itself. It may have been edited by hand; ask for a fresh export.`;
  }
  return null;
}

export function rubricFileRecords(file: RubricFile): Records {
  return { ...emptyRecords(), rubrics: [file.payload.rubric] };
}

/** `team-incident-review-v2-2026-11-02.loopcard-rubric.json` */
export function rubricFileName(title: string, version: number, date: string): string {
  return `${fileSlug(title)}-v${version}-${date}${RUBRIC_FILE_EXTENSION}`;
}

/** The words a summary uses for a rubric version: “Team incident review”, version 2. */
export function rubricVersionName(rubric: Pick<Rubric, 'title' | 'version'>): string {
  // Text from a file: no invisible characters, so no bidi control can reorder the sentence.
  return `“${visibleName(rubric.title)}”, version ${rubric.version}`;
}
