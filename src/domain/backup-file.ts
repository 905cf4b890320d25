import { z } from 'zod';
import { canonicalJson } from './canonical-json';
import { TimestampSchema } from './fields';
import { RoleSchema } from './role';
import { CandidateSchema } from './candidate';
import { RubricSchema } from './rubric';
import { InterviewSchema } from './interview';
import { ScorecardSchema } from './scorecard';
import { DebriefSchema } from './debrief';
import { EnvelopeAppSchema, migrateEnvelope, parseJsonSafely, readEnvelopeHeader, type Migration, type ReadResult } from './file-reading';

/**
 * A backup is the whole database in one versioned file, plain or sealed with a passphrase. This
 * module is the file's source of truth: its shape, its limits, its messages, and the pure rules
 * that decide what a restore would add or replace. The crypto and the database live in src/data.
 */

export const BACKUP_FORMAT = 'loopcard.backup';
export const BACKUP_VERSION = 1;

/** Larger than any real hiring database; the cap keeps a wrong file from freezing the tab. */
export const BACKUP_MAX_BYTES = 200 * 1024 * 1024;

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Files may ask for more, never for less. */
export const BACKUP_PBKDF2_ITERATIONS = 600_000;
/** A file asking for more rounds than this would hold the tab for minutes: it is not ours. */
export const BACKUP_PBKDF2_MAX_ITERATIONS = 10_000_000;
export const BACKUP_SALT_BYTES = 16;
export const BACKUP_IV_BYTES = 12;
/** AES-GCM appends a 16-byte tag, so a ciphertext is never shorter than this. */
export const BACKUP_GCM_TAG_BYTES = 16;

export const PASSPHRASE_MIN_LENGTH = 8;
export const PASSPHRASE_MAX_LENGTH = 1_024;

export const BACKUP_WRONG_PASSPHRASE_MESSAGE = 'The passphrase is wrong, or the file was changed after it was made. Nothing was restored.';
export const BACKUP_PASSPHRASE_NEEDED_MESSAGE = 'This backup is protected by a passphrase. Enter it to restore.';
export const BACKUP_CHECKSUM_MESSAGE =
  'The backup’s checksum does not match its contents: it was changed after it was made, or damaged on the way. Nothing was restored.';
export const NOTHING_RESTORED = 'Nothing was restored.';

/**
 * The passphrase that seals a new backup. Not trimmed: a space may be part of it. Empty gets its own
 * message, because "at least 8 characters" reads oddly when nothing was typed.
 */
export const BackupPassphraseSchema = z
  .string({ error: 'Enter a passphrase.' })
  // abort: nothing typed gets one message, not a second about the length.
  .min(1, { message: 'Enter a passphrase.', abort: true })
  .min(PASSPHRASE_MIN_LENGTH, `Use a passphrase of at least ${PASSPHRASE_MIN_LENGTH} characters.`)
  .max(PASSPHRASE_MAX_LENGTH, `A passphrase can be at most ${PASSPHRASE_MAX_LENGTH.toLocaleString('en-US')} characters.`);

/**
 * Settings that describe this device rather than the hiring data: never written into a backup, so
 * a restore never moves them backwards.
 */
/** When this device last saved a backup (an ISO timestamp). */
export const LAST_BACKUP_AT_SETTING = 'lastBackupAt';
export const DEVICE_ONLY_SETTINGS: readonly string[] = [LAST_BACKUP_AT_SETTING];

export const BackupSettingSchema = z
  .object({
    key: z
      .string()
      .min(1)
      .max(100)
      .refine((key) => !DEVICE_ONLY_SETTINGS.includes(key), 'This setting belongs to one device and is never part of a backup.'),
    value: z.json(),
  })
  .strict();
export type BackupSetting = z.infer<typeof BackupSettingSchema>;

/** The tables in the order a person reads them, which is also the order they are written. */
export const BACKUP_TABLES = ['roles', 'candidates', 'rubrics', 'interviews', 'scorecards', 'scorecardRevisions', 'debriefs', 'settings'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

export const BACKUP_TABLE_LABELS: Record<BackupTable, { one: string; many: string }> = {
  roles: { one: 'role', many: 'roles' },
  candidates: { one: 'candidate', many: 'candidates' },
  rubrics: { one: 'rubric', many: 'rubrics' },
  interviews: { one: 'interview', many: 'interviews' },
  scorecards: { one: 'scorecard', many: 'scorecards' },
  scorecardRevisions: { one: 'submitted scorecard revision', many: 'submitted scorecard revisions' },
  debriefs: { one: 'debrief', many: 'debriefs' },
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
        settings: z.array(BackupSettingSchema),
      })
      .strict(),
  })
  .strict();
export type BackupContent = z.infer<typeof BackupContentSchema>;
export type BackupTables = BackupContent['tables'];

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 checksum.');
export const BackupAppSchema = EnvelopeAppSchema;

/** Standard base64 (RFC 4648, with padding) of exactly `bytes` bytes. */
function base64OfLength(bytes: number, label: string) {
  const chars = Math.ceil(bytes / 3) * 4;
  const padding = (3 - (bytes % 3)) % 3;
  return z.string().regex(new RegExp(`^[A-Za-z0-9+/]{${chars - padding}}={${padding}}$`), `${label} must be ${bytes} bytes in base64.`);
}

/** Standard base64 with padding, of any length; checked without backtracking, so large input is fine. */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}

export const BackupEncryptionSchema = z
  .object({
    algorithm: z.literal('AES-256-GCM'),
    kdf: z.literal('PBKDF2-SHA256'),
    iterations: z
      .number()
      .int()
      .min(BACKUP_PBKDF2_ITERATIONS, `A backup key needs at least ${BACKUP_PBKDF2_ITERATIONS.toLocaleString('en-US')} PBKDF2 iterations.`)
      .max(BACKUP_PBKDF2_MAX_ITERATIONS, 'The backup asks for more PBKDF2 iterations than Loopcard ever uses.'),
    salt: base64OfLength(BACKUP_SALT_BYTES, 'The salt'),
    iv: base64OfLength(BACKUP_IV_BYTES, 'The IV'),
  })
  .strict();
export type BackupEncryption = z.infer<typeof BackupEncryptionSchema>;

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

/** Each step turns a backup of version n into version n + 1. None yet: version 1 is the first. */
export const BACKUP_MIGRATIONS: Readonly<Record<number, Migration>> = {};

export type BackupHeader = {
  /** The format version as written in the file, before any migration (the encryption binds it). */
  version: number;
  exportedAt: string;
  appVersion: string;
  /** null for a plain backup; the key-derivation parameters for an encrypted one. */
  encryption: BackupEncryption | null;
};

/** The envelope, judged; the content is not yet (it is checked against its checksum first). */
export type BackupEnvelope =
  | { encrypted: false; header: BackupHeader; sha256: string; content: unknown }
  | { encrypted: true; header: BackupHeader & { encryption: BackupEncryption }; ciphertext: string };

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

/** Whether a text is over BACKUP_MAX_BYTES in UTF-8; counts bytes only when the length cannot decide. */
export function exceedsBackupSize(text: string): boolean {
  // A UTF-16 unit is one to three UTF-8 bytes (a surrogate pair, two units, is four).
  if (text.length > BACKUP_MAX_BYTES) return true;
  if (text.length * 3 <= BACKUP_MAX_BYTES) return false;
  return utf8ByteLength(text) > BACKUP_MAX_BYTES;
}

export const BACKUP_TOO_LARGE_MESSAGE = `The file is larger than ${BACKUP_MAX_BYTES / 1024 / 1024} MB; a Loopcard backup is never that large.`;

/** Reads a backup's envelope: size, JSON, format, version, header. The content is left for later. */
export function readBackupEnvelope(text: string): ReadResult<BackupEnvelope> {
  if (exceedsBackupSize(text)) return { ok: false, reason: BACKUP_TOO_LARGE_MESSAGE };
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return parsed;
  const header = readEnvelopeHeader(parsed.value);
  if (!header) return { ok: false, reason: 'This is not a Loopcard backup: it has no format and version.' };
  if (header.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      reason: header.format.startsWith('loopcard.')
        ? `This is a Loopcard ${header.format.slice('loopcard.'.length)} file, not a backup.`
        : `This is not a Loopcard backup (its format is “${header.format.slice(0, 60)}”).`,
    };
  }
  const migrated = migrateEnvelope(parsed.value as Record<string, unknown>, header.version, BACKUP_VERSION, BACKUP_MIGRATIONS, 'backup');
  if (!migrated.ok) return migrated;
  if (migrated.value.encryption === null) {
    const plain = PlainShellSchema.safeParse(migrated.value);
    if (!plain.success) return { ok: false, reason: envelopeReason(plain.error.issues) };
    const { exportedAt, app, sha256, content } = plain.data;
    return { ok: true, value: { encrypted: false, header: { version: header.version, exportedAt, appVersion: app.version, encryption: null }, sha256, content } };
  }
  const sealed = EncryptedBackupSchema.safeParse(migrated.value);
  if (!sealed.success) return { ok: false, reason: envelopeReason(sealed.error.issues) };
  const { exportedAt, app, encryption, ciphertext } = sealed.data;
  return { ok: true, value: { encrypted: true, header: { version: header.version, exportedAt, appVersion: app.version, encryption }, ciphertext } };
}

/** What the restore screen shows before asking for a passphrase: when, by which version, sealed or not. */
export function readBackupHeader(text: string): ReadResult<BackupHeader> {
  const envelope = readBackupEnvelope(text);
  return envelope.ok ? { ok: true, value: envelope.value.header } : envelope;
}

function envelopeReason(issues: readonly z.core.$ZodIssue[]): string {
  const [first] = issues;
  const where = first ? first.path.map(String).join('.') : '';
  const detail = first ? ` (${where ? `${where}: ` : ''}${first.message})` : '';
  return `The file does not match the backup format${detail}. It may have been edited by hand or damaged.`;
}

/** Reads the text an encrypted backup decrypted to: JSON, then `{ sha256, content }` (content not yet judged). */
export function readBackupPlaintext(plaintext: string): ReadResult<{ sha256: string; content: unknown }> {
  const parsed = parseJsonSafely(plaintext);
  if (!parsed.ok) return parsed;
  const result = PlaintextShellSchema.safeParse(parsed.value);
  if (!result.success) return { ok: false, reason: envelopeReason(result.error.issues) };
  return { ok: true, value: { sha256: result.data.sha256, content: result.data.content } };
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
  return { ok: false, reason: `${describeContentIssue(first, content)}${tail}` };
}

function describeContentIssue(issue: z.core.$ZodIssue, content: unknown): string {
  const [top, table, index, ...rest] = issue.path;
  if (top === 'tables' && typeof table === 'string' && isBackupTable(table) && typeof index === 'number') {
    const row = rowAt(content, table, index);
    const name = row ? rowName(table, row) : null;
    const field = rest.map(String).join('.');
    return `${capitalise(BACKUP_TABLE_LABELS[table].one)} ${index + 1} in the backup${name ? ` (“${name}”)` : ''} is not valid: ${field ? `${field}: ` : ''}${issue.message}`;
  }
  const where = issue.path.map(String).join('.');
  return `The backup’s contents do not match the backup format (${where ? `${where}: ` : ''}${issue.message}).`;
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
    return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 80) : null;
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
      return text('id');
    case 'settings':
      return text('key');
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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

// ——— Planning a restore ————————————————————————————————————————————————————————————————

/** What is on this device now, table by table (settings may hold any value). */
export type CurrentRows = { [T in Exclude<BackupTable, 'settings'>]: readonly BackupTables[T][number][] } & {
  settings: readonly { key: string; value: unknown }[];
};

export type TableRestorePlan = {
  table: BackupTable;
  /** Rows in the backup. */
  inBackup: number;
  /** In the backup and not on this device: added. */
  added: number;
  /** On this device with the same key and different content: replaced by the backup's row. */
  replacedChanged: number;
  /** On this device with the same key and the same content: written again, nothing changes. */
  replacedSame: number;
  /** On this device and not in the backup: kept as they are (a restore never deletes). */
  kept: number;
};

export type RestorePlan = {
  tables: TableRestorePlan[];
  totals: Omit<TableRestorePlan, 'table'>;
};

/** The key Dexie stores a row under, as one string ([id+version] and [id+revision] joined). */
export const BACKUP_ROW_KEY: { [T in Exclude<BackupTable, 'settings'>]: (row: BackupTables[T][number]) => string } & {
  settings: (row: { key: string }) => string;
} = {
  roles: (r) => r.id,
  candidates: (r) => r.id,
  rubrics: (r) => `${r.id}#${r.version}`,
  interviews: (r) => r.id,
  scorecards: (r) => r.id,
  scorecardRevisions: (r) => `${r.id}#${r.revision}`,
  debriefs: (r) => r.id,
  settings: (r) => r.key,
};

function planTable<R>(table: BackupTable, current: readonly R[], incoming: readonly R[], keyOf: (row: R) => string): TableRestorePlan {
  const here = new Map(current.map((row) => [keyOf(row), row]));
  const plan: TableRestorePlan = { table, inBackup: incoming.length, added: 0, replacedChanged: 0, replacedSame: 0, kept: 0 };
  const seen = new Set<string>();
  for (const row of incoming) {
    const key = keyOf(row);
    seen.add(key);
    const local = here.get(key);
    if (local === undefined) plan.added += 1;
    else if (canonicalJson(local) === canonicalJson(row)) plan.replacedSame += 1;
    else plan.replacedChanged += 1;
  }
  for (const key of here.keys()) if (!seen.has(key)) plan.kept += 1;
  return plan;
}

/**
 * What a restore would do, table by table: rows added, rows replaced (changed or identical), rows
 * only on this device that stay. Device-only settings are left out of both sides.
 */
export function planRestore(current: CurrentRows, incoming: BackupContent): RestorePlan {
  const { tables } = incoming;
  const key = BACKUP_ROW_KEY;
  const localSettings = current.settings.filter((s) => !DEVICE_ONLY_SETTINGS.includes(s.key));
  const plans: TableRestorePlan[] = [
    planTable('roles', current.roles, tables.roles, key.roles),
    planTable('candidates', current.candidates, tables.candidates, key.candidates),
    planTable('rubrics', current.rubrics, tables.rubrics, key.rubrics),
    planTable('interviews', current.interviews, tables.interviews, key.interviews),
    planTable('scorecards', current.scorecards, tables.scorecards, key.scorecards),
    planTable('scorecardRevisions', current.scorecardRevisions, tables.scorecardRevisions, key.scorecardRevisions),
    planTable('debriefs', current.debriefs, tables.debriefs, key.debriefs),
    planTable<{ key: string; value: unknown }>('settings', localSettings, tables.settings, key.settings),
  ];
  const totals = { inBackup: 0, added: 0, replacedChanged: 0, replacedSame: 0, kept: 0 };
  for (const p of plans) {
    totals.inBackup += p.inBackup;
    totals.added += p.added;
    totals.replacedChanged += p.replacedChanged;
    totals.replacedSame += p.replacedSame;
    totals.kept += p.kept;
  }
  return { tables: plans, totals };
}

function count(n: number, table: BackupTable): string {
  const { one, many } = BACKUP_TABLE_LABELS[table];
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The plan in sentences for the confirmation screen, one per table that the restore touches. */
export function describeRestorePlan(plan: RestorePlan): string[] {
  const lines: string[] = [];
  for (const t of plan.tables) {
    const parts: string[] = [];
    if (t.added > 0) parts.push(`${t.added.toLocaleString('en-US')} new`);
    if (t.replacedChanged > 0) parts.push(`${t.replacedChanged.toLocaleString('en-US')} replace${t.replacedChanged === 1 ? 's' : ''} a different version on this device`);
    if (t.replacedSame > 0) parts.push(`${t.replacedSame.toLocaleString('en-US')} already here unchanged`);
    if (parts.length > 0) lines.push(`${capitalise(count(t.inBackup, t.table))}: ${parts.join(', ')}.`);
  }
  if (plan.totals.inBackup === 0) lines.push('The backup is empty: nothing would change.');
  if (plan.totals.kept > 0) lines.push(`${capitalise(plan.totals.kept.toLocaleString('en-US'))} record${plan.totals.kept === 1 ? '' : 's'} on this device ${plan.totals.kept === 1 ? 'is' : 'are'} not in the backup and will be kept.`);
  return lines;
}

// ——— Checking a restore against this device ——————————————————————————————————————————

/**
 * Why the backup cannot be written onto this device as it stands, or null when it can. Checks the
 * backup's own rows only (a device's existing rows are never the backup's fault): keys unique in
 * the file, every reference resolved in the backup or on this device, the one-scorecard-per-
 * interview and one-debrief-per-candidate rules, and the two kinds of row that are never replaced
 * with different content: a rubric version (scores against different rubrics cannot be compared)
 * and a submitted revision (it is a record of what was submitted).
 */
export function checkRestore(current: CurrentRows, incoming: BackupContent): string | null {
  const { tables } = incoming;
  const key = BACKUP_ROW_KEY;

  const duplicate =
    firstDuplicate('roles', tables.roles, key.roles) ??
    firstDuplicate('candidates', tables.candidates, key.candidates) ??
    firstDuplicate('rubrics', tables.rubrics, key.rubrics) ??
    firstDuplicate('interviews', tables.interviews, key.interviews) ??
    firstDuplicate('scorecards', tables.scorecards, key.scorecards) ??
    firstDuplicate('scorecardRevisions', tables.scorecardRevisions, key.scorecardRevisions) ??
    firstDuplicate('debriefs', tables.debriefs, key.debriefs) ??
    firstDuplicate('settings', tables.settings, key.settings);
  if (duplicate) return duplicate;

  const roles = merged(current.roles, tables.roles, key.roles);
  const candidates = merged(current.candidates, tables.candidates, key.candidates);
  const rubrics = merged(current.rubrics, tables.rubrics, key.rubrics);
  const interviews = merged(current.interviews, tables.interviews, key.interviews);
  const rubricKey = (ref: { id: string; version: number }) => `${ref.id}#${ref.version}`;
  const missing = (what: string, parent: string) => `The backup is incomplete: ${what} belongs to ${parent} that is neither in the backup nor on this device.`;

  const localRubrics = new Map(current.rubrics.map((r) => [key.rubrics(r), r]));
  for (const rubric of tables.rubrics) {
    const local = localRubrics.get(key.rubrics(rubric));
    if (local && canonicalJson(local) !== canonicalJson(rubric)) {
      return `The rubric “${rubric.title}” version ${rubric.version} in the backup differs from the one on this device with the same version. Scores against different rubrics cannot be compared.`;
    }
  }
  const localRevisions = new Map(current.scorecardRevisions.map((r) => [key.scorecardRevisions(r), r]));
  for (const revision of tables.scorecardRevisions) {
    const local = localRevisions.get(key.scorecardRevisions(revision));
    if (local && canonicalJson(local) !== canonicalJson(revision)) {
      return `${revision.interviewerName}’s submitted revision ${revision.revision} in the backup differs from the one on this device. A submitted revision is never overwritten.`;
    }
  }
  for (const role of tables.roles) {
    if (!rubrics.has(rubricKey(role.rubric))) return missing(`the role “${role.title}”`, `a rubric (${role.rubric.id} version ${role.rubric.version})`);
  }
  for (const candidate of tables.candidates) {
    if (!roles.has(candidate.roleId)) return missing(`the candidate “${candidate.name}”`, 'a role');
  }
  for (const interview of tables.interviews) {
    const what = `${interview.interviewerName}’s interview`;
    const candidate = candidates.get(interview.candidateId);
    if (!candidate) return missing(what, 'a candidate');
    if (!roles.has(interview.roleId)) return missing(what, 'a role');
    if (candidate.roleId !== interview.roleId) return `In the backup, ${what} with ${candidate.name} names a different role from the candidate’s.`;
    if (!rubrics.has(rubricKey(interview.rubric))) return missing(what, `a rubric (${interview.rubric.id} version ${interview.rubric.version})`);
  }
  for (const [table, rows] of [['scorecards', tables.scorecards], ['scorecardRevisions', tables.scorecardRevisions]] as const) {
    for (const card of rows) {
      const what = table === 'scorecards' ? `${card.interviewerName}’s scorecard` : `${card.interviewerName}’s scorecard revision ${card.revision}`;
      const interview = interviews.get(card.interviewId);
      if (!interview) return missing(what, 'an interview');
      if (interview.candidateId !== card.candidateId || interview.roleId !== card.roleId) return `In the backup, ${what} does not match its interview’s candidate and role.`;
      if (!rubrics.has(rubricKey(card.rubric))) return missing(what, `a rubric (${card.rubric.id} version ${card.rubric.version})`);
    }
  }
  for (const debrief of tables.debriefs) {
    const candidate = candidates.get(debrief.candidateId);
    if (!candidate) return missing('a debrief', 'a candidate');
    if (candidate.roleId !== debrief.roleId) return `In the backup, the debrief for ${candidate.name} names a different role from the candidate’s.`;
  }

  const scorecardClash = uniqueClash(current.scorecards, tables.scorecards, key.scorecards, (s) => s.interviewId);
  if (scorecardClash) return `${scorecardClash.interviewerName}’s scorecard in the backup is for an interview that already has a different scorecard on this device: one scorecard per interview.`;
  const debriefClash = uniqueClash(current.debriefs, tables.debriefs, key.debriefs, (d) => d.candidateId);
  if (debriefClash) {
    const name = candidates.get(debriefClash.candidateId)?.name ?? 'a candidate';
    return `The backup’s debrief for ${name} clashes with a different debrief for the same candidate on this device: one debrief per candidate.`;
  }
  return null;
}

function firstDuplicate<R>(table: BackupTable, rows: readonly R[], keyOf: (row: R) => string): string | null {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (seen.has(key)) return `The backup lists the same ${BACKUP_TABLE_LABELS[table].one} twice (“${key.slice(0, 80)}”). It may have been edited by hand.`;
    seen.add(key);
  }
  return null;
}

/** This device's rows with the backup's laid over them: what the database holds after the restore. */
function merged<R>(current: readonly R[], incoming: readonly R[], keyOf: (row: R) => string): Map<string, R> {
  const rows = new Map<string, R>();
  for (const row of current) rows.set(keyOf(row), row);
  for (const row of incoming) rows.set(keyOf(row), row);
  return rows;
}

/** A backup row whose unique index value is already taken by a different row (one the restore keeps, or another backup row). */
function uniqueClash<R>(current: readonly R[], incoming: readonly R[], keyOf: (row: R) => string, unique: (row: R) => string): R | null {
  const after = merged(current, incoming, keyOf);
  const owner = new Map<string, string>();
  for (const [key, row] of after) {
    const value = unique(row);
    if (owner.has(value) && owner.get(value) !== key) {
      const mine = incoming.find((r) => unique(r) === value);
      return mine ?? row;
    }
    owner.set(value, key);
  }
  return null;
}
