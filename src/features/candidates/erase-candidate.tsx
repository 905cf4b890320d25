import { useState } from 'react';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { clearJournal } from '../../lib/draft-journal';
import { useNavigate } from '../../lib/navigation';
import { Notice } from '../../components/notice';

type Summary = { name: string; counts: { interviews: number; scorecards: number; revisions: number; debriefs: number } };

/** Deletes a candidate and everything about them, after saying exactly what will go. */
export function EraseCandidate({ candidateId }: { candidateId: string }) {
  const repos = useRepositories();
  const navigate = useNavigate();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ask = async () => {
    setError(null);
    try {
      setSummary(await repos.erasure.describeErasure(candidateId));
    } catch (e) {
      setError(describeError(e, 'loading'));
    }
  };
  const erase = async () => {
    try {
      const result = await repos.erasure.eraseCandidate(candidateId);
      for (const id of result.scorecardIds) clearJournal(id);
      // On the lead's device, the loop goes from the team server too; without one, nothing is asked.
      const server = await (await repos.team.service()).eraseLoops([candidateId]);
      navigate('/candidates', [`${result.name} and everything about them were deleted from this device.`, ...server].join(' '));
    } catch (e) {
      setError(describeError(e, 'deleting'));
    }
  };

  return (
    <section className="section danger-zone" aria-labelledby="erase-heading">
      <h2 id="erase-heading">Delete this candidate</h2>
      {error && <Notice tone="error">{error}</Notice>}
      {!summary ? (
        <button type="button" className="button button-secondary" onClick={() => void ask()}>
          Delete candidate…
        </button>
      ) : (
        <div className="confirm" role="group" aria-label="Confirm deletion">
          <p>
            Delete <strong>{summary.name}</strong> and everything about them from this device: {summary.counts.interviews} interview{summary.counts.interviews === 1 ? '' : 's'},{' '}
            {summary.counts.scorecards} scorecard{summary.counts.scorecards === 1 ? '' : 's'} ({summary.counts.revisions} submitted revision{summary.counts.revisions === 1 ? '' : 's'}) and{' '}
            {summary.counts.debriefs === 0 ? 'no debrief' : 'the debrief'}. This cannot be undone. Files already exported (scorecards, packets, backups) are not affected.
          </p>
          <div className="action-row">
            <button type="button" className="button button-danger" onClick={() => void erase()}>
              Delete everything about {summary.name}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setSummary(null)}>
              Keep
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
