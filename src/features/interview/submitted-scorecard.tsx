import { useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Rubric } from '../../domain/rubric';
import type { Scorecard } from '../../domain/scorecard';
import { AMEND_REASON_MAX_LENGTH } from '../../domain/scorecard';
import { AmendInputSchema, type AmendInput } from '../../domain/scorecard-rules';
import { Notice } from '../../components/notice';
import { Field } from '../../components/field';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { useZodForm } from '../../lib/form';
import { saveFile } from '../../lib/save-file';
import { ScorecardView } from './scorecard-view';

type Props = { scorecard: Scorecard; revisions: readonly Scorecard[]; rubric: Rubric; candidateId: string };

/** The locked scorecard with what can still be done to it: export, amend, read its history. */
export function SubmittedScorecard({ scorecard, revisions, rubric, candidateId }: Props) {
  const repos = useRepositories();
  const [amending, setAmending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const confirmationRef = useRef<HTMLDivElement>(null);
  // After a submit the page would stay at the bottom with focus on <body>: bring the confirmation
  // into view and give it focus, so a screen reader and a sighted interviewer both find it.
  useLayoutEffect(() => {
    const confirmation = confirmationRef.current;
    if (!confirmation) return;
    confirmation.scrollIntoView({ block: 'center' });
    confirmation.focus({ preventScroll: true });
  }, [scorecard.id, scorecard.revision]);

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

  return (
    <>
      <div ref={confirmationRef} tabIndex={-1} className="confirmation">
        <Notice tone="success" title={`Submitted — revision ${scorecard.revision}`}>
          <p>This scorecard is locked. Export it for the debrief lead, or amend it with a reason.</p>
        </Notice>
      </div>
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

      {amending && <AmendForm scorecardId={scorecard.id} revision={scorecard.revision} onCancel={() => setAmending(false)} />}

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

/** Why the scorecard is reopened; on success revision n+1 opens as a draft and this screen gives way to it. */
function AmendForm({ scorecardId, revision, onCancel }: { scorecardId: string; revision: number; onCancel: () => void }) {
  const repos = useRepositories();
  const { formRef, register, handleSubmit, setError, formState } = useZodForm(AmendInputSchema, { reason: '' });
  const { errors, isSubmitting } = formState;

  const amend = handleSubmit(async ({ reason }: AmendInput) => {
    try {
      await repos.scorecards.amend(scorecardId, reason);
    } catch (error) {
      // Kept under the field, with the reason still typed in it, so it can be tried again.
      setError('reason', { type: 'server', message: describeError(error, 'saving') });
    }
  });

  return (
    <form ref={formRef} className="form amend-form" noValidate aria-label="Amend the scorecard" onSubmit={(e) => void amend(e)}>
      <Field id="amend-reason" label="Why are you amending it?" hint={`Revision ${revision} stays as it was submitted; the reason is kept with revision ${revision + 1}.`} error={errors.reason?.message}>
        {(a11y) => <textarea rows={3} maxLength={AMEND_REASON_MAX_LENGTH} {...a11y} {...register('reason')} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          Start revision {revision + 1}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
