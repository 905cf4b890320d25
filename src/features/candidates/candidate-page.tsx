import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { useFlash } from '../../lib/navigation';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { useRepositories } from '../../lib/repositories-context';
import { describeStorageError, runSave } from '../../lib/form';
import { formatDateTime } from '../../lib/dates';
import { LANE_INFO } from '../../domain/role';
import type { Interview } from '../../domain/interview';
import { useCandidateDetail } from './use-candidates';
import { LoopForm } from './loop-form';

export function CandidatePage() {
  const { candidateId } = useParams<{ candidateId: string }>();
  const repos = useRepositories();
  const detail = useCandidateDetail(candidateId);
  const flash = useFlash();
  const [removed, setRemoved] = useState<Interview | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  if (detail === undefined) return <Loading />;
  if (detail === null) {
    return (
      <Page title="Candidate not found">
        <EmptyState title="This candidate is not on this device" action={<Link className="button button-primary" href="/candidates">Back to candidates</Link>}>
          <p>They may have been removed, or the link came from another device.</p>
        </EmptyState>
      </Page>
    );
  }
  const { candidate, role, loop } = detail;

  const remove = async (interview: Interview) => {
    setActionError(null);
    try {
      await repos.interviews.removeFromLoop(interview.id);
      setRemoved(interview);
    } catch (error) {
      setActionError(describeStorageError(error));
    }
  };
  const undoRemove = async () => {
    if (!removed) return;
    const result = await runSave(() => repos.interviews.addToLoop(candidate.id, { interviewerName: removed.interviewerName, plannedAt: removed.plannedAt }));
    if (result.ok) setRemoved(null);
    else setActionError('message' in result ? result.message : result.issues.map((i) => i.message).join(' '));
  };

  return (
    <Page
      title={candidate.name}
      eyebrow={role ? <>Candidate for {role.title}</> : 'Candidate'}
      actions={
        <Link className="button button-secondary" href={`/candidates/${candidate.id}/edit`}>
          Edit candidate
        </Link>
      }
    >
      {flash && <Notice tone="success">{flash}</Notice>}
      {actionError && <Notice tone="error">{actionError}</Notice>}
      {role && (
        <p className="card-meta">
          {LANE_INFO[role.lane].label} · “{role.mandate}”
        </p>
      )}
      {candidate.notes && (
        <section aria-labelledby="notes-heading" className="section">
          <h2 id="notes-heading">Screening notes</h2>
          <p className="prewrap">{candidate.notes}</p>
        </section>
      )}

      <section aria-labelledby="loop-heading" className="section">
        <h2 id="loop-heading">Interview loop</h2>
        <p className="field-hint">Each interviewer runs the same incident-review interview and scores it on their own.</p>
        {removed && (
          <div className="notice notice-info" role="status">
            <p>
              {removed.interviewerName} was removed from the loop.{' '}
              <button type="button" className="button button-link" onClick={() => void undoRemove()}>
                Undo
              </button>
            </p>
          </div>
        )}
        {loop.length === 0 ? (
          <p className="empty-inline">No interviews planned yet. Add each interviewer below, one interview per person.</p>
        ) : (
          <ol className="loop-list" aria-label="Interviews in the loop">
            {loop.map((interview) => (
              <li key={interview.id} className="loop-item">
                <div>
                  <span className="loop-name">{interview.interviewerName}</span>
                  <span className="loop-meta">{interview.plannedAt ? formatDateTime(interview.plannedAt) : 'Time not set'}</span>
                </div>
                <button type="button" className="button button-secondary" onClick={() => void remove(interview)} aria-label={`Remove ${interview.interviewerName} from the loop`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        )}
        <LoopForm
          loop={loop}
          onAdd={async (values) => {
            const result = await runSave(() => repos.interviews.addToLoop(candidate.id, values));
            if (result.ok) setRemoved(null);
            return result;
          }}
        />
      </section>
    </Page>
  );
}
