import { z } from 'zod';
import Dexie, { type IndexableType, type Table } from 'dexie';
import {
  BACKUP_FORMAT,
  BACKUP_MAX_BYTES,
  BACKUP_NEWER_DATABASE_MESSAGE,
  BACKUP_PASSPHRASE_NEEDED_MESSAGE,
  BACKUP_TABLE_LABELS,
  BACKUP_TABLES,
  BACKUP_TOO_LARGE_MESSAGE,
  BACKUP_VERSION,
  BackupAppSchema,
  isDeviceOnlySetting,
  LAST_BACKUP_AT_SETTING,
  NOTHING_RESTORED,
  backupAssociatedData,
  backupFileName,
  backupRecords,
  validateBackupRows,
  type BackupContent,
  type BackupHeader,
} from '../domain/backup-format';
import { BackupPassphraseSchema } from '../domain/backup-encryption';
import { readBackupPlaintext, readLoopcardFile } from '../domain/file-reading';
import { countDecisions, type IncomingPlan, type IncomingTable, type RecordAction } from '../domain/incoming-records';
import { canonicalJson } from '../domain/canonical-json';
import { TimestampSchema, capitalise } from '../domain/fields';
import { CURRENT_DB_VERSION } from './db';
import { WrongPassphraseError, decryptJson } from './backup-crypto';
import { readChunkedBackup, startBackupFile } from './backup-file';
import { applyPlan, incomingTables, planArrival } from './incoming-store';
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
  /** The file, made from parts (a chunk each), never one string. */
  blob: Blob;
  /** Its size on disk. */
  bytes: number;
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
 * The whole database in one file and back. Export reads every table in one transaction, a page at
 * a time, into a chunked file (backup-file.ts); a restore is checked completely (size, header,
 * passphrase, every chunk's place and checksum, every row's schema, references) before anything is
 * written, and then written in one transaction over every table, so a refusal or a failure leaves
 * the database exactly as it was. Backups of versions 1 to 5 are read whole, as they were written.
 */
export function createBackupRepository({ db, now }: RepositoryContext) {
  /** The content to restore, out of a plain or encrypted file, checked; or why it cannot be had. */
  async function openContent(text: string, passphrase: string | undefined, byteLength: number): Promise<{ ok: true; header: BackupHeader; content: BackupContent } | RestoreRefusal> {
    const read = readLoopcardFile(text, { expect: ['backup'], byteLength });
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

  /** A chunked backup read part by part; an earlier one (versions 1 to 5) read whole, as before. */
  async function openFile(blob: Blob, passphrase: string | undefined, onProgress?: (fraction: number) => void): Promise<{ ok: true; header: BackupHeader; content: BackupContent } | RestoreRefusal> {
    const chunked = await readChunkedBackup(blob, passphrase, onProgress);
    if (!chunked.chunked) return openContent(await blob.text(), passphrase, blob.size);
    if (!chunked.ok) return chunked.problem === 'refused' ? refused(chunked.reason) : { ok: false, problem: chunked.problem, reason: chunked.reason };
    return { ok: true, header: chunked.header, content: chunked.content };
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
    async exportBackup({ appVersion, passphrase, onProgress }: { appVersion: string; passphrase?: string | undefined; onProgress?: (fraction: number) => void }): Promise<BackupExport> {
      // Checked before the slow part, so a short passphrase is reported at once.
      if (passphrase !== undefined) validate('Backup', z.object({ passphrase: BackupPassphraseSchema }), { passphrase });
      const app = validate('Backup', BackupAppSchema, { name: 'Loopcard', version: appVersion });
      const exportedAt = TimestampSchema.parse(now().toISOString());
      const start = await startBackupFile({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, app, databaseVersion: CURRENT_DB_VERSION }, passphrase);
      // One read transaction, so the backup is one moment of the database; read a page at a time, so
      // only a page and a chunk are in memory. Sealing a chunk awaits Web Crypto: the transaction's
      // waitFor keeps it open meanwhile.
      const { blob, bytes } = await db.transaction('r', incomingTables(db), async (tx) => {
        // The transaction's own waitFor (what Dexie.waitFor calls when it finds the transaction in
        // its zone, which an await of Web Crypto can lose); Dexie's types leave it out.
        const waitFor = (tx as unknown as { waitFor: <T>(promise: Promise<T>) => Promise<T> }).waitFor.bind(tx);
        const file = start(waitFor);
        const total = (await Promise.all(BACKUP_TABLES.map((table) => tx.table(table).count()))).reduce((sum, n) => sum + n, 0);
        let done = 0;
        for (const table of BACKUP_TABLES) {
          let before = 0;
          // Bound to the transaction itself, not found through the zone.
          await readPages(tx.table(table), async (rows) => {
            const kept = table === 'settings' ? rows.filter((s) => !isDeviceOnlySetting((s as { key: string }).key)) : rows;
            const checked = validateBackupRows(table, kept, before);
            before += kept.length;
            done += rows.length;
            onProgress?.(done / Math.max(1, total));
            if (!checked.ok) throw new ConflictError(`The backup was not made: this device holds a record Loopcard cannot read back. ${checked.reason}`);
            await file.add(table, checked.value);
          });
        }
        return file.finish();
      });
      const encrypted = passphrase !== undefined;
      return { fileName: backupFileName(exportedAt.slice(0, 10), encrypted), blob, bytes, exportedAt, encrypted };
    },

    /**
     * Checks a backup completely and says what restoring it would do, without writing anything.
     * A wrong passphrase, a damaged or altered file, or a row that fails its schema is `ok: false`
     * with a reason in plain words; only bugs and storage failures throw.
     */
    async previewRestore(file: Blob | string, options: { passphrase?: string | undefined; onProgress?: (fraction: number) => void } = {}): Promise<RestorePreview> {
      const blob = typeof file === 'string' ? new Blob([file]) : file;
      if (blob.size > BACKUP_MAX_BYTES) return refused(BACKUP_TOO_LARGE_MESSAGE);
      const opened = await openFile(blob, options.passphrase, options.onProgress);
      if (!opened.ok) return opened;
      const { header, content } = opened;
      if (content.databaseVersion > CURRENT_DB_VERSION) {
        return refused(BACKUP_NEWER_DATABASE_MESSAGE);
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

/** Rows read from a table per page, in primary-key order. */
const PAGE_ROWS = 500;

/**
 * Every row of a table, a page at a time by primary-key ranges (no offset to skip), handed to
 * `take` before the next page is read. Call inside a transaction.
 */
async function readPages(table: Table, take: (rows: unknown[]) => Promise<void>): Promise<void> {
  const keyPath = table.schema.primKey.keyPath;
  if (keyPath === null || keyPath === undefined) throw new Error(`The table ${table.name} has no primary key path.`);
  let after: IndexableType | undefined;
  for (;;) {
    const page: unknown[] = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(PAGE_ROWS).toArray();
    if (page.length === 0) return;
    await take(page);
    if (page.length < PAGE_ROWS) return;
    after = Dexie.getByKeyPath(page[page.length - 1] as object, keyPath) as IndexableType;
  }
}
