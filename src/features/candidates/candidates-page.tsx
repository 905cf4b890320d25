import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useFlash } from '../../lib/navigation';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { PagedList, usePaging } from '../../components/paged-list';
import { Notice } from '../../components/notice';
import { useCandidateStages, useCandidatesOverview } from './use-candidates';
import { stageText, type CandidateStage } from '../../domain/pipeline';
import { filterCandidates, searchableCandidates } from '../../domain/candidate-list';
import { LoopImport } from './loop-import';

export function CandidatesPage() {
  const data = useCandidatesOverview();
  const [params, setParams] = useSearchParams();
  const roleFilter = params.get('role') ?? '';
  const [text, setText] = useState('');
  const flash = useFlash();
  // Search keys are worked out once per change to the candidates, not on every keystroke.
  const searchable = useMemo(() => searchableCandidates(data?.candidates ?? []), [data?.candidates]);
  const shown = useMemo(() => filterCandidates(searchable, { roleId: roleFilter, text }), [searchable, roleFilter, text]);
  const roleTitle = useMemo(() => new Map((data?.roles ?? []).map((r) => [r.id, r.title])), [data?.roles]);
  const paging = usePaging(`${roleFilter}\u0000${text}`);
  // Stages are worked out for the cards on screen only.
  const onScreen = useMemo(() => shown.slice(0, paging.limit).map((c) => c.id), [shown, paging.limit]);
  const stages = useCandidateStages(onScreen).value;

  if (data === undefined) return <Loading />;
  const { roles, candidates } = data;
  const addHref = roleFilter ? `/candidates/new?role=${roleFilter}` : '/candidates/new';

  return (
    <Page
      title="Candidates"
      actions={
        roles.length > 0 ? (
          <Link className="button button-primary" href={addHref}>
            Add candidate
          </Link>
        ) : null
      }
    >
      {flash && <Notice tone="success">{flash}</Notice>}
      <LoopImport />
      {roles.length === 0 ? (
        <EmptyState
          title="Set up a role first"
          action={
            <Link className="button button-primary" href="/roles/new">
              Set up a role
            </Link>
          }
        >
          <p>Candidates are interviewed for a role, so Loopcard needs one before you add anyone.</p>
        </EmptyState>
      ) : (
        <>
          <div className="filter">
            <span className="filter-field">
              <label htmlFor="candidate-filter">Show candidates for</label>
              <select
                id="candidate-filter"
                value={roleFilter}
                onChange={(e) => setParams(e.target.value ? { role: e.target.value } : {}, { replace: true })}
              >
                <option value="">All roles</option>
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.title}
                  </option>
                ))}
              </select>
            </span>
            {candidates.length > 0 && (
              <span className="filter-field">
                <label htmlFor="candidate-search">Find by name</label>
                <input id="candidate-search" type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
              </span>
            )}
          </div>
          {shown.length === 0 && text.trim() !== '' ? (
            <EmptyState title="No candidate matches">
              <p>No candidate{roleFilter ? ' for this role' : ''} has a name containing “{text.trim()}”. Check the spelling, or clear the search.</p>
            </EmptyState>
          ) : shown.length === 0 ? (
            <EmptyState
              title={roleFilter ? 'No candidates for this role yet' : 'No candidates yet'}
              action={
                <Link className="button button-primary" href={addHref}>
                  Add a candidate
                </Link>
              }
            >
              <p>Add a candidate, then plan their loop: one incident-review interview per interviewer.</p>
            </EmptyState>
          ) : (
            <PagedList
              items={shown}
              label="Candidates"
              noun={{ one: 'candidate', other: 'candidates' }}
              paging={paging}
              itemKey={(c) => c.id}
              renderItem={(c) => (
                <>
                  <h2 className="card-title">
                    <Link href={`/candidates/${c.id}`}>{c.name}</Link>
                  </h2>
                  <p className="card-meta">{roleTitle.get(c.roleId) ?? 'Unknown role'}</p>
                  <StageBadge stage={stages?.get(c.id)} />
                </>
              )}
            />
          )}
        </>
      )}
    </Page>
  );
}

function StageBadge({ stage }: { stage: CandidateStage | undefined }) {
  if (!stage) return null;
  return (
    <p className="stage">
      Stage: <span className={`stage-badge stage-${stage.stage}`}>{stageText(stage)}</span>
    </p>
  );
}
