import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { TimestampSchema } from './fields';
import { sha256Hex, sha256HexOfParts } from './hash';
import { EnvelopeAppSchema, Sha256Schema, checkJsonShape, parseJsonSafely, type ReadResult } from './file-envelope';
import { BACKUP_PBKDF2_ITERATIONS, BACKUP_PBKDF2_MAX_ITERATIONS, isBase64 } from './backup-encryption';
import { BACKUP_CHECKSUM_MESSAGE, BACKUP_FORMAT, BACKUP_MIGRATIONS, BACKUP_TABLES, BACKUP_VERSION, envelopeReason, validateBackupRows, type BackupTable, type BackupTables } from './backup-format';

/**
 * The layout of a backup from version 6 on: one JSON document laid out one part a line, so it is
 * written from parts and read part by part, never held whole.
 *
 *   {"format":"loopcard.backup","version":6,"exportedAt":…,"app":…,"databaseVersion":6,"encryption":…,"chunks":[
 *   {"index":0,"last":false,"sha256":"…","body":{"rows":[…],"table":"roles"}},
 *   …
 *   {"index":41,"last":true,"sha256":"…","body":{"rows":[…],"table":"settings"}}
 *   ]}
 *
 * Each chunk holds rows of one table, about `BACKUP_CHUNK_TARGET_BYTES` of them, and its own
 * SHA-256 over the header's digest, its index, whether it is the last, and its body: a chunk moved,
 * dropped, or taken from another backup, a header changed, or a file cut short, no longer adds up.
 * Encrypted, a chunk is `{"index","last","iv","ciphertext"}`: AES-256-GCM of `{"sha256","body"}`
 * under one key derived from the passphrase (the header's salt and iterations), with a fresh IV per
 * chunk and the same binding as the associated data.
 */

/** Rows are gathered into chunks of about this many bytes of JSON (a larger row gets a chunk of its own). */
export const BACKUP_CHUNK_TARGET_BYTES = 1024 * 1024;
/** No line Loopcard writes is longer: a row is far smaller, and a chunk's base64 adds a third. */
export const BACKUP_CHUNK_MAX_BYTES = 16 * 1024 * 1024;
/** The header line is a few hundred bytes; anything much longer is not a Loopcard backup's. */
export const BACKUP_HEADER_MAX_BYTES = 16 * 1024;

const HEADER_TAIL = ',"chunks":[';
const CLOSING = ']}';

export const BACKUP_CUT_SHORT_MESSAGE = 'The backup is cut short: it ends before its last part. It may not have finished saving, or it was damaged on the way. Nothing was restored.';
export const BACKUP_OUT_OF_ORDER_MESSAGE = 'The backup’s parts are out of order, or one is missing: it was changed after it was made, or damaged. Nothing was restored.';
export const BACKUP_HEADER_TOO_LARGE_MESSAGE = 'The backup’s first line is longer than any Loopcard backup’s: it is not a Loopcard backup, or it was damaged. Nothing was restored.';
export const BACKUP_CHUNK_TOO_LARGE_MESSAGE = 'A part of the backup is larger than any Loopcard writes: it was changed after it was made, or damaged. Nothing was restored.';
export const BACKUP_RELAID_MESSAGE =
  'This backup was laid out again after it was saved (a backup of version 6 or later is read one part a line, as Loopcard saved it). Restore the file exactly as it was saved. Nothing was restored.';

export const ChunkedEncryptionSchema = z
  .object({
    algorithm: z.literal('AES-256-GCM'),
    kdf: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().min(BACKUP_PBKDF2_ITERATIONS).max(BACKUP_PBKDF2_MAX_ITERATIONS),
    salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/, 'The salt must be 16 bytes in base64.'),
  })
  .strict();
export type ChunkedEncryption = z.infer<typeof ChunkedEncryptionSchema>;

export const ChunkedHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.number().int().min(6),
    exportedAt: TimestampSchema,
    app: EnvelopeAppSchema,
    databaseVersion: z.number().int().min(1),
    encryption: ChunkedEncryptionSchema.nullable(),
  })
  .strict();
export type ChunkedHeader = z.infer<typeof ChunkedHeaderSchema>;

const PlainChunkSchema = z.object({ index: z.number().int().min(0), last: z.boolean(), sha256: Sha256Schema, body: z.unknown() }).strict();
const SealedChunkSchema = z
  .object({
    index: z.number().int().min(0),
    last: z.boolean(),
    iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/, 'The IV must be 12 bytes in base64.'),
    ciphertext: z.string().min(24).refine(isBase64, 'The encrypted data is not base64.'),
  })
  .strict();
const SealedPlaintextSchema = z.object({ sha256: Sha256Schema, body: z.unknown() }).strict();
const ChunkBodySchema = z.object({ rows: z.array(z.unknown()), table: z.enum(BACKUP_TABLES) }).strict();

/** A chunk as read from its line: the body to check, or the sealed bytes to open first. */
export type ChunkLine = { index: number; last: boolean } & ({ sealed: false; sha256: string; body: unknown } | { sealed: true; iv: string; ciphertext: string });

// ——— Writing ————————————————————————————————————————————————————————————————————————————

/** The header's digest, which every chunk's hash (or associated data) binds. */
export function chunkedHeaderDigest(header: ChunkedHeader): string {
  return sha256Hex(canonicalJson(header));
}

/** The first line of the file. */
export function chunkedHeaderLine(header: ChunkedHeader): string {
  const { format, version, exportedAt, app, databaseVersion, encryption } = header;
  const json = JSON.stringify({ format, version, exportedAt, app, databaseVersion, encryption });
  return `${json.slice(0, -1)}${HEADER_TAIL}\n`;
}

export const CHUNKED_CLOSING_LINE = `${CLOSING}\n`;

/** What a chunk's hash and its associated data bind: the file, its place, and whether it is the last. */
export function chunkBinding(headerDigest: string, index: number, last: boolean): string {
  return canonicalJson({ file: headerDigest, index, last });
}

/**
 * A chunk's SHA-256: its body's canonical JSON, a newline, then its binding (last, so a writer can
 * hash a body it holds as bytes before it knows whether the chunk is the last).
 */
export function chunkHash(headerDigest: string, index: number, last: boolean, bodyJson: string): string {
  return sha256Hex(`${bodyJson}\n${chunkBinding(headerDigest, index, last)}`);
}

/** `chunkHash` of a body held as its UTF-8 bytes. */
export function chunkHashOfBytes(headerDigest: string, index: number, last: boolean, body: Uint8Array): string {
  return sha256HexOfParts([body, utf8.encode(`\n${chunkBinding(headerDigest, index, last)}`)]);
}

const utf8 = new TextEncoder();

/**
 * The text around a chunk's body on its line: `open` + body + `close` is the line, with its
 * newline (and the comma between chunks). Plain, the body is the chunk's; sealed, the base64 of
 * the AES-GCM output of `sealedOpen(sha256)` + body + `SEALED_CLOSE`.
 */
export function chunkLineEnds(index: number, last: boolean, how: { sha256: string } | { iv: string }): { open: string; close: string } {
  const end = last ? '\n' : ',\n';
  if ('sha256' in how) return { open: `${JSON.stringify({ index, last, sha256: how.sha256 }).slice(0, -1)},"body":`, close: `}${end}` };
  return { open: `${JSON.stringify({ index, last, iv: how.iv }).slice(0, -1)},"ciphertext":"`, close: `"}${end}` };
}

/** What a sealed chunk encrypts, around its body: its hash travels inside, as in earlier encrypted backups. */
export function sealedOpen(sha256: string): string {
  return `{"sha256":"${sha256}","body":`;
}
export const SEALED_CLOSE = '}';


/**
 * A chunk's body in pieces: its JSON is `open` + the rows' canonical JSON joined by commas +
 * `close`, which is the canonical JSON of `{ rows, table }` (what the reader hashes).
 */
export type ChunkBody = { open: string; rows: readonly string[]; close: string };

function chunkBody(table: BackupTable, rows: readonly string[]): ChunkBody {
  return { open: '{"rows":[', rows, close: `],"table":${JSON.stringify(table)}}` };
}

/**
 * Gathers rows, table by table, into chunk bodies of about the target size, as canonical JSON made
 * from each row's (so the reader, which canonicalises what it parsed, gets the same bytes).
 */
export function createChunker(targetBytes = BACKUP_CHUNK_TARGET_BYTES) {
  let table: BackupTable | null = null;
  let rows: string[] = [];
  let size = 0;
  const body = (): ChunkBody | null => {
    if (table === null || rows.length === 0) return null;
    const done = chunkBody(table, rows);
    rows = [];
    size = 0;
    return done;
  };
  return {
    /** Adds a row; returns a finished body when this row filled one (or began another table). */
    add(of: BackupTable, row: unknown): ChunkBody | null {
      let done: ChunkBody | null = null;
      if (of !== table) {
        done = body();
        table = of;
      }
      const json = canonicalJson(row);
      if (size > 0 && size + json.length > targetBytes) done = body();
      rows.push(json);
      size += json.length + 1;
      return done;
    },
    /** The body still being filled, if any. */
    finish(): ChunkBody | null {
      return body();
    },
  };
}

/** The body of a backup with no rows at all: one empty chunk, so the file still has its last part. */
export const EMPTY_CHUNK_BODY: ChunkBody = chunkBody('settings', []);

// ——— Reading ————————————————————————————————————————————————————————————————————————————

/** Whether a file's first line is a chunked backup's header (then it is read part by part). */
export function isChunkedHeaderLine(line: string): boolean {
  return line.startsWith('{') && line.endsWith(HEADER_TAIL);
}

/** The header line, checked: format, version, the app, the database version and how it is sealed. */
export function readChunkedHeaderLine(line: string): ReadResult<ChunkedHeader> {
  const parsed = parseJsonSafely(`${line.slice(0, -HEADER_TAIL.length)}}`);
  if (!parsed.ok) return parsed;
  const value = parsed.value as Record<string, unknown>;
  if (typeof value.version === 'number' && value.version > BACKUP_VERSION) {
    return { ok: false, reason: `This backup was made by a newer version of Loopcard (format version ${value.version}; this one reads up to ${BACKUP_VERSION}). Update Loopcard on this device, then import it again.` };
  }
  const header = ChunkedHeaderSchema.safeParse(value);
  return header.success ? { ok: true, value: header.data } : { ok: false, reason: envelopeReason(header.error.issues) };
}

export function isClosingLine(line: string): boolean {
  return line === CLOSING;
}

/** A part's JSON: a syntax error says which part is damaged; a hostile key or depth says what it is. */
function parsePart(text: string, index: number): ReadResult<unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: damagedPart(index) };
  }
  return checkJsonShape(value);
}

const damagedPart = (index: number) => `Part ${index + 1} of the backup is damaged: it was changed after it was made, or damaged on the way. Nothing was restored.`;

/**
 * One chunk's line, at the place `expected`: a line that is not a chunk, or a chunk that says it
 * belongs elsewhere, is refused here.
 */
export function readChunkLine(line: string, expected: number, header: ChunkedHeader): ReadResult<ChunkLine> {
  const text = line.endsWith(',') ? line.slice(0, -1) : line;
  const parsed = parsePart(text, expected);
  if (!parsed.ok) return parsed;
  if (header.encryption === null) {
    const chunk = PlainChunkSchema.safeParse(parsed.value);
    if (!chunk.success) return { ok: false, reason: damagedPart(expected) };
    if (chunk.data.index !== expected) return { ok: false, reason: BACKUP_OUT_OF_ORDER_MESSAGE };
    return { ok: true, value: { index: chunk.data.index, last: chunk.data.last, sealed: false, sha256: chunk.data.sha256, body: chunk.data.body } };
  }
  const chunk = SealedChunkSchema.safeParse(parsed.value);
  if (!chunk.success) return { ok: false, reason: damagedPart(expected) };
  if (chunk.data.index !== expected) return { ok: false, reason: BACKUP_OUT_OF_ORDER_MESSAGE };
  return { ok: true, value: { index: chunk.data.index, last: chunk.data.last, sealed: true, iv: chunk.data.iv, ciphertext: chunk.data.ciphertext } };
}

/** What a sealed chunk decrypted to: `{ sha256, body }`. */
export function readSealedPlaintext(plaintext: string, index: number): ReadResult<{ sha256: string; body: unknown }> {
  const parsed = parsePart(plaintext, index);
  if (!parsed.ok) return parsed;
  const inner = SealedPlaintextSchema.safeParse(parsed.value);
  return inner.success ? { ok: true, value: { sha256: inner.data.sha256, body: inner.data.body } } : { ok: false, reason: damagedPart(index) };
}

/** The rows read so far of each table, so a refusal can say "candidate 2 in the backup". */
export type RowsSeen = Partial<Record<BackupTable, number>>;

/**
 * A chunk's body, checked: its hash as read (bound to the header and its place), the migration
 * steps from the file's version, then every row against its entity's schema.
 */
export function openChunkBody(
  header: ChunkedHeader,
  headerDigest: string,
  chunk: { index: number; last: boolean; sha256: string; body: unknown },
  seen: RowsSeen,
): ReadResult<{ table: BackupTable; rows: BackupTables[BackupTable] }> {
  if (chunkHash(headerDigest, chunk.index, chunk.last, canonicalJson(chunk.body)) !== chunk.sha256) return { ok: false, reason: BACKUP_CHECKSUM_MESSAGE };
  const body = ChunkBodySchema.safeParse(chunk.body);
  if (!body.success) return { ok: false, reason: damagedPart(chunk.index) };
  const { table } = body.data;
  let content: unknown = { databaseVersion: header.databaseVersion, tables: { [table]: body.data.rows } };
  for (let v = header.version; v < BACKUP_VERSION; v += 1) {
    const step = BACKUP_MIGRATIONS[v];
    if (!step) return { ok: false, reason: `Loopcard cannot read backups of format version ${v}.` };
    content = step(content);
  }
  const rows = (content as { tables: Record<string, unknown> }).tables[table];
  const offset = seen[table] ?? 0;
  const checked = validateBackupRows(table, rows, offset);
  if (!checked.ok) return checked;
  seen[table] = offset + checked.value.length;
  return { ok: true, value: { table, rows: checked.value } };
}
