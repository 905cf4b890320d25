import { useRef, useState, type ReactNode } from 'react';
import { Notice } from '../../components/notice';
import { Field } from '../../components/field';
import { BACKUP_MAX_BYTES } from '../../domain/backup-format';
import { BackupExportInputSchema, BackupUnlockInputSchema, PASSPHRASE_MIN_LENGTH, type BackupExportInput, type BackupUnlockInput } from '../../domain/backup-encryption';
import type { RestorePreview } from '../../data/backup-repository';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { useZodForm } from '../../lib/form';
import { saveFile } from '../../lib/save-file';

type Ready = Extract<RestorePreview, { ok: true }>;

/** Calls `set` with whole percentages only, so a large file's progress re-renders at most 101 times. */
function percentOf(set: (percent: number) => void): (fraction: number) => void {
  let last = -1;
  return (fraction) => {
    const percent = Math.min(100, Math.floor(fraction * 100));
    if (percent !== last) set((last = percent));
  };
}

/** The whole database as one file, optionally encrypted; and back, after a preview. */
export function BackupSection({ lastBackupAt, onBackedUp }: { lastBackupAt: string | null | undefined; onBackedUp: () => void }) {
  const repos = useRepositories();
  const inputRef = useRef<HTMLInputElement>(null);
  const [restoreText, setRestoreText] = useState<{ name: string; file: Blob } | null>(null);
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  /** How many files were chosen: a new choice starts the passphrase form afresh. */
  const [picks, setPicks] = useState(0);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  /** How much of the chosen file has been read and checked, while it is; a large backup takes seconds. */
  const [checking, setChecking] = useState<number | null>(null);
  const [restoring, setRestoring] = useState(false);

  /** Opens the chosen file; returns why a typed passphrase did not open it, for under its field. */
  const check = async (file: { name: string; file: Blob }, pass?: string): Promise<string | null> => {
    setRestoreError(null);
    setReady(null);
    setRestored(null);
    setChecking(0);
    let preview: RestorePreview;
    try {
      preview = await repos.backup.previewRestore(file.file, { ...(pass === undefined ? {} : { passphrase: pass }), onProgress: percentOf(setChecking) });
    } finally {
      setChecking(null);
    }
    if (preview.ok) {
      setNeedsPassphrase(false);
      setReady(preview);
      return null;
    }
    if (preview.problem === 'passphrase-needed' || preview.problem === 'wrong-passphrase') setNeedsPassphrase(true);
    if (preview.problem === 'wrong-passphrase' && pass !== undefined) return preview.reason;
    setRestoreError(preview.reason);
    return null;
  };

  const unlock = async (passphrase: string): Promise<string | null> => {
    if (!restoreText) return null;
    try {
      return await check(restoreText, passphrase);
    } catch (error) {
      setRestoreError(describeError(error, 'restoring'));
      return null;
    }
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (inputRef.current) inputRef.current.value = '';
    if (file.size > BACKUP_MAX_BYTES) {
      setRestoreError('The file is larger than 200 MB; it is not a Loopcard backup. Nothing was restored.');
      return;
    }
    const chosen = { name: file.name, file };
    setRestoreText(chosen);
    setPicks((n) => n + 1);
    try {
      await check(chosen);
    } catch (error) {
      setRestoreError(describeError(error, 'restoring'));
    }
  };

  const restore = async () => {
    if (!ready) return;
    setRestoring(true);
    try {
      await repos.backup.restore(ready.backup);
      setReady(null);
      setRestoreText(null);
      setRestored('The backup was restored. Everything in it is on this device now; what was here and not in the backup was kept.');
    } catch (error) {
      setRestoreError(describeError(error, 'restoring'));
    } finally {
      setRestoring(false);
    }
  };

  return (
    <section aria-labelledby="backup-heading" className="section" id="backup">
      <h2 id="backup-heading">Backup and restore</h2>
      <p className="field-hint">
        Last backup: {lastBackupAt === undefined ? '…' : lastBackupAt ? new Date(lastBackupAt).toLocaleString() : 'never on this device'}. A backup is one file with every
        role, candidate, scorecard and debrief on this device.
      </p>
      <ExportForm onBackedUp={onBackedUp}>
        <button type="button" className="button button-secondary" onClick={() => inputRef.current?.click()}>
          Restore from a backup…
        </button>
        <input ref={inputRef} id="restore-file" aria-label="Backup file" tabIndex={-1} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      </ExportForm>
      {checking !== null && (
        <p className="field-hint" role="status">
          Checking {restoreText?.name ?? 'the backup'}: {checking}% read.
        </p>
      )}
      {restoreError && <Notice tone="error">{restoreError}</Notice>}
      {restored && <Notice tone="success">{restored}</Notice>}
      {restoreText && needsPassphrase && (
        // Keyed by the choice, so a newly chosen file starts with an empty passphrase.
        <UnlockForm key={picks} fileName={restoreText.name} unlock={unlock} />
      )}
      {ready && (
        <div className="restore-preview" role="region" aria-label="What the restore will do">
          <h3>What restoring {restoreText?.name} will do</h3>
          <ul>
            {ready.summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="action-row">
            <button type="button" className="button button-danger" disabled={restoring} onClick={() => void restore()}>
              {restoring ? 'Restoring…' : 'Restore'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setReady(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/**
 * Whether to encrypt, the passphrase twice, and the button that makes the backup. `children` are
 * more actions for the same row.
 */
function ExportForm({ onBackedUp, children }: { onBackedUp: () => void; children: ReactNode }) {
  const repos = useRepositories();
  const { formRef, register, handleSubmit, reset, watch, formState } = useZodForm(BackupExportInputSchema, { encrypt: false, passphrase: '', confirm: '' });
  const { errors } = formState;
  const encrypt = watch('encrypt');
  const [backupError, setBackupError] = useState<string | null>(null);
  const [backupNote, setBackupNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);

  const backup = handleSubmit(async (values: BackupExportInput) => {
    setBackupError(null);
    setBackupNote(null);
    setBusy(true);
    setProgress(0);
    try {
      const file = await repos.backup.exportBackup({ appVersion: __APP_VERSION__, passphrase: values.encrypt ? values.passphrase : undefined, onProgress: percentOf(setProgress) });
      const how = await saveFile(file.blob, file.fileName);
      if (how !== 'cancelled') {
        await repos.backup.recordBackupSaved(file.exportedAt);
        onBackedUp();
        // Saved: nothing typed here is waiting to be kept any more.
        reset(values);
        setBackupNote(
          `Saved ${file.fileName}.${file.encrypted ? ' Keep the passphrase somewhere safe: without it the file cannot be opened, by anyone.' : ' It is not encrypted: store it where candidates’ data may be kept.'}`,
        );
      }
    } catch (error) {
      setBackupError(describeError(error, 'exporting'));
    } finally {
      setBusy(false);
    }
  });

  return (
    <>
      {backupError && <Notice tone="error">{backupError}</Notice>}
      {backupNote && <Notice tone="success">{backupNote}</Notice>}
      <form ref={formRef} noValidate aria-label="Backup" onSubmit={(e) => void backup(e)}>
        <label className="choice">
          <input type="checkbox" {...register('encrypt')} />
          <span>Encrypt with a passphrase (AES-256-GCM)</span>
        </label>
        {encrypt && (
          <div className="form-row">
            <Field
              id="backup-passphrase"
              label="Passphrase"
              hint={`At least ${PASSPHRASE_MIN_LENGTH} characters. It is never stored; lose it and the backup cannot be opened.`}
              error={errors.passphrase?.message}
            >
              {(a11y) => <input type="password" autoComplete="new-password" {...a11y} {...register('passphrase')} />}
            </Field>
            <Field id="backup-passphrase-again" label="Passphrase again" error={errors.confirm?.message}>
              {(a11y) => <input type="password" autoComplete="new-password" {...a11y} {...register('confirm')} />}
            </Field>
          </div>
        )}
        <div className="action-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? `Making the backup… ${progress}%` : 'Download backup'}
          </button>
          {children}
        </div>
      </form>
    </>
  );
}

/** The passphrase of an encrypted backup. `unlock` returns why it did not open the file, if it did not. */
function UnlockForm({ fileName, unlock }: { fileName: string; unlock: (passphrase: string) => Promise<string | null> }) {
  const { formRef, register, handleSubmit, setError, formState } = useZodForm(BackupUnlockInputSchema, { passphrase: '' });
  const { errors } = formState;

  const submit = handleSubmit(async ({ passphrase }: BackupUnlockInput) => {
    const refused = await unlock(passphrase);
    // A passphrase that did not open the file is this field's error: shown under it, and focused.
    if (refused) setError('passphrase', { type: 'server', message: refused });
  });

  return (
    <form ref={formRef} className="form form-inline" noValidate aria-label="Open the encrypted backup" onSubmit={(e) => void submit(e)}>
      <Field id="restore-passphrase" label={`Passphrase for ${fileName}`} error={errors.passphrase?.message}>
        {(a11y) => <input type="password" autoComplete="current-password" {...a11y} {...register('passphrase')} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Open the backup
        </button>
      </div>
    </form>
  );
}
