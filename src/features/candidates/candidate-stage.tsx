import { useState } from 'react';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { formatDate } from '../../lib/dates';
import { Notice } from '../../components/notice';
import { DECISION_LABELS, type Offer, type OfferOutcome } from '../../domain/debrief';
import { stageText } from '../../domain/pipeline';
import { useCandidatePipeline } from './use-candidates';

const OUTCOME_LABELS: Record<OfferOutcome, string> = { accepted: 'Offer accepted', declined: 'Offer declined' };

/**
 * The candidate's stage, and once the decision is Hire, the candidate's answer to the offer as two
 * explicit actions. Each change can be undone at once; a refusal (a role already closed) is shown
 * with its reason.
 */
export function CandidateStage({ candidateId }: { candidateId: string }) {
  const repos = useRepositories();
  const { value: pipeline, loadError } = useCandidatePipeline(candidateId);
  const [done, setDone] = useState<{ message: string; previous: Offer | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (loadError) return <Notice tone="error">{describeError(loadError, 'loading')}</Notice>;
  if (!pipeline) return null;
  const { stage, decision, offer, search, closedBy } = pipeline;

  const change = async (action: () => Promise<unknown>, message: string, previous: Offer | null) => {
    setError(null);
    setBusy(true);
    try {
      await action();
      setDone({ message, previous });
    } catch (e) {
      setDone(null);
      setError(describeError(e, 'saving'));
    } finally {
      setBusy(false);
    }
  };
  const record = (outcome: OfferOutcome) => {
    if (offer?.outcome === outcome) return;
    const closes = outcome === 'accepted' ? ' The role’s search is closed.' : '';
    void change(() => repos.debriefs.recordOffer(candidateId, outcome), `${OUTCOME_LABELS[outcome]}: recorded.${closes}`, offer);
  };
  const clear = () => {
    const reopens = offer?.outcome === 'accepted' ? ' The role’s search is open again.' : '';
    void change(() => repos.debriefs.clearOffer(candidateId), `The offer was cleared.${reopens}`, offer);
  };
  const undo = async () => {
    if (!done) return;
    const { previous } = done;
    setError(null);
    try {
      if (previous) await repos.debriefs.recordOffer(candidateId, previous.outcome);
      else await repos.debriefs.clearOffer(candidateId);
      setDone(null);
    } catch (e) {
      setError(describeError(e, 'saving'));
    }
  };

  return (
    <section aria-labelledby="stage-heading" className="section candidate-stage">
      <h2 id="stage-heading">Stage</h2>
      <p className="stage">
        <span className={`stage-badge stage-${stage.stage}`}>{stageText(stage)}</span>
        {offer && <span className="field-hint"> on {formatDate(offer.recordedAt)}</span>}
      </p>
      {search?.state === 'closed' && (
        <p className="field-hint">
          Role search: {search.text}.{closedBy && closedBy.candidateId !== candidateId ? ` ${closedBy.name} accepted the offer that closed it.` : ''}
        </p>
      )}
      {error && <Notice tone="error" title="The offer was not recorded">{error}</Notice>}
      {done && (
        <div className="notice notice-success" role="status">
          <p>
            {done.message}{' '}
            <button type="button" className="button button-link" onClick={() => void undo()}>
              Undo
            </button>
          </p>
        </div>
      )}
      {decision === 'hire' ? (
        <div className="offer" role="group" aria-labelledby="offer-label">
          <p id="offer-label" className="field-label">
            The candidate’s answer to the offer
          </p>
          <div className="action-row">
            {(['accepted', 'declined'] as const).map((outcome) => (
              <button
                key={outcome}
                type="button"
                className={offer?.outcome === outcome ? 'button button-primary' : 'button button-secondary'}
                aria-pressed={offer?.outcome === outcome}
                disabled={busy}
                onClick={() => record(outcome)}
              >
                {OUTCOME_LABELS[outcome]}
              </button>
            ))}
            {offer && (
              <button type="button" className="button button-link" disabled={busy} onClick={clear}>
                Clear the offer
              </button>
            )}
          </div>
          <p className="field-hint">An accepted offer closes the role’s search; a role closes once.</p>
        </div>
      ) : decision ? (
        <p className="field-hint">An offer follows a Hire decision; this candidate’s decision is {DECISION_LABELS[decision]}.</p>
      ) : null}
    </section>
  );
}
