import { useEffect, useState, type ReactNode } from 'react';
import { loopNameLookup } from '../../lib/name-lookup';
import { Link, useParams } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { NameForm } from '../../components/name-form';
import { sameInterviewer } from '../../domain/interview';
import { LOOP_STATUS_LABELS, panelFor } from '../../domain/scorecard-rules';
import type { Scorecard } from '../../domain/scorecard';
import { useRepositories } from '../../lib/repositories-context';
import { useInterviewerName, useSaveInterviewerName } from '../../lib/identity';
import { describeError } from '../../lib/errors';
import { ScoringForm } from './scoring-form';
import { SubmittedScorecard } from './submitted-scorecard';
import { ScorecardView } from './scorecard-view';
import { RoleBrief } from './role-brief';
import { useInterviewContext } from './use-interview';

export function InterviewPage() {
  const { interviewId } = useParams<{ interviewId: string }>();
  const repos = useRepositories();
  const me = useInterviewerName();
  const saveName = useSaveInterviewerName();
  const ctx = useInterviewContext(interviewId);
  const [openError, setOpenError] = useState<string | null>(null);
  const mine = ctx && me ? sameInterviewer(ctx.interview.interviewerName, me) : false;
  const needsDraft = Boolean(ctx && mine && !ctx.own);

  // Opening your own interview the first time creates its draft scorecard.
  useEffect(() => {
    if (!needsDraft || !interviewId) return;
    repos.scorecards.openForInterview(interviewId).catch((error: unknown) => setOpenError(describeError(error, 'loading')));
  }, [needsDraft, interviewId, repos]);

  if (ctx === undefined || me === undefined) return <Loading />;
  if (ctx === null) {
    return (
      <Page title="Interview not found">
        <EmptyState title="This interview is not on this device" action={<Link className="button button-primary" href="/candidates">Go to candidates</Link>}>
          <p>It may have been removed from the loop, or the link came from another device.</p>
        </EmptyState>
      </Page>
    );
  }
  const { interview, candidate, role, rubric } = ctx;
  const eyebrow = (
    <>
      <Link href={`/candidates/${candidate.id}`}>{candidate.name}</Link> · {role.title}
    </>
  );

  if (me === null) {
    return (
      <Page title="Who is scoring?" eyebrow={eyebrow}>
        <p className="lede">Loopcard keeps each interviewer’s scorecard apart. Tell it who you are on this device; you can change it later.</p>
        <NameForm label="Your name, as on the loop" hint={`This interview is ${interview.interviewerName}’s.`} submitLabel="Continue" onSave={saveName} lookup={loopNameLookup([interview.interviewerName])} />
      </Page>
    );
  }

  if (!mine) return <OtherInterview ctx={ctx} me={me} eyebrow={eyebrow} />;

  const own = ctx.own;
  if (openError) return <Notice tone="error" title="The scorecard could not be opened">{openError}</Notice>;
  if (!own) return <Loading label="Opening your scorecard…" />;

  if (own.status === 'submitted') {
    return (
      <Page title={`Your scorecard for ${candidate.name}`} eyebrow={eyebrow}>
        <SubmittedScorecard scorecard={own} revisions={ctx.ownRevisions} rubric={rubric} candidateId={candidate.id} />
      </Page>
    );
  }
  return (
    <Page title={`Scoring ${candidate.name}`} eyebrow={<>{eyebrow} · scoring as {interview.interviewerName}{own.revision > 1 ? ` · amending revision ${own.revision - 1}` : ''}</>}>
      <RoleBrief role={role} />
      <ScoringForm
        key={`${own.id}-${own.revision}`}
        stored={own}
        latest={own}
        rubric={rubric}
        role={role}
        candidate={candidate}
        interview={interview}
        revisions={ctx.ownRevisions}
      />
    </Page>
  );
}

type Ctx = NonNullable<ReturnType<typeof useInterviewContext>>;

/** Someone else's interview: visible only under the independence rule. */
function OtherInterview({ ctx, me, eyebrow }: { ctx: Ctx; me: string; eyebrow: ReactNode }) {
  const panel = panelFor(ctx.loop, ctx.scorecards.current, ctx.scorecards.revisions, me);
  const entry = panel.entries.find((e) => e.interview.id === ctx.interview.id);
  const visible: Scorecard | null = entry?.visible ?? null;
  return (
    <Page title={`${ctx.interview.interviewerName}’s scorecard`} eyebrow={eyebrow}>
      {visible ? (
        <ScorecardView scorecard={visible} rubric={ctx.rubric} />
      ) : (
        <EmptyState title="Not visible yet" action={<Link className="button button-primary" href={`/candidates/${ctx.candidate.id}`}>Back to the loop</Link>}>
          <p>
            Status: {entry ? LOOP_STATUS_LABELS[entry.status] : 'Unknown'}.{' '}
            {panel.viewerHasSubmitted
              ? 'It shows here once it is submitted.'
              : `Each interviewer scores on their own: other scorecards stay hidden from you (${me}) until you have submitted yours.`}
          </p>
        </EmptyState>
      )}
    </Page>
  );
}
