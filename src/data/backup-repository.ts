import { z } from 'zod';
import {
  BACKUP_FORMAT,
  BACKUP_MAX_BYTES,
  BACKUP_PASSPHRASE_NEEDED_MESSAGE,
  BACKUP_TABLE_LABELS,
  BACKUP_VERSION,
  BackupAppSchema,
  isDeviceOnlySetting,
  LAST_BACKUP_AT_SETTING,
  NOTHING_RESTORED,
  backupAssociatedData,
  backupFileName,
  backupRecords,
  validateBackupContent,
  type BackupContent,
  type BackupHeader,
  type EncryptedBackup,
  type PlainBackup,
} from '../domain/backup-format';
import { BackupPassphraseSchema } from '../domain/backup-encryption';
import { readBackupPlaintext, readLoopcardFile } from '../domain/file-reading';
import { sealEnvelope, utf8ByteLength } from '../domain/file-envelope';
import { countDecisions, type IncomingPlan, type IncomingTable, type RecordAction } from '../domain/incoming-records';
import { canonicalJson } from '../domain/canonical-json';
import { TimestampSchema, capitalise } from '../domain/fields';
import { CURRENT_DB_VERSION } from './db';
import { WrongPassphraseError, decryptJson, encryptJson } from './backup-crypto';
import { applyPlan, incomingTables, planArrival, readAllRecords } from './incoming-store';
import { describeSetAside } from '../domain/erased-candidates';
import type { RepositoryContext } from './repository-context';
import { ConflictError, validate } from './validation';

/** What a restore would do, per table: how many rows of the backup meet each fate. */
export type RestorePlan = { tables: { table: IncomingTable; counts: Record<RecordAction, number> }[] };

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
const verifiedBackups = new WeakMap<VerifiedBackup, { content: BackupContent; shownPlan: string; source: string }>();

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
  /** The content to restore, out of a plain or encrypted file, checked; or why it cannot be had. */
  async function openContent(text: string, passphrase: string | undefined): Promise<{ ok: true; header: BackupHeader; content: BackupContent } | RestoreRefusal> {
    const read = readLoopcardFile(text, { expect: ['backup'] });
    if (!read.ok) return refused(read.reason);
    const file = read.value;
    if (file.kind !== 'backup') return refused('This is not a backup.');
    if (!file.encrypted) return { ok: true, header: file.header, content: file.content };
    if (passphrase === undefined || passphrase === '') return { ok: false, problem: 'passphrase-needed', reason: BACKUP_PASSPHRASE_NEEDED_MESSAGE };
    const { header } = file;
    const { encryption } = header;
    let plaintext: string;
    try {
      plaintext = await decryptJson(
        { salt: encryption.salt, iv: encryption.iv, iterations: encryption.iterations, ciphertext: file.ciphertext },
        passphrase,
        backupAssociatedData({ format: BACKUP_FORMAT, version: header.version, exportedAt: header.exportedAt, app: { name: 'Loopcard', version: header.appVersion } }),
      );
    } catch (error) {
      if (error instanceof WrongPassphraseError) return { ok: false, problem: 'wrong-passphrase', reason: error.message };
      throw error;
    }
    const content = readBackupPlaintext(plaintext, header.version);
    return content.ok ? { ok: true, header, content: content.value } : refused(content.reason);
  }

  /** The plan the one rule set makes for this backup on this device; call inside a transaction. */
  async function planFor(content: BackupContent, source: string): Promise<({ ok: true; plan: IncomingPlan } | { ok: false; reason: string }) & { erased: string | null }> {
    // Candidates erased here since the backup was made stay erased: their records are left out.
    const planned = await planArrival(db, backupRecords(content), { now: now(), source, sourceKind: 'file' }, 'every');
    return { ...planned, erased: describeSetAside(planned.setAside, 'backup') };
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
      const current = await db.transaction('r', incomingTables(db), () => readAllRecords(db));
      const checked = validateBackupContent({
        databaseVersion: CURRENT_DB_VERSION,
        tables: { ...current, settings: current.settings.filter((s) => !isDeviceOnlySetting(s.key)) },
      });
      if (!checked.ok) throw new ConflictError(`The backup was not made: this device holds a record Loopcard cannot read back. ${checked.reason}`);
      const stamp = now();
      const plain = sealEnvelope({ format: BACKUP_FORMAT, version: BACKUP_VERSION, appVersion: app.version, exportedAt: stamp }, 'content', checked.value);
      const exportedAt = plain.exportedAt;
      let file: PlainBackup | EncryptedBackup;
      if (passphrase === undefined) {
        file = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, app, encryption: null, sha256: plain.sha256, content: checked.value };
      } else {
        const outside = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, app } as const;
        // The checksum travels inside the ciphertext, so nothing about the content shows outside.
        const sealed = await encryptJson(JSON.stringify({ sha256: plain.sha256, content: plain.content }), passphrase, backupAssociatedData(outside));
        file = {
          ...outside,
          encryption: { algorithm: 'AES-256-GCM', kdf: 'PBKDF2-SHA256', iterations: sealed.iterations, salt: sealed.salt, iv: sealed.iv },
          ciphertext: sealed.ciphertext,
        };
      }
      const json = JSON.stringify(file, null, 2);
      // A file too large to restore is worse than no file: it looks like a backup and is not one.
      if (utf8ByteLength(json) > BACKUP_MAX_BYTES) {
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
      const { header, content } = opened;
      if (content.databaseVersion > CURRENT_DB_VERSION) {
        return refused('This backup was made by a newer version of Loopcard, whose records this version cannot hold. Update Loopcard on this device, then restore it again.');
      }
      const source = `the backup of ${header.exportedAt.slice(0, 10)}`;
      const planned = await db.transaction('r', incomingTables(db), () => planFor(content, source));
      if (!planned.ok) return refused(planned.reason);
      const plan: RestorePlan = { tables: countDecisions(planned.plan) };
      const backup: VerifiedBackup = Object.freeze({ header, plan });
      verifiedBackups.set(backup, { content, shownPlan: canonicalJson(planned.plan.decisions), source });
      return { ok: true, header, plan, summary: [...describeRestorePlan(plan), ...(planned.erased === null ? [] : [planned.erased])], backup };
    },

    /**
     * Writes a checked backup in one transaction, by the same rules as any file: new records added,
     * newer ones updated, this device's newer work kept, diverged copies kept for the person to
     * choose. If anything on this device changed since the preview, nothing is written (a
     * ConflictError): the person confirmed that plan, not another.
     */
    async restore(backup: VerifiedBackup): Promise<RestorePlan> {
      const verified = verifiedBackups.get(backup);
      if (!verified) throw new Error('Only a backup checked by previewRestore can be restored.');
      const { content, shownPlan, source } = verified;
      return db.transaction('rw', incomingTables(db), async () => {
        const planned = await planFor(content, source);
        if (!planned.ok) throw new ConflictError(`${planned.reason} ${NOTHING_RESTORED}`);
        if (canonicalJson(planned.plan.decisions) !== shownPlan) {
          throw new ConflictError(`Records on this device changed since the backup was checked. Check the backup again to see what it would change. ${NOTHING_RESTORED}`);
        }
        await applyPlan(db, planned.plan);
        return { tables: countDecisions(planned.plan) };
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


/** The plan in sentences for the confirmation screen, one per table the backup has rows in. */
export function describeRestorePlan(plan: RestorePlan): string[] {
  const lines: string[] = [];
  let total = 0;
  let conflicts = 0;
  for (const { table, counts } of plan.tables) {
    const inBackup = counts.add + counts.same + counts.update + counts['keep-local'] + counts.conflict;
    total += inBackup;
    conflicts += counts.conflict;
    if (inBackup === 0) continue;
    const { one, many } = BACKUP_TABLE_LABELS[table];
    const parts: string[] = [];
    const n = (x: number) => x.toLocaleString('en-US');
    if (counts.add > 0) parts.push(`${n(counts.add)} new`);
    if (counts.update > 0) parts.push(`${n(counts.update)} newer than this device’s copy`);
    if (counts.same > 0) parts.push(`${n(counts.same)} already here unchanged`);
    if (counts['keep-local'] > 0) parts.push(`${n(counts['keep-local'])} older than this device’s copy, which is kept`);
    if (counts.conflict > 0) parts.push(`${n(counts.conflict)} changed both here and in the backup: both kept for you to choose`);
    lines.push(`${capitalise(`${n(inBackup)} ${inBackup === 1 ? one : many}`)}: ${parts.join(', ')}.`);
  }
  if (total === 0) lines.push('The backup is empty: nothing would change.');
  lines.push('Records on this device that are not in the backup are kept.');
  if (conflicts > 0) lines.push('After the restore, choose between the two versions under Changes to review.');
  return lines;
}
