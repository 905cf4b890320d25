import { z } from 'zod';

/** Limits and checks shared by every file Loopcard reads: nothing is trusted before it passes. */

/** Every Loopcard file says which app, at which version, wrote it. */
export const EnvelopeAppSchema = z.object({ name: z.literal('Loopcard'), version: z.string().min(1).max(40) }).strict();

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses JSON, refusing keys that could reach an object's prototype if the data were merged later. */
export function parseJsonSafely(text: string): ReadResult<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not valid JSON: it may be cut short or damaged. Ask for it to be exported again.' };
  }
  const bad = findForbiddenKey(value);
  if (bad) return { ok: false, reason: `The file contains a key named “${bad}”, which Loopcard never writes. It was not imported.` };
  return { ok: true, value };
}

function findForbiddenKey(value: unknown): string | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      stack.push(...current);
    } else if (current !== null && typeof current === 'object') {
      for (const key of Object.keys(current)) {
        if (FORBIDDEN_KEYS.has(key)) return key;
        stack.push((current as Record<string, unknown>)[key]);
      }
    }
  }
  return null;
}

/** Reads the envelope's format and version before anything else, for a message that says what the file is. */
export function readEnvelopeHeader(value: unknown): { format: string; version: number } | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (typeof format !== 'string' || typeof version !== 'number' || !Number.isInteger(version)) return null;
  return { format, version };
}

export type Migration = (older: Record<string, unknown>) => Record<string, unknown>;

/**
 * Brings an envelope from `version` up to `current` one step at a time. `steps[n]` turns version n
 * into n + 1. A newer version than this app knows is refused: it cannot be read safely.
 */
export function migrateEnvelope(
  value: Record<string, unknown>,
  version: number,
  current: number,
  steps: Readonly<Record<number, Migration>>,
  what: string,
): ReadResult<Record<string, unknown>> {
  if (version > current) {
    return { ok: false, reason: `This ${what} was made by a newer version of Loopcard (format version ${version}; this one reads up to ${current}). Update Loopcard on this device, then import it again.` };
  }
  if (version < 1) return { ok: false, reason: `This ${what} has an unknown format version (${version}).` };
  let migrated = value;
  for (let v = version; v < current; v += 1) {
    const step = steps[v];
    if (!step) return { ok: false, reason: `Loopcard cannot read ${what}s of format version ${v}.` };
    migrated = { ...step(migrated), version: v + 1 };
  }
  return { ok: true, value: migrated };
}

export function describeSchemaIssue(issue: { path: readonly PropertyKey[]; message: string }): string {
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** What kind of Loopcard file a text is, from its header alone; null when it is not one. */
export function fileFormatOf(text: string): string | null {
  const parsed = parseJsonSafely(text);
  return parsed.ok ? (readEnvelopeHeader(parsed.value)?.format ?? null) : null;
}

export type EnvelopeSpec<T> = {
  format: string;
  version: number;
  /** How the file is named in messages ("scorecard file"). */
  what: string;
  maxChars: number;
  tooLarge: string;
  migrations: Readonly<Record<number, Migration>>;
  schema: z.ZodType<T>;
  /** The refusal for text whose header is missing (null) or names another format. */
  notThisFormat: (format: string | null) => string;
  /** The refusal for a file of this format that fails its schema; `detail` names the first issue. */
  mismatch: (detail: string) => string;
};

/**
 * The one way Loopcard reads a file: size, safe JSON, header, format, step-by-step migration, then
 * the strict schema. Checks that need the parsed value (or the crypto) come after, at the caller.
 */
export function readEnvelope<T>(text: string, spec: EnvelopeSpec<T>): ReadResult<T> {
  if (text.length > spec.maxChars) return { ok: false, reason: spec.tooLarge };
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const header = readEnvelopeHeader(parsed.value);
  if (!header || header.format !== spec.format) return { ok: false, reason: spec.notThisFormat(header?.format ?? null) };
  const migrated = migrateEnvelope(parsed.value as Record<string, unknown>, header.version, spec.version, spec.migrations, spec.what);
  if (!migrated.ok) return migrated;
  const result = spec.schema.safeParse(migrated.value);
  if (!result.success) {
    const [first] = result.error.issues;
    return { ok: false, reason: spec.mismatch(first ? ` (${describeSchemaIssue(first)})` : '') };
  }
  return { ok: true, value: result.data };
}

export const NO_HEADER_MESSAGE = 'This is not a Loopcard file: it has no format and version.';
