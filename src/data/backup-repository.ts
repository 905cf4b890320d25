import { z } from 'zod';
import {
  BACKUP_CHECKSUM_MESSAGE,
  BACKUP_FORMAT,
  BACKUP_MAX_BYTES,
  BACKUP_PASSPHRASE_NEEDED_MESSAGE,
  BACKUP_VERSION,
  BackupAppSchema,
  BackupPassphraseSchema,
  DEVICE_ONLY_SETTINGS,
  LAST_BACKUP_AT_SETTING,
  NOTHING_RESTORED,
  backupAssociatedData,
  backupFileName,
  checkRestore,
  describeRestorePlan,
  planRestore,
  readBackupEnvelope,
  readBackupPlaintext,
  exceedsBackupSize,
  validateBackupContent,
  type BackupContent,
  type BackupHeader,
  type CurrentRows,
  type EncryptedBackup,
  type PlainBackup,
  type RestorePlan,
} from '../domain/backup-file';
import { canonicalJson } from '../domain/canonical-json';
import { TimestampSchema } from '../domain/fields';
import { CURRENT_DB_VERSION } from './db';
import { WrongPassphraseError, decryptJson, encryptJson } from './backup-crypto';
import { sha256OfCanonical } from './hash';
import type { RepositoryContext } from './repository-context';
import { ConflictError, validate } from './validation';

/**
 * A receipt for a backup that passed every check in `previewRestore`, with the plan the person
 * was shown. The checked rows stay inside this module (nobody can edit them between the preview
 * and the restore), and only `previewRestore` makes a receipt `restore` accepts.
 */
export type VerifiedBackup = Readonly<{
  header: BackupHeader;
  plan: RestorePlan;
}>;

export type RestorePreview =
  | {
      ok: true;
      header: BackupHeader;
      plan: RestorePlan;
      /** The plan in sentences, for the confirmation screen. */
      summary: string[];
      /** Hand this to `restore` once the person confirms. */
      backup: VerifiedBackup;
    }
  | {
      ok: false;
      /** `passphrase-needed` and `wrong-passphrase`: ask (again) for the passphrase, keep the file. */
      problem: 'passphrase-needed' | 'wrong-passphrase' | 'refused';
      /** Plain words, ending in "Nothing was restored." where something could have been. */
      reason: string;
    };

export type BackupExport = {
  fileName: string;
  json: string;
  exportedAt: string;
  encrypted: boolean;
};

type RestoreRefusal = Extract<RestorePreview, { ok: false }>;

/** What each receipt stands for: the validated rows and the plan as shown, frozen in JSON. */
const verifiedBackups = new WeakMap<VerifiedBackup, { content: BackupContent; shownPlan: string }>();

function refused(reason: string): RestoreRefusal {
  return { ok: false, problem: 'refused', reason: reason.endsWith(NOTHING_RESTORED) ? reason : `${reason} ${NOTHING_RESTORED}` };
}

/**
 * The whole database in one file and back. Export reads every table in one transaction; a restore
 * is checked completely (size, JSON, header, passphrase, checksum, every row's schema, references)
 * before anything is written, and then written in one transaction over every table, so a refusal
 * or a failure leaves the database exactly as it was.
 */
export function createBackupRepository({ db, now }: RepositoryContext) {
  const allTables = [db.roles, db.candidates, db.rubrics, db.interviews, db.scorecards, db.scorecardRevisions, db.debriefs, db.settings];

  /** Every row on this device; call inside a transaction over `allTables`. */
  async function readCurrent(): Promise<CurrentRows> {
    const [roles, candidates, rubrics, interviews, scorecards, scorecardRevisions, debriefs, settings] = await Promise.all([
      db.roles.toArray(),
      db.candidates.toArray(),
      db.rubrics.toArray(),
      db.interviews.toArray(),
      db.scorecards.toArray(),
      db.scorecardRevisions.toArray(),
      db.debriefs.toArray(),
      db.settings.toArray(),
    ]);
    return { roles, candidates, rubrics, interviews, scorecards, scorecardRevisions, debriefs, settings };
  }

  /** The content to restore, out of a plain or encrypted file; or why it cannot be had. */
  async function openContent(text: string, passphrase: string | undefined): Promise<{ ok: true; header: BackupHeader; content: unknown; sha256: string } | RestoreRefusal> {
    const envelope = readBackupEnvelope(text);
    if (!envelope.ok) return refused(envelope.reason);
    if (!envelope.value.encrypted) return { ok: true, header: envelope.value.header, content: envelope.value.content, sha256: envelope.value.sha256 };
    if (passphrase === undefined || passphrase === '') return { ok: false, problem: 'passphrase-needed', reason: BACKUP_PASSPHRASE_NEEDED_MESSAGE };
    const { header } = envelope.value;
    const { encryption } = header;
    let plaintext: string;
    try {
      plaintext = await decryptJson(
        { salt: encryption.salt, iv: encryption.iv, iterations: encryption.iterations, ciphertext: envelope.value.ciphertext },
        passphrase,
        backupAssociatedData({ format: BACKUP_FORMAT, version: header.version, exportedAt: header.exportedAt, app: { name: 'Loopcard', version: header.appVersion } }),
      );
    } catch (error) {
      if (error instanceof WrongPassphraseError) return { ok: false, problem: 'wrong-passphrase', reason: error.message };
      throw error;
    }
    const inner = readBackupPlaintext(plaintext);
    if (!inner.ok) return refused(inner.reason);
    return { ok: true, header, content: inner.value.content, sha256: inner.value.sha256 };
  }

  return {
    /**
     * The whole database as one backup file, sealed with the passphrase when one is given (at least
     * 8 characters; a ValidationError on `passphrase` otherwise). Does not record the backup as
     * made: call `recordBackupSaved(exportedAt)` once the file was actually saved or shared.
     */
    async exportBackup({ appVersion, passphrase }: { appVersion: string; passphrase?: string | undefined }): Promise<BackupExport> {
      // Checked before the slow part, so a short passphrase is reported at once.
      if (passphrase !== undefined) validate('Backup', z.object({ passphrase: BackupPassphraseSchema }), { passphrase });
      const app = validate('Backup', BackupAppSchema, { name: 'Loopcard', version: appVersion });
      const current = await db.transaction('r', allTables, readCurrent);
      const checked = validateBackupContent({
        databaseVersion: CURRENT_DB_VERSION,
        tables: { ...current, settings: current.settings.filter((s) => !DEVICE_ONLY_SETTINGS.includes(s.key)) },
      });
      if (!checked.ok) throw new ConflictError(`The backup was not made: this device holds a record Loopcard cannot read back. ${checked.reason}`);
      const content = checked.value;
      const sha256 = await sha256OfCanonical(content);
      const exportedAt = now().toISOString();
      let file: PlainBackup | EncryptedBackup;
      if (passphrase === undefined) {
        file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, app, encryption: null, sha256, content };
      } else {
        const outside = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, app } as const;
        const sealed = await encryptJson(JSON.stringify({ sha256, content }), passphrase, backupAssociatedData(outside));
        file = {
          ...outside,
          encryption: { algorithm: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: sealed.iterations, salt: sealed.salt, iv: sealed.iv },
          ciphertext: sealed.ciphertext,
        };
      }
      const json = JSON.stringify(file, null, 2);
      // A file too large to restore is worse than no file: it looks like a backup and is not one.
      if (exceedsBackupSize(json)) {
        throw new ConflictError(`The backup was not made: it would be larger than ${BACKUP_MAX_BYTES / 1024 / 1024} MB, more than Loopcard can restore.`);
      }
      const encrypted = passphrase !== undefined;
      return { fileName: backupFileName(exportedAt.slice(0, 10), encrypted), json, exportedAt, encrypted };
    },

    /**
     * Checks a backup completely and says what restoring it would do, without writing anything.
     * A wrong passphrase, a damaged or altered file, or a row that fails its schema is `ok: false`
     * with a reason in plain words; only bugs and storage failures throw.
     */
    async previewRestore(text: string, options: { passphrase?: string | undefined } = {}): Promise<RestorePreview> {
      const opened = await openContent(text, options.passphrase);
      if (!opened.ok) return opened;
      if ((await sha256OfCanonical(opened.content)) !== opened.sha256) return refused(BACKUP_CHECKSUM_MESSAGE);
      const content = validateBackupContent(opened.content);
      if (!content.ok) return refused(content.reason);
      if (content.value.databaseVersion > CURRENT_DB_VERSION) {
        return refused('This backup was made by a newer version of Loopcard, whose records this version cannot hold. Update Loopcard on this device, then restore it again.');
      }
      const current = await db.transaction('r', allTables, readCurrent);
      const problem = checkRestore(current, content.value);
      if (problem) return refused(problem);
      const plan = planRestore(current, content.value);
      const backup: VerifiedBackup = Object.freeze({ header: opened.header, plan });
      verifiedBackups.set(backup, { content: content.value, shownPlan: canonicalJson(plan) });
      return { ok: true, header: opened.header, plan, summary: describeRestorePlan(plan), backup };
    },

    /**
     * Writes a checked backup in one transaction over every table: rows with the same key are
     * replaced, new rows added, rows only on this device kept. If anything on this device changed
     * since the preview, nothing is written (a ConflictError): the person confirmed that plan, not another.
     */
    async restore(backup: VerifiedBackup): Promise<RestorePlan> {
      const verified = verifiedBackups.get(backup);
      if (!verified) throw new Error('Only a backup checked by previewRestore can be restored.');
      const { content, shownPlan } = verified;
      const { tables } = content;
      return db.transaction('rw', allTables, async () => {
        const current = await readCurrent();
        const problem = checkRestore(current, content);
        if (problem) throw new ConflictError(`${problem} ${NOTHING_RESTORED}`);
        const plan = planRestore(current, content);
        if (canonicalJson(plan) !== shownPlan) {
          throw new ConflictError(`Records on this device changed since the backup was checked. Check the backup again to see what it would change. ${NOTHING_RESTORED}`);
        }
        await db.roles.bulkPut(tables.roles);
        await db.rubrics.bulkPut(tables.rubrics);
        await db.candidates.bulkPut(tables.candidates);
        await db.interviews.bulkPut(tables.interviews);
        await db.scorecards.bulkPut(tables.scorecards);
        await db.scorecardRevisions.bulkPut(tables.scorecardRevisions);
        await db.debriefs.bulkPut(tables.debriefs);
        await db.settings.bulkPut(tables.settings);
        return plan;
      });
    },

    /** When a backup was last saved from this device, or null if never. */
    async lastBackupAt(): Promise<string | null> {
      const row = await db.settings.get(LAST_BACKUP_AT_SETTING);
      const parsed = TimestampSchema.safeParse(row?.value);
      return parsed.success ? parsed.data : null;
    },

    /**
     * Records that the backup exported at `exportedAt` was saved (not cancelled). Never moves the
     * date backwards, so saving an older export later does not hide a newer one.
     */
    async recordBackupSaved(exportedAt: string): Promise<string> {
      const stamp = validate('Backup date', z.object({ exportedAt: TimestampSchema }), { exportedAt }).exportedAt;
      return db.transaction('rw', db.settings, async () => {
        const row = await db.settings.get(LAST_BACKUP_AT_SETTING);
        const previous = TimestampSchema.safeParse(row?.value);
        if (previous.success && Date.parse(previous.data) >= Date.parse(stamp)) return previous.data;
        await db.settings.put({ key: LAST_BACKUP_AT_SETTING, value: stamp });
        return stamp;
      });
    },
  };
}

export type BackupRepository = ReturnType<typeof createBackupRepository>;
