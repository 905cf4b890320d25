import { useEffect, useState } from 'react';
import { Notice } from '../../components/notice';
import type { ConflictView } from '../../data/import-repository';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';

/**
 * Records that were changed both on this device and elsewhere (a file, a backup): both versions
 * are kept until the person chooses one. Nothing here is decided by a clock.
 */
export function ChangesSection() {
  const repos = useRepositories();
  const [conflicts, setConflicts] = useState<ConflictView[] | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  // Bumped after each choice, so the list is read again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    repos.imports.listConflicts().then(
      (rows) => current && setConflicts(rows),
      (error: unknown) => current && setMessage({ tone: 'error', text: describeError(error, 'loading') }),
    );
    return () => {
      current = false;
    };
  }, [repos, version]);

  const choose = async (conflict: ConflictView, keep: 'mine' | 'theirs') => {
    setMessage(null);
    try {
      await repos.imports.resolveConflict(conflict.id, keep);
      setMessage({ tone: 'success', text: `${conflict.label}: kept ${keep === 'mine' ? 'this device’s version' : 'the version from ' + conflict.source}.` });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error, 'saving') });
    }
    setVersion((v) => v + 1);
  };

  if (conflicts === null || (conflicts.length === 0 && message === null)) return null;
  return (
    <section aria-labelledby="changes-heading" className="section">
      <h2 id="changes-heading">Changes to review</h2>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {conflicts.length > 0 && <p className="lede">These records were changed both on this device and elsewhere. Both versions are kept until you choose one.</p>}
      <ul className="card-list" aria-label="Changes to review">
        {conflicts.map((conflict) => (
          <li key={conflict.id} className="card">
            <h3 className="card-title">{conflict.label}</h3>
            <p className="card-meta">From {conflict.source}, received {new Date(conflict.receivedAt).toLocaleString()}</p>
            <table className="results" aria-label={`Differences: ${conflict.label}`}>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">This device</th>
                  <th scope="col">{conflict.source}</th>
                </tr>
              </thead>
              <tbody>
                {conflict.differences.map((d) => (
                  <tr key={d.field}>
                    <th scope="row">{d.field}</th>
                    <td>{d.mine}</td>
                    <td>{d.theirs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="card-actions">
              <button type="button" className="button button-secondary" onClick={() => void choose(conflict, 'mine')}>
                Keep this device’s version
              </button>
              <button type="button" className="button button-secondary" onClick={() => void choose(conflict, 'theirs')}>
                Use the other version
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
