import { useRef, useState } from 'react';
import { Notice } from '../../components/notice';
import { BACKUP_MAX_BYTES } from '../../domain/backup-format';
import { PASSPHRASE_MIN_LENGTH } from '../../domain/backup-encryption';
import type { RestorePreview } from '../../data/backup-repository';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';

type Ready = Extract<RestorePreview, { ok: true }>;

/** The whole database as one file, optionally encrypted; and back, after a preview. */
export function BackupSection({ lastBackupAt, onBackedUp }: { lastBackupAt: string | null | undefined; onBackedUp: () => void }) {
  const repos = useRepositories();
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [backupError, setBackupError] = useState<string | null>(null);
  const [backupNote, setBackupNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const inputRef = useRef<HTMLInputElement>(null);
  const [restoreText, setRestoreText] = useState<{ name: string; text: string } | null>(null);
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [ready, setReady] = useState<Ready | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const backup = async () => {
    setBackupError(null);
    setBackupNote(null);
    if (encrypt && passphrase !== confirm) {
      setBackupError('The two passphrases are different.');
      return;
    }
    setBusy(true);
    try {
      const file = await repos.backup.exportBackup({ appVersion: __APP_VERSION__, passphrase: encrypt ? passphrase : undefined });
      const how = await saveFile(file.json, file.fileName);
      if (how !== 'cancelled') {
        await repos.backup.recordBackupSaved(file.exportedAt);
        onBackedUp();
        setBackupNote(
          `Saved ${file.fileName}.${file.encrypted ? ' Keep the passphrase somewhere safe: without it the file cannot be opened, by anyone.' : ' It is not encrypted: store it where candidates’ data may be kept.'}`,
        );
      }
    } catch (error) {
      setBackupError(describeError(error, 'exporting'));
    } finally {
      setBusy(false);
    }
  };

  const check = async (file: { name: string; text: string }, pass?: string) => {
    setRestoreError(null);
    setReady(null);
    setRestored(null);
    const preview = await repos.backup.previewRestore(file.text, pass === undefined ? {} : { passphrase: pass });
    if (preview.ok) {
      setNeedsPassphrase(false);
      setReady(preview);
      return;
    }
    if (preview.problem === 'passphrase-needed' || preview.problem === 'wrong-passphrase') setNeedsPassphrase(true);
    setRestoreError(preview.reason);
  };

  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (inputRef.current) inputRef.current.value = '';
    setRestorePassphrase('');
    if (file.size > BACKUP_MAX_BYTES) {
      setRestoreError('The file is larger than 200 MB; it is not a Loopcard backup. Nothing was restored.');
      return;
    }
    const chosen = { name: file.name, text: await file.text() };
    setRestoreText(chosen);
    try {
      await check(chosen);
    } catch (error) {
      setRestoreError(describeError(error, 'restoring'));
    }
  };

  const restore = async () => {
    if (!ready) return;
    try {
      await repos.backup.restore(ready.backup);
      setReady(null);
      setRestoreText(null);
      setRestored('The backup was restored. Everything in it is on this device now; what was here and not in the backup was kept.');
    } catch (error) {
      setRestoreError(describeError(error, 'restoring'));
    }
  };

  return (
    <section aria-labelledby="backup-heading" className="section" id="backup">
      <h2 id="backup-heading">Backup and restore</h2>
      <p className="field-hint">
        Last backup: {lastBackupAt === undefined ? '…' : lastBackupAt ? new Date(lastBackupAt).toLocaleString() : 'never on this device'}. A backup is one file with every
        role, candidate, scorecard and debrief on this device.
      </p>
      {backupError && <Notice tone="error">{backupError}</Notice>}
      {backupNote && <Notice tone="success">{backupNote}</Notice>}
      <label className="choice">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
        <span>Encrypt with a passphrase (AES-256-GCM)</span>
      </label>
      {encrypt && (
        <div className="form-row">
          <div className="field">
            <label className="field-label" htmlFor="backup-passphrase">
              Passphrase
            </label>
            <p id="backup-passphrase-hint" className="field-hint">
              At least {PASSPHRASE_MIN_LENGTH} characters. It is never stored; lose it and the backup cannot be opened.
            </p>
            <input id="backup-passphrase" type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} aria-describedby="backup-passphrase-hint" />
          </div>
          <div className="field">
            <label className="field-label" htmlFor="backup-passphrase-again">
              Passphrase again
            </label>
            <input id="backup-passphrase-again" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
          </div>
        </div>
      )}
      <div className="action-row">
        <button type="button" className="button button-primary" onClick={() => void backup()} disabled={busy}>
          {busy ? 'Making the backup…' : 'Download backup'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => inputRef.current?.click()}>
          Restore from a backup…
        </button>
        <input ref={inputRef} id="restore-file" aria-label="Backup file" tabIndex={-1} className="visually-hidden" type="file" accept=".json,application/json" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      {restoreError && <Notice tone="error">{restoreError}</Notice>}
      {restored && <Notice tone="success">{restored}</Notice>}
      {restoreText && needsPassphrase && (
        <form
          className="form form-inline"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void check(restoreText, restorePassphrase).catch((error: unknown) => setRestoreError(describeError(error, 'restoring')));
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor="restore-passphrase">
              Passphrase for {restoreText.name}
            </label>
            <input id="restore-passphrase" type="password" autoComplete="current-password" value={restorePassphrase} onChange={(e) => setRestorePassphrase(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Open the backup
            </button>
          </div>
        </form>
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
            <button type="button" className="button button-danger" onClick={() => void restore()}>
              Restore
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
