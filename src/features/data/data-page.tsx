import { Suspense, lazy, useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { Notice } from '../../components/notice';
import { useRepositories } from '../../lib/repositories-context';
import { formatBytes, readStorageStatus, type StorageStatus } from '../../lib/storage-estimate';
import { describeError } from '../../lib/errors';
import { RetentionSection } from './retention-section';
import { BackupSection } from './backup-section';
import { ChangesSection } from './changes-section';
import { RubricImportSection } from './rubric-import';

// Its sync code loads only with the Data screen, and only this section asks for it.
const TeamServerSection = lazy(() => import('./team-server-section').then((m) => ({ default: m.TeamServerSection })));

const LABELS = {
  roles: 'Roles',
  candidates: 'Candidates',
  interviews: 'Planned interviews',
  scorecards: 'Scorecards',
  debriefs: 'Debriefs',
  rubrics: 'Rubric versions',
} as const;

export function DataPage() {
  const repos = useRepositories();
  const counts = useLiveQuery(() => repos.storage.counts(), [repos]);
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [storageError, setStorageError] = useState<string | null>(null);
  const [lastBackupAt, setLastBackupAt] = useState<string | null | undefined>(undefined);
  const [backups, setBackups] = useState(0);

  useEffect(() => {
    let live = true;
    repos.backup.lastBackupAt().then(
      (at) => live && setLastBackupAt(at),
      (e: unknown) => live && setStorageError(describeError(e, 'loading')),
    );
    return () => {
      live = false;
    };
  }, [repos, backups]);

  useEffect(() => {
    let live = true;
    readStorageStatus().then(
      (s) => live && setStorage(s),
      (e: unknown) => live && setStorageError(describeError(e, 'loading')),
    );
    return () => {
      live = false;
    };
  }, [counts]);

  return (
    <Page title="Data on this device">
      <p className="lede">
        Everything you enter in Loopcard is stored in this browser on this device, and nothing is sent anywhere. Scorecards and packets leave the
        device only as files you export yourself.
      </p>
      <section aria-labelledby="records-heading" className="section">
        <h2 id="records-heading">What is stored</h2>
        {counts === undefined ? (
          <Loading />
        ) : (
          <dl className="stats">
            {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((key) => (
              <div key={key}>
                <dt>{LABELS[key]}</dt>
                <dd>{counts[key]}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section aria-labelledby="storage-heading" className="section">
        <h2 id="storage-heading">Storage</h2>
        {storageError && <Notice tone="error">The browser did not report its storage: {storageError}</Notice>}
        {storage === null && !storageError ? (
          <Loading />
        ) : storage ? (
          <dl className="stats">
            <div>
              <dt>Used</dt>
              <dd>{storage.usage === null ? 'Not reported' : formatBytes(storage.usage)}</dd>
            </div>
            <div>
              <dt>Available to this app</dt>
              <dd>{storage.quota === null ? 'Not reported' : formatBytes(storage.quota)}</dd>
            </div>
            <div>
              <dt>Protected from automatic clearing</dt>
              <dd>{storage.persisted === null ? 'Not reported' : storage.persisted ? 'Yes' : 'Not yet'}</dd>
            </div>
          </dl>
        ) : null}
        {storage?.persisted === false && (
          <Notice tone="warning" title="This browser may clear Loopcard’s data">
            Until storage is protected, a browser short of space (or Safari after 7 days without use) may delete what is stored here. Installing
            Loopcard to the home screen or dock protects it. Until then, keep a backup.
            <p>
              <a className="button button-secondary" href="#backup">
                Make a backup
              </a>
            </p>
          </Notice>
        )}
      </section>
      <Suspense fallback={<Loading />}>
        <TeamServerSection />
      </Suspense>
      <ChangesSection />
      <BackupSection lastBackupAt={lastBackupAt} onBackedUp={() => setBackups((n) => n + 1)} />
      <RubricImportSection />
      <RetentionSection />
    </Page>
  );
}
