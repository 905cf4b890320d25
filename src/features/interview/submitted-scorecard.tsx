import { useState } from 'react';
import { Link } from 'wouter';
import type { Rubric } from '../../domain/rubric';
import type { Scorecard } from '../../domain/scorecard';
import { AMEND_REASON_MAX_LENGTH } from '../../domain/scorecard';
import { checkAmendReason } from '../../domain/scorecard-rules';
import { Notice } from '../../components/notice';
import { FieldError } from '../../components/field';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { ScorecardView } from './scorecard-view';

type Props = { scorecard: Scorecard; revisions: readonly Scorecard[]; rubric: Rubric; candidateId: string };

/** The locked scorecard with what can still be done to it: export, amend, read its history. */
export function SubmittedScorecard({ scorecard, revisions, rubric, candidateId }: Props) {
  const repos = useRepositories();
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);

  const exportFile = async () => {
    setMessage(null);
    try {
      const { json, fileName } = await repos.scorecards.buildExport(scorecard.id, __APP_VERSION__);
      const how = await saveFile(json, fileName);
      if (how !== 'cancelled') setMessage({ tone: 'success', text: `${how === 'shared' ? 'Shared' : 'Saved'} ${fileName}. Send it to the debrief lead.` });
    } catch (error) {
      setMessage({ tone: 'error', text: describeError(error, 'exporting') });
    }
  };

  const amend = async () => {
    const problem = checkAmendReason(reason);
    setReasonError(problem);
    if (problem) {
      document.getElementById('amend-reason')?.focus();
      return;
    }
    try {
      await repos.scorecards.amend(scorecard.id, reason);
    } catch (error) {
      setReasonError(describeError(error, 'saving'));
    }
  };

  return (
    <>
      <Notice tone="success" title={`Submitted — revision ${scorecard.revision}`}>
        <p>This scorecard is locked. Export it for the debrief lead, or amend it with a reason.</p>
      </Notice>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      <div className="page-actions action-row">
        <button type="button" className="button button-primary" onClick={() => void exportFile()}>
          Export scorecard
        </button>
        {!amending && (
          <button type="button" className="button button-secondary" onClick={() => setAmending(true)}>
            Amend
          </button>
        )}
        <Link className="button button-secondary" href={`/candidates/${candidateId}`}>
          See the panel
        </Link>
      </div>

      {amending && (
        <form
          className="form amend-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void amend();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor="amend-reason">
              Why are you amending it?
            </label>
            <p id="amend-reason-hint" className="field-hint">
              Revision {scorecard.revision} stays as it was submitted; the reason is kept with revision {scorecard.revision + 1}.
            </p>
            <textarea
              id="amend-reason"
              rows={3}
              value={reason}
              maxLength={AMEND_REASON_MAX_LENGTH}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? 'amend-reason-hint amend-reason-error' : 'amend-reason-hint'}
            />
            <FieldError id="amend-reason-error" message={reasonError} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              Start revision {scorecard.revision + 1}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setAmending(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}

      <ScorecardView scorecard={scorecard} rubric={rubric} />

      {revisions.length > 1 && (
        <section className="section" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <ol className="history">
            {revisions.map((r) => (
              <li key={r.revision}>
                <p>
                  <strong>Revision {r.revision}</strong> — {r.interviewerName}, submitted {r.submittedAt ? new Date(r.submittedAt).toLocaleString() : '—'}
                  {r.revision > 1 && r.amendReason ? <> — reason: “{r.amendReason}”</> : r.revision === 1 ? ' — first submission' : null}
                </p>
                {r.revision !== scorecard.revision && (
                  <button type="button" className="button button-secondary" aria-expanded={viewing === r.revision} onClick={() => setViewing(viewing === r.revision ? null : r.revision)}>
                    {viewing === r.revision ? `Hide revision ${r.revision}` : `View revision ${r.revision}`}
                  </button>
                )}
                {viewing === r.revision && <ScorecardView scorecard={r} rubric={rubric} headingLevel={3} />}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
