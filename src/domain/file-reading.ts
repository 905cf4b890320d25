import type { z } from 'zod';

export { describeIssue };
import { sha256OfCanonical } from './hash';
import { IMPORT_MAX_BYTES, NO_HEADER_MESSAGE, describeIssue, parseJsonSafely, readEnvelopeHeader, utf8ByteLength, type BodyMigration, type ReadResult } from './file-envelope';
import { SCORECARD_FILE_FORMAT, SCORECARD_FILE_MIGRATIONS, SCORECARD_FILE_VERSION, ScorecardFileSchema, checkScorecardFile, scorecardFileRecords, type ScorecardFile } from './scorecard-file';
import { LOOP_FILE_FORMAT, LOOP_FILE_MIGRATIONS, LOOP_FILE_VERSION, LoopFileSchema, checkLoopFile, loopFileRecords, type LoopFile } from './loop-file';
import { PACKET_FORMAT, PACKET_MIGRATIONS, PACKET_VERSION, PacketSchema, checkPacket, packetRecords, type Packet } from './packet';
import { RUBRIC_FILE_FORMAT, RUBRIC_FILE_MAX_BYTES, RUBRIC_FILE_MIGRATIONS, RUBRIC_FILE_VERSION, RubricFileSchema, checkRubricFile, rubricFileRecords, type RubricFile } from './rubric-file';
import {
  BACKUP_CHECKSUM_MESSAGE,
  BACKUP_FORMAT,
  BACKUP_LAST_WHOLE_VERSION,
  BACKUP_MAX_BYTES,
  BACKUP_MIGRATIONS,
  BACKUP_TOO_LARGE_MESSAGE,
  BACKUP_VERSION,
  EncryptedBackupSchema,
  envelopeReason,
  validateBackupContent,
  type BackupContent,
  type BackupHeader,
} from './backup-format';
import { Sha256Schema } from './file-envelope';
import { BACKUP_RELAID_MESSAGE } from './backup-chunks';
import type { BackupEncryption } from './backup-encryption';
import { RECORD_KEY, type IncomingTable, type Records } from './incoming-records';

/**
 * The one reader of every Loopcard file. In this order, whatever the format: size (on bytes,
 * once), safe JSON (bounded, iterative), header, format, the body's hash as read (before any
 * migration, so a new format version never breaks an older file), the migration steps up to the
 * current version, the strict schema, and what the format must say of itself. What the records
 * then do to this device is decided by the one rule set in incoming-records.ts.
 */

export type FileKind = 'scorecard' | 'loop' | 'packet' | 'rubric' | 'backup';

export const FILE_KIND_NAMES: Record<FileKind, string> = {
  scorecard: 'scorecard file',
  loop: 'loop file',
  packet: 'decision packet',
  rubric: 'rubric file',
  backup: 'backup',
};

/** What the arrival is about: the record whose "added" or "updated" the summary reports. */
export type Subject = { table: IncomingTable; key: string };

export type LoopcardFile =
  | { kind: 'scorecard'; file: ScorecardFile; records: Records; subject: Subject }
  | { kind: 'loop'; file: LoopFile; records: Records; subject: Subject }
  | { kind: 'packet'; file: Packet; records: Records; subject: Subject }
  | { kind: 'rubric'; file: RubricFile; records: Records; subject: Subject }
  | { kind: 'backup'; header: BackupHeader; encrypted: false; content: BackupContent }
  | { kind: 'backup'; header: BackupHeader & { encryption: BackupEncryption }; encrypted: true; ciphertext: string };

type EnvelopedFormat<F> = {
  kind: FileKind;
  version: number;
  maxBytes: number;
  bodyKey: 'payload' | 'content';
  migrations: Readonly<Record<number, BodyMigration>>;
  schema: z.ZodType<F>;
  check: (file: F) => string | null;
};

const FORMATS = {
  [SCORECARD_FILE_FORMAT]: { kind: 'scorecard', version: SCORECARD_FILE_VERSION, maxBytes: IMPORT_MAX_BYTES, bodyKey: 'payload', migrations: SCORECARD_FILE_MIGRATIONS, schema: ScorecardFileSchema, check: checkScorecardFile } satisfies EnvelopedFormat<ScorecardFile>,
  [LOOP_FILE_FORMAT]: { kind: 'loop', version: LOOP_FILE_VERSION, maxBytes: IMPORT_MAX_BYTES, bodyKey: 'payload', migrations: LOOP_FILE_MIGRATIONS, schema: LoopFileSchema, check: checkLoopFile } satisfies EnvelopedFormat<LoopFile>,
  [PACKET_FORMAT]: { kind: 'packet', version: PACKET_VERSION, maxBytes: IMPORT_MAX_BYTES * 4, bodyKey: 'content', migrations: PACKET_MIGRATIONS, schema: PacketSchema, check: checkPacket } satisfies EnvelopedFormat<Packet>,
  [RUBRIC_FILE_FORMAT]: { kind: 'rubric', version: RUBRIC_FILE_VERSION, maxBytes: RUBRIC_FILE_MAX_BYTES, bodyKey: 'payload', migrations: RUBRIC_FILE_MIGRATIONS, schema: RubricFileSchema, check: checkRubricFile } satisfies EnvelopedFormat<RubricFile>,
} as const;

const MAX_BYTES: Record<FileKind, number> = { scorecard: IMPORT_MAX_BYTES, loop: IMPORT_MAX_BYTES, packet: IMPORT_MAX_BYTES * 4, rubric: RUBRIC_FILE_MAX_BYTES, backup: BACKUP_MAX_BYTES };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const FRESH_EXPORT = 'It may have been edited by hand or damaged; ask for a fresh export.';

export type ReadOptions = {
  /** The file's size on disk, when known (a File's `size`); otherwise counted from the text. */
  byteLength?: number;
  /** The kinds this screen takes; another kind is refused with a sentence that says where it goes. */
  expect?: readonly FileKind[];
};

/** Reads any Loopcard file, or says in plain words why not. */
export function readLoopcardFile(text: string, options: ReadOptions = {}): ReadResult<LoopcardFile> {
  const expect = options.expect ?? (['scorecard', 'loop', 'packet', 'rubric', 'backup'] as const);
  const largest = Math.max(...expect.map((k) => MAX_BYTES[k]));
  // A text can be up to three bytes per UTF-16 unit: count bytes only when the length cannot decide.
  const bytes = options.byteLength ?? (text.length > largest || text.length * 3 <= largest ? text.length : utf8ByteLength(text));
  if (bytes > largest) {
    const only = expect.length === 1 ? expect[0] : undefined;
    if (only === 'backup') return { ok: false, reason: BACKUP_TOO_LARGE_MESSAGE };
    return { ok: false, reason: `The file is larger than ${megabytes(largest)}; ${only ? `a ${FILE_KIND_NAMES[only]} is never that large` : 'no Loopcard file of this kind is that large'}.` };
  }
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const header = readEnvelopeHeader(parsed.value);
  if (!header) return { ok: false, reason: NO_HEADER_MESSAGE };
  const kind = kindOf(header.format);
  if (!kind) return { ok: false, reason: `This is not a Loopcard file Loopcard knows (its format is “${header.format.slice(0, 60)}”).` };
  if (!expect.includes(kind)) return { ok: false, reason: wrongPlace(kind, expect) };
  if (bytes > MAX_BYTES[kind]) return { ok: false, reason: kind === 'backup' ? BACKUP_TOO_LARGE_MESSAGE : `The file is larger than ${megabytes(MAX_BYTES[kind])}; a ${FILE_KIND_NAMES[kind]} is never that large.` };
  const value = parsed.value as Record<string, unknown>;
  if (kind === 'backup') return readBackup(value, header.version);
  const format = FORMATS[header.format as keyof typeof FORMATS];
  const read = readEnveloped(value, header.version, format as EnvelopedFormat<unknown>);
  if (!read.ok) return read;
  switch (format.kind) {
    case 'scorecard': {
      const file = read.value as ScorecardFile;
      return { ok: true, value: { kind: 'scorecard', file, records: scorecardFileRecords(file), subject: { table: 'scorecards', key: file.payload.scorecard.id } } };
    }
    case 'loop': {
      const file = read.value as LoopFile;
      return { ok: true, value: { kind: 'loop', file, records: loopFileRecords(file), subject: { table: 'candidates', key: file.payload.candidate.id } } };
    }
    case 'packet': {
      const file = read.value as Packet;
      return { ok: true, value: { kind: 'packet', file, records: packetRecords(file), subject: { table: 'debriefs', key: file.content.debrief.id } } };
    }
    case 'rubric': {
      const file = read.value as RubricFile;
      const { rubric } = file.payload;
      return { ok: true, value: { kind: 'rubric', file, records: rubricFileRecords(file), subject: { table: 'rubrics', key: RECORD_KEY.rubrics(rubric) } } };
    }
  }
}

function kindOf(format: string): FileKind | null {
  if (format === BACKUP_FORMAT) return 'backup';
  const known = FORMATS[format as keyof typeof FORMATS];
  return known ? known.kind : null;
}

function wrongPlace(kind: FileKind, expect: readonly FileKind[]): string {
  const where: Record<FileKind, string> = {
    scorecard: 'Gather it under Debrief.',
    loop: 'Open it from Candidates → Open a loop file, or drop it under Debrief.',
    packet: 'Gather it under Debrief.',
    rubric: 'Import it under Data → Rubric files.',
    backup: 'Restore it under Data.',
  };
  const wanted = expect.map((k) => FILE_KIND_NAMES[k]).join(' or ');
  return `This is a Loopcard ${FILE_KIND_NAMES[kind]}, not a ${wanted}. ${where[kind]}`;
}

/** Checks the hash of the body as read, then migrates the body and validates the whole file. */
function readEnveloped<F>(value: Record<string, unknown>, version: number, format: EnvelopedFormat<F>): ReadResult<F> {
  const what = FILE_KIND_NAMES[format.kind];
  const checked = checkVersion(version, format.version, what);
  if (!checked.ok) return checked;
  const claimed = Sha256Schema.safeParse(value.sha256);
  if (!claimed.success) return { ok: false, reason: `The ${what} has no valid checksum, so Loopcard cannot tell whether it is complete. ${FRESH_EXPORT}` };
  if (!(format.bodyKey in value)) return { ok: false, reason: `The ${what} has no ${format.bodyKey}. ${FRESH_EXPORT}` };
  const body = value[format.bodyKey];
  if (sha256OfCanonical(body) !== claimed.data) return { ok: false, reason: `The ${what}’s checksum does not match its contents: it was changed after it was exported, or damaged on the way. Ask for a fresh export.` };
  let migrated = body;
  for (let v = version; v < format.version; v += 1) {
    const step = format.migrations[v];
    if (!step) return { ok: false, reason: `Loopcard cannot read ${what}s of format version ${v}.` };
    migrated = step(migrated);
  }
  const result = format.schema.safeParse({ ...value, version: format.version, [format.bodyKey]: migrated });
  if (!result.success) return { ok: false, reason: `The ${what} does not match its format: ${describeIssue(result.error.issues[0])}. ${FRESH_EXPORT}` };
  const problem = format.check(result.data);
  return problem ? { ok: false, reason: problem } : { ok: true, value: result.data };
}

function checkVersion(version: number, current: number, what: string): ReadResult<null> {
  if (version > current) return { ok: false, reason: `This ${what} was made by a newer version of Loopcard (format version ${version}; this one reads up to ${current}). Update Loopcard on this device, then import it again.` };
  if (version < 1) return { ok: false, reason: `This ${what} has an unknown format version (${version}).` };
  return { ok: true, value: null };
}

function readBackup(value: Record<string, unknown>, version: number): ReadResult<LoopcardFile> {
  const checked = checkVersion(version, BACKUP_VERSION, 'backup');
  if (!checked.ok) return checked;
  // Later versions are read part by part (backup-chunks.ts), never whole like this.
  if (version > BACKUP_LAST_WHOLE_VERSION) return { ok: false, reason: BACKUP_RELAID_MESSAGE };
  if (value.encryption === null) {
    const shell = EncryptedBackupSchema.pick({ format: true, exportedAt: true, app: true }).safeParse({ format: value.format, exportedAt: value.exportedAt, app: value.app });
    if (!shell.success) return { ok: false, reason: envelopeReason(shell.error.issues) };
    const extra = Object.keys(value).find((k) => !['format', 'version', 'exportedAt', 'app', 'encryption', 'sha256', 'content'].includes(k));
    if (extra) return { ok: false, reason: `The file does not match the backup format (it has a field “${extra.slice(0, 40)}” Loopcard never writes). It may have been edited by hand or damaged.` };
    const header: BackupHeader = { version, exportedAt: shell.data.exportedAt, appVersion: shell.data.app.version, encryption: null };
    const content = openBackupContent(value.sha256, value.content, version);
    return content.ok ? { ok: true, value: { kind: 'backup', encrypted: false, header, content: content.value } } : content;
  }
  const sealed = EncryptedBackupSchema.safeParse({ ...value, version: BACKUP_VERSION });
  if (!sealed.success) return { ok: false, reason: envelopeReason(sealed.error.issues) };
  const { exportedAt, app, encryption, ciphertext } = sealed.data;
  return { ok: true, value: { kind: 'backup', encrypted: true, header: { version, exportedAt, appVersion: app.version, encryption }, ciphertext } };
}

/** A backup's content, plain or decrypted: hash as read, then migration, then every row's schema. */
function openBackupContent(sha256: unknown, content: unknown, version: number): ReadResult<BackupContent> {
  const claimed = Sha256Schema.safeParse(sha256);
  if (!claimed.success) return { ok: false, reason: `The backup has no valid checksum, so Loopcard cannot tell whether it is complete. Nothing was restored.` };
  if (sha256OfCanonical(content) !== claimed.data) return { ok: false, reason: BACKUP_CHECKSUM_MESSAGE };
  let migrated = content;
  for (let v = version; v < BACKUP_VERSION; v += 1) {
    const step = BACKUP_MIGRATIONS[v];
    if (!step) return { ok: false, reason: `Loopcard cannot read backups of format version ${v}.` };
    migrated = step(migrated);
  }
  return validateBackupContent(migrated);
}

/** Reads the text an encrypted backup decrypted to: `{ sha256, content }`, checked like a plain backup's. */
export function readBackupPlaintext(plaintext: string, version: number): ReadResult<BackupContent> {
  const parsed = parseJsonSafely(plaintext);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).some((k) => k !== 'sha256' && k !== 'content')) {
    return { ok: false, reason: 'The decrypted backup does not match the backup format. It may have been damaged. Nothing was restored.' };
  }
  const { sha256, content } = value as { sha256?: unknown; content?: unknown };
  return openBackupContent(sha256, content, version);
}
