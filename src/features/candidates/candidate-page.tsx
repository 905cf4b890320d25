import { Suspense, lazy, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { loopNameLookup } from '../../lib/name-lookup';
import { Link, useParams } from 'wouter';
import { useFlash } from '../../lib/navigation';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { useRepositories } from '../../lib/repositories-context';
import { runSave } from '../../lib/form';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/dates';
import { saveFile } from '../../lib/save-file';
import { LANE_INFO, loopPlanOf } from '../../domain/role';
import { describePlan, rubricShortLabel } from '../../domain/loop-plan-editing';
import type { Interview } from '../../domain/interview';
import { useCandidateDetail } from './use-candidates';
import { LoopForm } from './loop-form';
import { EraseCandidate } from './erase-candidate';
import { CandidateStage } from './candidate-stage';
import { CandidateScreen } from './candidate-screen';
import { NameForm } from '../../components/name-form';
import { useInterviewerName, useSaveInterviewerName } from '../../lib/identity';
import { sameInterviewer } from '../../domain/interview';
import { LOOP_STATUS_LABELS, panelFor } from '../../domain/scorecard-rules';

// Only on a device that uses a team server; its sync code loads with it.
const LoopSync = lazy(() => import('./loop-sync').then((m) => ({ default: m.LoopSync })));

/** "2 scorecards submitted": interviewers whose scorecard is on this device, each counted once however often amended. */
function submittedCount(revisions: readonly { id: string }[]): string {
  const n = new Set(revisions.map((r) => r.id)).size;
  return `${n} scorecard${n === 1 ? '' : 's'} submitted`;
}

export function CandidatePage() {
  const { candidateId } = useParams<{ candidateId: string }>();
  const repos = useRepositories();
  const detail = useCandidateDetail(candidateId);
  const flash = useFlash();
  const [removed, setRemoved] = useState<Interview | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const me = useInterviewerName();
  const saveName = useSaveInterviewerName();
  const [changingName, setChangingName] = useState(false);
  const [shareNote, setShareNote] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);
  const teamServer = useLiveQuery(() => repos.settings.teamServerConfigured(), [repos]);

  if (detail === undefined || me === undefined) return <Loading />;
  if (detail === null) {
    return (
      <Page title="Candidate not found">
        <EmptyState title="This candidate is not on this device" action={<Link className="button button-primary" href="/candidates">Back to candidates</Link>}>
          <p>They may have been removed, or the link came from another device.</p>
        </EmptyState>
      </Page>
    );
  }
  const { candidate, role, loop, scorecards, receivedLoop, rubrics } = detail;
  const plan = role ? loopPlanOf(role) : [];
  // On an interviewer's device (the loop came as a file) the hiring manager's controls wait behind
  // "Manage loop", and "I am…" is chosen from the loop's names rather than typed.
  const showManager = !receivedLoop || managing;
  const choosingName = receivedLoop && loop.length > 0;
  // The independence rule decides what this page may show of each interviewer's scorecard.
  const panel = panelFor(loop, scorecards.current, scorecards.revisions, me ?? '');
  const statusOf = (id: string) => panel.entries.find((e) => e.interview.id === id);

  const shareLoop = async () => {
    setShareNote(null);
    try {
      const { json, fileName } = await repos.imports.buildLoopFile(candidate.id, __APP_VERSION__);
      const how = await saveFile(json, fileName);
      if (how !== 'cancelled') setShareNote(`Saved ${fileName}.`);
    } catch (error) {
      setShareNote(describeError(error, 'exporting'));
    }
  };

  const remove = async (interview: Interview) => {
    setActionError(null);
    try {
      await repos.interviews.removeFromLoop(interview.id);
      setRemoved(interview);
    } catch (error) {
      setActionError(describeError(error, 'deleting'));
    }
  };
  const undoRemove = async () => {
    if (!removed) return;
    const result = await runSave(() => repos.interviews.addToLoop(candidate.id, { interviewerName: removed.interviewerName, plannedAt: removed.plannedAt, rubric: removed.rubric }));
    if (result.ok) setRemoved(null);
    else setActionError('message' in result ? result.message : result.issues.map((i) => i.message).join(' '));
  };

  return (
    <Page
      title={candidate.name}
      eyebrow={role ? <>Candidate for {role.title}</> : 'Candidate'}
      actions={
        showManager ? (
          <Link className="button button-secondary" href={`/candidates/${candidate.id}/edit`}>
            Edit candidate
          </Link>
        ) : undefined
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

      <CandidateStage candidateId={candidate.id} />
      {showManager && <CandidateScreen candidateId={candidate.id} />}

      <section aria-labelledby="identity-heading" className="section identity">
        <h2 id="identity-heading">You, on this device</h2>
        {me && !changingName ? (
          <p>
            Scoring as <strong>{me}</strong>.{' '}
            <button type="button" className="button button-link" onClick={() => setChangingName(true)}>
              Change name
            </button>
          </p>
        ) : choosingName ? (
          <fieldset className="choose-name">
            <legend className="field-label">I am…</legend>
            <p className="field-hint">Loopcard opens only your own interview for scoring, and keeps the others’ scores hidden until you submit yours.</p>
            <div className="choice-list">
              {loop.map((interview) => (
                <button
                  key={interview.id}
                  type="button"
                  className="button button-secondary"
                  aria-pressed={me !== null && sameInterviewer(interview.interviewerName, me)}
                  onClick={() => {
                    void saveName(interview.interviewerName).then((problem) => {
                      if (problem) setActionError(problem);
                      else setChangingName(false);
                    });
                  }}
                >
                  {interview.interviewerName}
                </button>
              ))}
            </div>
            {me && (
              <button type="button" className="button button-link" onClick={() => setChangingName(false)}>
                Cancel
              </button>
            )}
          </fieldset>
        ) : (
          <NameForm
            label="Your name, as on the loop"
            hint="Loopcard opens only your own interview for scoring, and keeps the others’ scores hidden until you submit yours."
            initial={me ?? ''}
            submitLabel="Save name"
            lookup={loopNameLookup(loop.map((i) => i.interviewerName))}
            onSave={async (name) => {
              const problem = await saveName(name);
              if (!problem) setChangingName(false);
              return problem;
            }}
            {...(me ? { onCancel: () => setChangingName(false) } : {})}
          />
        )}
        {me && !panel.viewerHasSubmitted && loop.some((i) => sameInterviewer(i.interviewerName, me ?? '')) && (
          <p className="field-hint">Other interviewers’ scorecards stay hidden until you submit yours.</p>
        )}
      </section>

      <section aria-labelledby="loop-heading" className="section">
        <h2 id="loop-heading">Interview loop</h2>
        <p className="field-hint">{plan.length > 0 ? describePlan(plan, rubrics) : 'Each interviewer runs one interview and scores it on their own.'}</p>
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
            {loop.map((interview) => {
              const entry = statusOf(interview.id);
              const status = entry?.status ?? 'not-started';
              const isMine = me !== null && sameInterviewer(interview.interviewerName, me);
              return (
                <li key={interview.id} className="loop-item">
                  <div>
                    <span className="loop-name">
                      {interview.interviewerName}
                      {isMine && <span className="you"> (you)</span>}
                    </span>
                    <span className="loop-meta">{rubricShortLabel(rubrics, interview.rubric)}</span>
                    <span className="loop-meta">
                      <span className={`status-badge status-${status}`}>{LOOP_STATUS_LABELS[status]}</span>{' '}
                      {interview.plannedAt ? formatDateTime(interview.plannedAt) : 'Time not set'}
                    </span>
                  </div>
                  <div className="loop-actions">
                    {isMine && (
                      <Link className="button button-primary" href={`/interviews/${interview.id}`}>
                        {status === 'not-started' ? 'Start my interview' : status === 'submitted' ? 'My scorecard' : 'Continue scoring'}
                      </Link>
                    )}
                    {!isMine && entry?.visible && (
                      <Link className="button button-secondary" href={`/interviews/${interview.id}`} aria-label={`View ${interview.interviewerName}’s scorecard`}>
                        View scorecard
                      </Link>
                    )}
                    {status === 'not-started' && showManager && (
                      <button type="button" className="button button-secondary" onClick={() => void remove(interview)} aria-label={`Remove ${interview.interviewerName} from the loop`}>
                        Remove
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {scorecards.revisions.length > 0 && (panel.viewerHasSubmitted || !loop.some((i) => sameInterviewer(i.interviewerName, me ?? ''))) && (
          <p className="debrief-link">
            <Link className="button button-primary" href={`/candidates/${candidate.id}/debrief`}>
              Open the debrief
            </Link>{' '}
            <span className="field-hint">{submittedCount(scorecards.revisions)} on this device.</span>
          </p>
        )}
        {receivedLoop && (
          <button type="button" className="button button-link manage-toggle" aria-expanded={managing} onClick={() => setManaging(!managing)}>
            {managing ? 'Hide the loop’s management' : 'Manage loop'}
          </button>
        )}
        {showManager && loop.length > 0 && (
          <div className="share-loop">
            <button type="button" className="button button-secondary" onClick={() => void shareLoop()}>
              Share loop file
            </button>
            <p className="field-hint">Interviewers on other devices import this file (Candidates → Import a loop file), so every scorecard comes back to the same candidate.</p>
            {shareNote && <p role="status">{shareNote}</p>}
          </div>
        )}
        {showManager && (
        <LoopForm
          loop={loop}
          plan={plan}
          rubrics={rubrics}
          onAdd={async (values) => {
            const result = await runSave(() => repos.interviews.addToLoop(candidate.id, values));
            if (result.ok) setRemoved(null);
            return result;
          }}
        />
        )}
      </section>
      {teamServer && showManager && loop.length > 0 && (
        <Suspense fallback={null}>
          <LoopSync candidateId={candidate.id} loop={loop} />
        </Suspense>
      )}
      {showManager && <EraseCandidate candidateId={candidate.id} />}
    </Page>
  );
}
