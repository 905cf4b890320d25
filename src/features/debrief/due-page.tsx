import { useState } from 'react';
import { Link } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { dueForText } from '../../domain/scorecards-due';
import { useRepositories } from '../../lib/repositories-context';
import { describeError } from '../../lib/errors';
import { saveFile } from '../../lib/save-file';
import { useScorecardsDue } from './use-due';
import { PagedList, usePaging } from '../../components/paged-list';

/** Every scorecard still owed across the loops on this device, per interviewer, with the loop file to send again. */
export function DuePage() {
  const repos = useRepositories();
  const due = useScorecardsDue();
  const [note, setNote] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const resend = async (candidateId: string) => {
    setNote(null);
    try {
      const { json, fileName } = await repos.imports.buildLoopFile(candidateId, __APP_VERSION__);
      const how = await saveFile(json, fileName);
      if (how !== 'cancelled') setNote({ tone: 'success', text: `Saved ${fileName}: send it to the interviewer, who opens it on their device to score.` });
    } catch (error) {
      setNote({ tone: 'error', text: describeError(error, 'exporting') });
    }
  };

  const total = due?.reduce((sum, g) => sum + g.interviews.length, 0) ?? 0;
  const overdue = due?.reduce((sum, g) => sum + g.interviews.filter((i) => i.overdue).length, 0) ?? 0;
  return (
    <Page title="Scorecards due" eyebrow={<Link href="/debrief">Debrief</Link>}>
      <p className="lede">Interviews whose planned time has passed with no submitted scorecard on this device, across every loop. Past 24 hours a scorecard is overdue: feedback is freshest, and the decision window shortest, when it comes the same day.</p>
      {note && <Notice tone={note.tone}>{note.text}</Notice>}
      {due === undefined ? (
        <Loading />
      ) : due.length === 0 ? (
        <EmptyState title="Nothing due">
          <p>Every interview whose time has passed has its scorecard here. Interviews with no planned time, and candidates already decided, are not listed.</p>
        </EmptyState>
      ) : (
        <>
          <p role="status">
            {total === 1 ? '1 scorecard' : `${total} scorecards`} due{overdue > 0 ? `, ${overdue} overdue` : ''}.
          </p>
          {due.map((group) => (
            <DueGroup key={group.interviewerName} group={group} resend={resend} />
          ))}
        </>
      )}
    </Page>
  );
}

type DueGroupData = NonNullable<ReturnType<typeof useScorecardsDue>>[number];

const DUE_NOUN = { one: 'scorecard due', other: 'scorecards due' };

/** One interviewer's scorecards due, a page at a time: someone far behind can owe hundreds. */
function DueGroup({ group, resend }: { group: DueGroupData; resend: (candidateId: string) => Promise<void> }) {
  const paging = usePaging();
  const headingId = `due-${group.interviewerName}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{group.interviewerName}</h2>
      <PagedList
        items={group.interviews}
        paging={paging}
        label={`Due from ${group.interviewerName}`}
        noun={DUE_NOUN}
        itemKey={(item) => item.interviewId}
        renderItem={(item) => (
          <div className="due-item">
            <p className="card-title">
              <Link href={`/candidates/${item.candidateId}`}>{item.candidateName}</Link>
              {item.roleTitle && <span className="card-meta"> · {item.roleTitle}</span>}
            </p>
            <p className="card-meta">
              Planned {item.plannedAt.replace('T', ' at ')} ·{' '}
              {item.overdue ? <strong className="overdue">overdue, due for {dueForText(item.sinceMs)}</strong> : <>due for {dueForText(item.sinceMs)}</>}
            </p>
            <button type="button" className="button button-secondary" onClick={() => void resend(item.candidateId)}>
              Loop file for {item.candidateName}
            </button>
          </div>
        )}
      />
    </section>
  );
}
