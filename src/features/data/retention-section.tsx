import { useEffect, useState } from 'react';
import { Notice } from '../../components/notice';
import { Loading } from '../../components/loading';
import { DECISION_LABELS } from '../../domain/debrief';
import { RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, type RetentionCandidate } from '../../domain/retention';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { clearJournal } from '../../lib/draft-journal';

/** How long decided candidates are kept, with a preview of who would go before anything does. */
export function RetentionSection() {
  const repos = useRepositories();
  const [enabled, setEnabled] = useState(false);
  const [days, setDays] = useState('365');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<RetentionCandidate[] | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    repos.erasure.getRetention().then(
      (setting) => {
        if (!live) return;
        setEnabled(setting.enabled);
        setDays(String(setting.days));
        setLoaded(true);
      },
      (e: unknown) => live && setError(describeError(e, 'loading')),
    );
    return () => {
      live = false;
    };
  }, [repos]);

  const save = async () => {
    setError(null);
    setMessage(null);
    setPreview(null);
    try {
      const saved = await repos.erasure.setRetention({ enabled, days: Number(days) });
      setMessage(saved.enabled ? `Decided candidates are kept for ${saved.days} days. Preview who is past that, then remove them.` : 'Retention is off: nothing is removed by age.');
    } catch (e) {
      setError(describeError(e, 'saving'));
    }
  };

  const showPreview = async () => {
    setError(null);
    setMessage(null);
    try {
      setPreview((await repos.erasure.previewRetention(undefined, Number(days))).candidates);
    } catch (e) {
      setError(describeError(e, 'loading'));
    }
  };

  const apply = async () => {
    if (!preview) return;
    try {
      const result = await repos.erasure.applyRetention(
        preview.map((c) => c.candidateId),
        undefined,
        Number(days),
      );
      for (const removed of result.removed) for (const id of removed.scorecardIds) clearJournal(id);
      setPreview(null);
      setMessage(
        `Removed ${result.removed.length} candidate${result.removed.length === 1 ? '' : 's'}.${result.skipped.length ? ` Kept ${result.skipped.length}: ${result.skipped.map((s) => `${s.name ?? 'unknown'} (${s.reason})`).join(' ')}` : ''}`,
      );
    } catch (e) {
      setError(describeError(e, 'deleting'));
    }
  };

  return (
    <section aria-labelledby="retention-heading" className="section">
      <h2 id="retention-heading">Retention</h2>
      <p className="field-hint">Candidates’ data should not be kept longer than needed. Decided candidates older than the period can be removed, with everything about them.</p>
      {error && <Notice tone="error">{error}</Notice>}
      {message && <Notice tone="info">{message}</Notice>}
      {!loaded ? (
        <Loading />
      ) : (
        <>
          <div className="form-row retention-form">
            <label className="choice">
              <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
              <span>Remove decided candidates by age</span>
            </label>
            <div className="field">
              <label className="field-label" htmlFor="retention-days">
                Keep for (days after the decision)
              </label>
              <input id="retention-days" type="number" inputMode="numeric" min={RETENTION_MIN_DAYS} max={RETENTION_MAX_DAYS} value={days} onChange={(e) => setDays(e.target.value)} />
            </div>
          </div>
          <div className="action-row">
            <button type="button" className="button button-secondary" onClick={() => void save()}>
              Save retention
            </button>
            <button type="button" className="button button-secondary" onClick={() => void showPreview()}>
              Preview who is past it
            </button>
          </div>
          {preview && (
            <div className="retention-preview" role="region" aria-label="Retention preview">
              {preview.length === 0 ? (
                <p>No decided candidate is older than {days} days. Nothing would be removed.</p>
              ) : (
            <>
                  <p>
                    {preview.length} candidate{preview.length === 1 ? ' is' : 's are'} past {days} days. Nothing has been removed yet.
                  </p>
                  <ul>
                    {preview.map((c) => (
                      <li key={c.candidateId}>
                        {c.name} — {DECISION_LABELS[c.decision]}, decided {c.ageDays} days ago
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="button button-danger" onClick={() => void apply()}>
                    Remove these {preview.length} candidate{preview.length === 1 ? '' : 's'} and everything about them
                  </button>
            </>
          )}
        </div>
      )}
        </>
      )}
    </section>
  );
}
