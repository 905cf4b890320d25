import { z } from 'zod';

// zod compiles fast parsers with `new Function` when it may. The app's Content-Security-Policy
// forbids eval, so zod would probe for it (a reported violation) and fall back anyway. Every
// schema module imports this one, so the setting is in place before any schema is built.
z.config({ jitless: true });

/** Identifiers are opaque strings made by the data layer; imports must not smuggle anything else. */
export const ID_MAX_LENGTH = 64;
export const IdSchema = z
  .string()
  .min(1, 'Missing identifier.')
  .max(ID_MAX_LENGTH, 'Identifier is too long.')
  .regex(/^[A-Za-z0-9_-]+$/, 'Identifier has characters that are not allowed.');

/** A required single-line text, trimmed, with a message that names the field and its limit. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`);
}

/** An optional free text: empty is fine, too long is not. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`);
}

/**
 * Free text kept exactly as typed (no trimming): interview notes end mid-sentence, and a reload must
 * give back the very same characters.
 */
export function freeText(label: string, max: number) {
  return z.string().max(max, `${label} must be at most ${max.toLocaleString('en-US')} characters.`);
}

/** A whole number in a range, with the message a person needs rather than zod's default. */
export function wholeNumber(label: string, min: number, max: number) {
  const name = capitalise(label);
  return z
    .number({ error: `Enter ${label} as a number.` })
    .int(`${name} must be a whole number.`)
    .min(min, min === 0 ? `${name} cannot be negative.` : `${name} must be at least ${min.toLocaleString('en-US')}.`)
    .max(max, `${name} must be at most ${max.toLocaleString('en-US')}.`);
}

/** Shaped like a date, whether or not the calendar has it: only to choose which message to show. */
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date as `YYYY-MM-DD` that exists (no 31 February). zod's `z.iso.date()` knows the
 * calendar, leap years included, and publishes it in the JSON Schema as `format: date` with a
 * pattern that refuses 2026-02-31 too; one check, so the message only tells the two cases apart.
 */
export function isoDate(label: string) {
  return z.iso.date({
    error: (issue) =>
      issue.code === 'invalid_type'
        ? `${label} is required.`
        : typeof issue.input === 'string' && DATE_SHAPE.test(issue.input)
          ? `${label} is not a real calendar date.`
          : `${label} must be a date (YYYY-MM-DD).`,
  });
}

const CalendarDateSchema = z.iso.date();

export function isRealDate(value: string): boolean {
  return CalendarDateSchema.safeParse(value).success;
}

/** A moment in time as an ISO 8601 string with an offset (what `Date#toISOString` writes). */
export const TimestampSchema = z.iso.datetime({ offset: true, error: 'Not a valid timestamp.' });

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The revision every record a person edits carries (role, candidate, interview, debrief), shaped
 * like CouchDB's `_rev` (`n-<32 hex digits>`), with its ancestors newest first. See revision.ts.
 */
export const REV_PATTERN = /^([1-9][0-9]{0,8})-([0-9a-f]{32})$/;
/** Ancestors kept per record; beyond this an old copy reads as a conflict, never as newer. */
export const REV_HISTORY_MAX = 100;
export const RevSchema = z.string().regex(REV_PATTERN, 'Not a record revision.');
export const RevisionFieldsSchema = z.object({ rev: RevSchema, revHistory: z.array(RevSchema).max(REV_HISTORY_MAX) }).strict();
export type RevisionFields = z.infer<typeof RevisionFieldsSchema>;
export const REVISION_FIELDS = RevisionFieldsSchema.shape;
