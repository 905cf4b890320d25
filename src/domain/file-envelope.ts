import { z } from 'zod';
import { TimestampSchema } from './fields';
import { sha256OfCanonical } from './hash';

/**
 * What every Loopcard file shares: the envelope (format, version, export time, app stamp, SHA-256
 * of the body), the limits, and the safe JSON parse. The one reader that uses them is
 * file-reading.ts; the one writer is `sealEnvelope` below.
 */

/** Every Loopcard file says which app, at which version, wrote it. */
export const EnvelopeAppSchema = z.object({ name: z.literal('Loopcard'), version: z.string().min(1).max(40) }).strict();
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 checksum.');

export { IMPORT_MAX_BYTES } from './file-limits';
/** No Loopcard file nests deeper than this; deeper input is refused before anything walks it. */
export const MAX_JSON_DEPTH = 64;

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One migration step of a file's body (its payload or content), from version n to n + 1. */
export type BodyMigration = (body: unknown) => unknown;

/**
 * A file format's envelope: `{ format, version, exportedAt, app, sha256, <body> }`, strict. The
 * body key is `payload` or `content`, as each format shipped.
 */
export function envelopeSchema<F extends string, V extends number, K extends 'payload' | 'content', B extends z.ZodType>(format: F, version: V, bodyKey: K, body: B) {
  return z
    .object({
      format: z.literal(format),
      version: z.literal(version),
      exportedAt: TimestampSchema,
      app: EnvelopeAppSchema,
      sha256: Sha256Schema,
      ...({ [bodyKey]: body } as { [key in K]: B }),
    })
    .strict();
}

/** The one writer: wraps a body in the envelope every Loopcard file shares, hashing the body. */
export function sealEnvelope<K extends 'payload' | 'content', B>(
  header: { format: string; version: number; appVersion: string; exportedAt: Date },
  bodyKey: K,
  body: B,
): { format: string; version: number; exportedAt: string; app: { name: 'Loopcard'; version: string }; sha256: string } & { [key in K]: B } {
  return {
    format: header.format,
    version: header.version,
    exportedAt: header.exportedAt.toISOString(),
    app: { name: 'Loopcard', version: header.appVersion },
    sha256: sha256OfCanonical(body),
    ...({ [bodyKey]: body } as { [key in K]: B }),
  };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses JSON, then walks it once without recursion: refuses keys that could reach an object's
 * prototype if the data were merged later, and nesting deeper than any Loopcard file has (which
 * would otherwise overflow the stack of whatever reads it next).
 */
export function parseJsonSafely(text: string): ReadResult<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not valid JSON: it may be cut short or damaged. Ask for it to be exported again.' };
  }
  return checkJsonShape(value);
}

/** The walk of `parseJsonSafely`, for JSON parsed elsewhere (a backup's chunk, whose syntax error says which part). */
export function checkJsonShape(value: unknown): ReadResult<unknown> {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { ok: false, reason: 'The file is nested far deeper than any Loopcard file. It was not made by Loopcard, or it was damaged.' };
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
    } else {
      for (const key of Object.keys(current)) {
        if (FORBIDDEN_KEYS.has(key)) return { ok: false, reason: `The file contains a key named “${key}”, which Loopcard never writes. It was not imported.` };
        stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
      }
    }
  }
  return { ok: true, value };
}

/** Reads the envelope's format and version before anything else, for a message that says what the file is. */
export function readEnvelopeHeader(value: unknown): { format: string; version: number } | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (typeof format !== 'string' || typeof version !== 'number' || !Number.isInteger(version)) return null;
  return { format, version };
}

/** UTF-8 length of a text without copying it: the size the file has on disk. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export const NO_HEADER_MESSAGE = 'This is not a Loopcard file: it has no format and version.';

// ——— Saying what is wrong, in words ———————————————————————————————————————————————————

const PLACE_WORDS: Record<string, string> = {
  app: 'the app stamp',
  role: 'the role',
  candidate: 'the candidate',
  interview: 'the interview',
  rubric: 'the rubric',
  scorecard: 'the scorecard',
  debrief: 'the debrief',
  aggregate: 'the aggregate',
  interviews: 'interview',
  revisions: 'revision',
  scorecards: 'scorecard',
  ratings: 'rating',
  redFlags: 'red flag',
  dimensions: 'dimension',
  consensus: 'consensus entry',
};

/** A schema issue as a phrase: where (in words) and what, never a bare path or a library's wording. */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'something is missing';
  const parts: string[] = [];
  const path = issue.path.filter((p) => p !== 'payload' && p !== 'content');
  let field: string | null = null;
  /** A field with a name in words (a dimension's "level 3 anchor"), instead of its key. */
  let spoken: string | null = null;
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = path[i + 1];
    if (key === 'anchors' && typeof next === 'string' && /^[1-4]$/.test(next) && i === path.length - 2) {
      spoken = `level ${next} anchor`;
      i += 1;
    } else if (typeof key === 'string' && typeof next === 'number' && PLACE_WORDS[key]) {
      parts.push(`${PLACE_WORDS[key]} ${next + 1}`);
      i += 1;
    } else if (typeof key === 'string' && PLACE_WORDS[key] && i < path.length - 1) {
      parts.push(PLACE_WORDS[key]);
    } else if (typeof key === 'string') {
      field = key;
    }
  }
  const where = parts.length > 0 ? `in ${parts.join(', ')}, ` : '';
  const name = spoken ? `the ${spoken}` : field ? `the field “${field}”` : 'a value';
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}${name} is missing`;
  if (issue.code === 'unrecognized_keys') {
    // The place holding the stray field is the path's last step ("the rubric").
    const place = field !== null && PLACE_WORDS[field] ? `in ${[...parts, PLACE_WORDS[field]].join(', ')}, ` : where;
    return `${place}there is a field Loopcard never writes (“${issue.keys.join('”, “').slice(0, 60)}”)`;
  }
  if (issue.code === 'invalid_type') return `${where}${name} has the wrong kind of value`;
  const counted = field === null ? undefined : PLACE_WORDS[field];
  if (issue.code === 'too_big' && issue.origin === 'array' && counted && !spoken) return `${where}there are more than ${String(issue.maximum)} ${counted.replace(/y$/, 'ie')}s`;
  if (issue.code === 'too_big') return `${where}${name} is too long or too large`;
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') return `${where}${name} has a value Loopcard does not know`;
  const message = issue.message.replace(/^Invalid input:?\s*/i, '').replace(/\.$/, '');
  // "Level 3 anchor is required." already names its field: say it once.
  if (spoken && message.toLowerCase().startsWith(spoken)) return `${where}the ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
  return `${where}${name}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}
