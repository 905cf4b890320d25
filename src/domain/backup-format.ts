import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { TimestampSchema, capitalise } from './fields';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { RubricSchema } from './rubric';
import { InterviewSchema } from './interview';
import { ScorecardSchema } from './scorecard';
import { DebriefSchema } from './debrief';
import { ScreenSchema } from './screen';
import { EnvelopeAppSchema, Sha256Schema, describeIssue, type BodyMigration, type ReadResult } from './file-envelope';
import { BackupEncryptionSchema, isBase64, BACKUP_GCM_TAG_BYTES, type BackupEncryption } from './backup-encryption';
import { migrateRows, rowStep } from './row-migrations';
import { visibleName } from './person-name';
import { LAST_BACKUP_AT_SETTING, RECEIVED_LOOPS_SETTING, TEAM_DEVICE_ID_SETTING, TEAM_SERVER_SETTING, TEAM_SLOT_USERS_SETTING, isDeviceOnlySetting } from './device-settings';
import { emptyRecords, type Records } from './records';
import { INCOMING_TABLES } from './incoming-records';

/**
 * A backup is the whole database in one versioned file, plain or sealed with a passphrase. This
 * module is the file's format: its shape, limits, messages and migrations. The key derivation and
 * cipher parameters are in backup-encryption.ts; the crypto itself in src/data; what a restore
 * does to this device is decided by the one rule set for incoming records (incoming-records.ts).
 */

export const BACKUP_FORMAT = 'loopcard.backup';
/**
 * Version 2: roles, candidates, interviews and debriefs carry revisions (database version 3).
 * Version 3: rubrics carry their agenda (database version 4). Version 4: rubrics carry their
 * lineage, basis and author, and roles may carry a loop plan (database version 5). Version 5:
 * candidates' screens (`screens`), and roles may carry the team's stack and 90-day mission
 * (database version 6). Version 6: the same rows, laid out in chunks one a line, each with its own
 * hash (and IV when encrypted), so a backup is written and read part by part (backup-chunks.ts).
 */
export const BACKUP_VERSION = 6;
/** The last version written as one JSON envelope, read whole by the one file reader. */
export const BACKUP_LAST_WHOLE_VERSION = 5;

/** Larger than any real hiring database; the cap keeps a wrong file from freezing the tab. */
export const BACKUP_MAX_BYTES = 200 * 1024 * 1024;

export const BACKUP_WRONG_PASSPHRASE_MESSAGE = 'The passphrase is wrong, or the file was changed after it was made. Nothing was restored.';
export const BACKUP_PASSPHRASE_NEEDED_MESSAGE = 'This backup is protected by a passphrase. Enter it to restore.';
export const BACKUP_CHECKSUM_MESSAGE =
  'The backup’s checksum does not match its contents: it was changed after it was made, or damaged on the way. Nothing was restored.';
export const NOTHING_RESTORED = 'Nothing was restored.';
export const BACKUP_NEWER_DATABASE_MESSAGE = 'This backup was made by a newer version of Loopcard, whose records this version cannot hold. Update Loopcard on this device, then restore it again.';

/**
 * Settings that describe this device rather than the hiring data: never written into a backup, so
 * a restore never moves them backwards.
 */
export { LAST_BACKUP_AT_SETTING, RECEIVED_LOOPS_SETTING };
export const DEVICE_ONLY_SETTINGS: readonly string[] = [LAST_BACKUP_AT_SETTING, RECEIVED_LOOPS_SETTING, TEAM_SERVER_SETTING, TEAM_SLOT_USERS_SETTING, TEAM_DEVICE_ID_SETTING];
export { isDeviceOnlySetting };

export const BackupSettingSchema = z
  .object({
    key: z
      .string()
      .min(1)
      .max(100)
      .refine((key) => !isDeviceOnlySetting(key), 'This setting belongs to one device and is never part of a backup.'),
    value: z.json(),
  })
  .strict();
export type BackupSetting = z.infer<typeof BackupSettingSchema>;

/** The tables in the order a person reads them, which is also the order they are written. */
export const BACKUP_TABLES = INCOMING_TABLES;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const BACKUP_TABLE_LABELS: Record<BackupTable, { one: string; many: string }> = {
  roles: { one: 'role', many: 'roles' },
  candidates: { one: 'candidate', many: 'candidates' },
  rubrics: { one: 'rubric', many: 'rubrics' },
  interviews: { one: 'interview', many: 'interviews' },
  scorecards: { one: 'scorecard', many: 'scorecards' },
  scorecardRevisions: { one: 'submitted scorecard revision', many: 'submitted scorecard revisions' },
  debriefs: { one: 'debrief', many: 'debriefs' },
  screens: { one: 'candidate screen', many: 'candidate screens' },
  settings: { one: 'setting', many: 'settings' },
};

export const BackupContentSchema = z
  .object({
    /** The database version the rows were read from (db.ts `CURRENT_DB_VERSION` at export). */
    databaseVersion: z.number().int().min(1),
    tables: z
      .object({
        roles: z.array(RoleSchema),
        candidates: z.array(CandidateSchema),
        rubrics: z.array(RubricSchema),
        interviews: z.array(InterviewSchema),
        scorecards: z.array(ScorecardSchema),
        scorecardRevisions: z.array(ScorecardSchema),
        debriefs: z.array(DebriefSchema),
        screens: z.array(ScreenSchema),
        settings: z.array(BackupSettingSchema),
      })
      .strict(),
  })
  .strict();
export type BackupContent = z.infer<typeof BackupContentSchema>;
export type BackupTables = BackupContent['tables'];
export const BackupAppSchema = EnvelopeAppSchema;

const CiphertextSchema = z
  .string()
  .min(Math.ceil(BACKUP_GCM_TAG_BYTES / 3) * 4, 'The encrypted data is too short to be a backup.')
  .refine(isBase64, 'The encrypted data is not base64.');

/** The envelope with its content left unread, so the header can be judged (and a passphrase asked for) first. */
const PlainShellSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: TimestampSchema,
    app: BackupAppSchema,
    encryption: z.null(),
    sha256: Sha256Schema,
    content: z.unknown(),
  })
  .strict();

export const PlainBackupSchema = PlainShellSchema.extend({ content: BackupContentSchema });
export type PlainBackup = z.infer<typeof PlainBackupSchema>;

export const EncryptedBackupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: TimestampSchema,
    app: BackupAppSchema,
    encryption: BackupEncryptionSchema,
    /** AES-256-GCM of the UTF-8 JSON of a `BackupPlaintext`, tag appended (Web Crypto's layout). */
    ciphertext: CiphertextSchema,
  })
  .strict();
export type EncryptedBackup = z.infer<typeof EncryptedBackupSchema>;

const PlaintextShellSchema = z.object({ sha256: Sha256Schema, content: z.unknown() }).strict();

/**
 * What an encrypted backup seals: the checksum travels inside, so a change is caught twice (by the
 * GCM tag, then by the checksum) and nothing about the content shows on the outside.
 */
export const BackupPlaintextSchema = PlaintextShellSchema.extend({ content: BackupContentSchema });
export type BackupPlaintext = z.infer<typeof BackupPlaintextSchema>;

/** A backup of an earlier version with an empty table it did not have. */
function withTable(content: unknown, table: BackupTable): unknown {
  if (content === null || typeof content !== 'object') return content;
  const c = content as { tables?: Record<string, unknown> };
  if (c.tables === null || typeof c.tables !== 'object' || table in c.tables) return content;
  return { ...c, tables: { ...c.tables, [table]: [] } };
}

/** A backup's tables through one row step; the content then says it holds that database version's rows. */
function upgradeTables(content: unknown, databaseVersion: number): unknown {
  if (content === null || typeof content !== 'object') return content;
  const c = content as { databaseVersion?: unknown; tables?: Record<string, unknown> };
  if (c.tables === null || typeof c.tables !== 'object') return content;
  const step = rowStep(databaseVersion);
  const tables = { ...c.tables };
  for (const table of Object.keys(step.tables)) tables[table] = migrateRows(step, table, tables[table]);
  return { ...c, databaseVersion: Math.max(Number(c.databaseVersion) || 0, databaseVersion), tables };
}

/** Each step turns a backup's content of version n into version n + 1, through the shared row migrations. */
export const BACKUP_MIGRATIONS: Readonly<Record<number, BodyMigration>> = {
  1: (content) => upgradeTables(content, 3),
  2: (content) => upgradeTables(content, 4),
  3: (content) => upgradeTables(content, 5),
  4: (content) => upgradeTables(withTable(content, 'screens'), 6),
  // Version 6 changed the file's layout (chunks), not its rows: the content is the same.
  5: (content) => content,
};

export type BackupHeader = {
  /** The format version as written in the file, before any migration (the encryption binds it). */
  version: number;
  exportedAt: string;
  appVersion: string;
  /**
   * null for a plain backup; the key-derivation parameters for an encrypted one (with the IV up to
   * version 5; from version 6 each chunk has its own).
   */
  encryption: (Omit<BackupEncryption, 'iv'> & { iv?: string }) | null;
};

/** The envelope, judged; the content is not yet (it is checked against its checksum first). */
export type BackupEnvelope =
  | { encrypted: false; header: BackupHeader; sha256: string; content: unknown }
  | { encrypted: true; header: BackupHeader & { encryption: BackupEncryption }; ciphertext: string };

export const BACKUP_TOO_LARGE_MESSAGE = `The file is larger than ${BACKUP_MAX_BYTES / 1024 / 1024} MB; a Loopcard backup is never that large.`;

export function envelopeReason(issues: readonly z.core.$ZodIssue[]): string {
  return `The file does not match the backup format: ${describeIssue(issues[0])}. It may have been edited by hand or damaged.`;
}

/**
 * Checks every row against its entity schema, and says which table and row failed, in words a
 * person can act on (or pass to whoever made the file).
 */
export function validateBackupContent(content: unknown): ReadResult<BackupContent> {
  const result = BackupContentSchema.safeParse(content);
  if (result.success) return { ok: true, value: result.data };
  const [first] = result.error.issues;
  if (!first) return { ok: false, reason: 'The backup’s contents do not match the backup format.' };
  const more = result.error.issues.length - 1;
  const tail = more > 0 ? ` (and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'})` : '';
  return { ok: false, reason: `${describeContentIssue(first, (table, index) => rowAt(content, table, index)).replace(/\.$/, '')}${tail}.` };
}

const TABLE_SCHEMAS = BackupContentSchema.shape.tables.shape;

/**
 * One table's rows (a chunk of them), checked against the entity schema; `offset` is how many rows
 * of the table came before, so a refusal names the row as the whole backup counts it.
 */
export function validateBackupRows<T extends BackupTable>(table: T, rows: unknown, offset: number): ReadResult<BackupTables[T]> {
  const result = (TABLE_SCHEMAS[table] as unknown as z.ZodType<BackupTables[T]>).safeParse(rows);
  if (result.success) return { ok: true, value: result.data };
  const [first] = result.error.issues;
  if (!first) return { ok: false, reason: 'The backup’s contents do not match the backup format.' };
  const more = result.error.issues.length - 1;
  const tail = more > 0 ? ` (and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'})` : '';
  const [index, ...rest] = first.path;
  const shifted = typeof index === 'number' ? { ...first, path: ['tables', table, index + offset, ...rest] } : { ...first, path: ['tables', table, ...first.path] };
  const row = typeof index === 'number' && Array.isArray(rows) ? (rows as unknown[])[index] : undefined;
  const found = row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : null;
  return { ok: false, reason: `${describeContentIssue(shifted, () => found).replace(/\.$/, '')}${tail}.` };
}

function describeContentIssue(issue: z.core.$ZodIssue, rowOf: (table: BackupTable, index: number) => Record<string, unknown> | null): string {
  const [top, table, index] = issue.path;
  if (top === 'tables' && typeof table === 'string' && isBackupTable(table) && typeof index === 'number') {
    const row = rowOf(table, index);
    const name = row ? rowName(table, row) : null;
    return `${capitalise(BACKUP_TABLE_LABELS[table].one)} ${index + 1} in the backup${name ? ` (“${name}”)` : ''} is not valid: ${describeIssue({ ...issue, path: issue.path.slice(3) })}.`;
  }
  return `The backup’s contents do not match the backup format: ${describeIssue(issue)}.`;
}

function isBackupTable(name: string): name is BackupTable {
  return (BACKUP_TABLES as readonly string[]).includes(name);
}

function rowAt(content: unknown, table: BackupTable, index: number): Record<string, unknown> | null {
  if (content === null || typeof content !== 'object') return null;
  const tables = (content as { tables?: unknown }).tables;
  if (tables === null || typeof tables !== 'object') return null;
  const rows = (tables as Record<string, unknown>)[table];
  if (!Array.isArray(rows)) return null;
  const row: unknown = rows[index];
  return row !== null && typeof row === 'object' && !Array.isArray(row) ? (row as Record<string, unknown>) : null;
}

/** The words a person recognises a row by: a title or a name, the id only as a last resort. */
function rowName(table: BackupTable, row: Record<string, unknown>): string | null {
  const text = (key: string) => {
    const value = row[key];
    const shown = typeof value === 'string' ? visibleName(value) : '';
    return shown !== '' ? shown.slice(0, 80) : null;
  };
  const number = (key: string) => (typeof row[key] === 'number' ? String(row[key]) : '?');
  switch (table) {
    case 'roles':
    case 'rubrics':
      return text('title') ?? text('id');
    case 'candidates':
      return text('name') ?? text('id');
    case 'interviews':
      return text('interviewerName') ? `${text('interviewerName')}’s interview` : text('id');
    case 'scorecards':
      return text('interviewerName') ? `${text('interviewerName')}’s scorecard` : text('id');
    case 'scorecardRevisions':
      return text('interviewerName') ? `${text('interviewerName')}’s scorecard, revision ${number('revision')}` : text('id');
    case 'debriefs':
    case 'screens':
      return text('id');
    case 'settings':
      return text('key');
  }
}


/** The file name a backup is saved under; the date is the export's UTC date. */
export function backupFileName(date: string, encrypted: boolean): string {
  return `loopcard-backup-${encrypted ? 'encrypted-' : ''}${date}.loopcard.json`;
}

/**
 * The header fields an encrypted backup binds to its ciphertext as AES-GCM associated data: change
 * the date or the app version on the outside and the file no longer decrypts. (The salt, IV and
 * iterations need no binding: changing any of them already changes the key or the nonce.)
 */
export function backupAssociatedData(header: { format: string; version: number; exportedAt: string; app: { name: string; version: string } }): string {
  const { format, version, exportedAt, app } = header;
  return canonicalJson({ format, version, exportedAt, app: { name: app.name, version: app.version } });
}

/** The records a backup brings: every table. */
export function backupRecords(content: BackupContent): Records {
  return { ...emptyRecords(), ...content.tables };
}
