import { useEffect, useState } from 'react';
import { Notice } from '../../components/notice';
import { Loading } from '../../components/loading';
import { Field } from '../../components/field';
import { DECISION_LABELS } from '../../domain/debrief';
import { DEFAULT_RETENTION, RETENTION_MAX_DAYS, RETENTION_MIN_DAYS, RetentionSettingSchema, type RetentionCandidate, type RetentionSetting } from '../../domain/retention';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { clearJournal } from '../../lib/draft-journal';
import { useZodForm } from '../../lib/form';

/** Who would go, for the period that was previewed (not whatever is typed in the field since). */
type Preview = { days: number; candidates: RetentionCandidate[] };

/** How long decided candidates are kept, with a preview of who would go before anything does. */
export function RetentionSection() {
  const repos = useRepositories();
  const { formRef, register, handleSubmit, reset, formState } = useZodForm(RetentionSettingSchema, DEFAULT_RETENTION);
  const { errors } = formState;
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    repos.erasure.getRetention().then(
      (setting) => {
        if (!live) return;
        reset(setting);
        setLoaded(true);
      },
      (e: unknown) => live && setError(describeError(e, 'loading')),
    );
    return () => {
      live = false;
    };
  }, [repos, reset]);

  const save = handleSubmit(async (setting: RetentionSetting) => {
    setError(null);
    setMessage(null);
    setPreview(null);
    try {
      const saved = await repos.erasure.setRetention(setting);
      // What was saved is the new baseline: nothing is left unsaved.
      reset(saved);
      setMessage(saved.enabled ? `Decided candidates are kept for ${saved.days} days. Preview who is past that, then remove them.` : 'Retention is off: nothing is removed by age.');
    } catch (e) {
      setError(describeError(e, 'saving'));
    }
  });

  const showPreview = handleSubmit(async ({ days }: RetentionSetting) => {
    setError(null);
    setMessage(null);
    try {
      setPreview({ days, candidates: (await repos.erasure.previewRetention(undefined, days)).candidates });
    } catch (e) {
      setError(describeError(e, 'loading'));
    }
  });

  const apply = async () => {
    if (!preview) return;
    try {
      const result = await repos.erasure.applyRetention(
        preview.candidates.map((c) => c.candidateId),
        undefined,
        preview.days,
      );
      for (const removed of result.removed) for (const id of removed.scorecardIds) clearJournal(id);
      const server = await (await repos.team.service()).eraseLoops(result.removed.map((r) => r.candidateId));
      setPreview(null);
      setMessage(
        `Removed ${result.removed.length} candidate${result.removed.length === 1 ? '' : 's'}.${result.skipped.length ? ` Kept ${result.skipped.length}: ${result.skipped.map((s) => `${s.name ?? 'unknown'} (${s.reason})`).join(' ')}` : ''}${server.length ? ` ${server.join(' ')}` : ''}`,
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
          <form ref={formRef} noValidate aria-label="Retention" onSubmit={(e) => void save(e)}>
            <div className="form-row retention-form">
              <label className="choice">
                <input type="checkbox" {...register('enabled')} />
                <span>Remove decided candidates by age</span>
              </label>
              <Field id="retention-days" label="Keep for (days after the decision)" error={errors.days?.message}>
                {(a11y) => <input type="number" inputMode="numeric" min={RETENTION_MIN_DAYS} max={RETENTION_MAX_DAYS} {...a11y} {...register('days', { valueAsNumber: true })} />}
              </Field>
            </div>
            <div className="action-row">
              <button type="submit" className="button button-secondary">
                Save retention
              </button>
              <button type="button" className="button button-secondary" onClick={(e) => void showPreview(e)}>
                Preview who is past it
              </button>
            </div>
          </form>
          {preview && (
            <div className="retention-preview" role="region" aria-label="Retention preview">
              {preview.candidates.length === 0 ? (
                <p>No decided candidate is older than {preview.days} days. Nothing would be removed.</p>
              ) : (
                <>
                  <p>
                    {preview.candidates.length} candidate{preview.candidates.length === 1 ? ' is' : 's are'} past {preview.days} days. Nothing has been removed yet.
                  </p>
                  <ul>
                    {preview.candidates.map((c) => (
                      <li key={c.candidateId}>
                        {c.name} — {DECISION_LABELS[c.decision]}, decided {c.ageDays} days ago
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="button button-danger" onClick={() => void apply()}>
                    Remove these {preview.candidates.length} candidate{preview.candidates.length === 1 ? '' : 's'} and everything about them
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
