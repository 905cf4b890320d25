import { Link, useParams } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { describeError } from '../../lib/errors';
import { LANE_INFO, type Role } from '../../domain/role';
import { booleanSearches, sourcingKeywords } from '../../domain/sourcing';
import type { SlateHealth } from '../../domain/slate';
import { EXCLUDE_NOTE, WATCH_FOR_NOTE, shareText, type CandidateScreenStatus } from '../../domain/slate-candidates';
import { SourcingCopyBox } from './sourcing-copy-box';
import { useSourcing } from './sourcing-queries';

/** Sourcing and slate for one role: what to search for, how the screened slate looks, and who is left to screen. */
export function SourcingPage() {
  const { roleId } = useParams<{ roleId: string }>();
  const { value, loadError } = useSourcing(roleId);

  if (loadError) {
    return (
      <Page title="Sourcing and slate">
        <Notice tone="error">{describeError(loadError, 'loading')}</Notice>
      </Page>
    );
  }
  if (value === undefined) return <Loading />;
  if (value === null) {
    return (
      <Page title="Role not found">
        <EmptyState
          title="This role is not on this device"
          action={
            <Link className="button button-primary" href="/roles">
              Back to roles
            </Link>
          }
        >
          <p>It may have been removed, or the link came from another device.</p>
        </EmptyState>
      </Page>
    );
  }
  const { role, slate, candidates } = value;
  return (
    <Page
      title={`Sourcing and slate: ${role.title}`}
      eyebrow={
        <Link href="/roles">Back to roles</Link>
      }
    >
      <SearchPlan role={role} />
      <SlateSection slate={slate} inProgress={candidates.filter((c) => c.status === 'in-progress').length} />
      <CandidatesSection role={role} candidates={candidates} />
    </Page>
  );
}

function SearchPlan({ role }: { role: Role }) {
  const stack = role.stack ?? [];
  const keywords = sourcingKeywords(role.lane, stack);
  const searches = booleanSearches(role.lane, stack);
  return (
    <section className="section sourcing-section" aria-labelledby="search-plan">
      <h2 id="search-plan">Search plan</h2>
      <dl className="sourcing-facts">
        <div>
          <dt>Lane</dt>
          <dd>{LANE_INFO[role.lane].label}</dd>
        </div>
        <div>
          <dt>Team’s stack</dt>
          <dd>
            {stack.length > 0 ? (
              stack.join(', ')
            ) : (
              <>
                No stack set —{' '}
                <Link className="sourcing-inline-link" href={`/roles/${role.id}/edit`}>
                  add it on the role
                </Link>
              </>
            )}
          </dd>
        </div>
      </dl>

      <h3>Keywords</h3>
      <dl className="sourcing-groups">
        {keywords.groups.map((group) => (
          <div key={group.key}>
            <dt>{group.label}</dt>
            <dd>
              <TermList terms={group.keywords} label={group.label} />
            </dd>
          </div>
        ))}
        <div>
          <dt>Prioritise résumés that mention</dt>
          <dd>
            <TermList terms={keywords.production} label="Production signals" />
          </dd>
        </div>
      </dl>

      <h3>Boolean searches</h3>
      <div className="sourcing-searches">
        <SourcingCopyBox label="General search" hint="Every must-have group, joined with AND." text={searches.general} />
        {searches.perGroup.map((g) => (
          <SourcingCopyBox key={g.key} label={`${g.label} search`} text={g.search} />
        ))}
        {searches.exclude ? (
          <SourcingCopyBox label="Exclusion to append" hint={EXCLUDE_NOTE} text={searches.exclude} />
        ) : (
          <p>Nothing to exclude: the team’s stack uses the tools a search would leave out.</p>
        )}
      </div>

      <h3>Watch for</h3>
      <p className="sourcing-note">{WATCH_FOR_NOTE}</p>
      <TermList terms={searches.watch} label="Watch for" />
    </section>
  );
}

function TermList({ terms, label }: { terms: readonly string[]; label: string }) {
  return (
    <ul className="sourcing-terms" aria-label={label}>
      {terms.map((term) => (
        <li key={term}>{term}</li>
      ))}
    </ul>
  );
}

function SlateSection({ slate, inProgress }: { slate: SlateHealth; inProgress: number }) {
  const unfinished =
    inProgress === 0 ? null : <p className="card-meta">{inProgress === 1 ? '1 screen is in progress and not counted yet.' : `${inProgress} screens are in progress and not counted yet.`}</p>;
  return (
    <section className="section sourcing-section" aria-labelledby="slate-health">
      <h2 id="slate-health">Slate health</h2>
      {slate.screened === 0 ? (
        <>
          <p className="empty-inline">No one screened yet: open a candidate and choose Screen.</p>
          {unfinished}
        </>
      ) : (
        <>
          <dl className="stats" aria-label="The slate in figures">
            <div>
              <dt>Screened</dt>
              <dd>{slate.screened}</dd>
            </div>
            <div>
              <dt>With production signals</dt>
              <dd>{shareText(slate.withProduction, slate.screened)}</dd>
            </div>
            <div>
              <dt>Flagged wrong pool</dt>
              <dd>{shareText(slate.wrongPool, slate.screened)}</dd>
            </div>
          </dl>
          <p className={`slate-verdict slate-verdict-${slate.verdict}`}>{slate.message}</p>
          {unfinished}

          <h3>Outcomes</h3>
          <dl className="stats" aria-label="Screen outcomes">
            <div>
              <dt>Advanced</dt>
              <dd>{slate.outcomes.advance}</dd>
            </div>
            <div>
              <dt>On hold</dt>
              <dd>{slate.outcomes.hold}</dd>
            </div>
            <div>
              <dt>Declined</dt>
              <dd>{slate.outcomes.decline}</dd>
            </div>
          </dl>

          <h3 id="slate-sources">Sources, ranked by candidates advanced</h3>
          <table className="results" aria-labelledby="slate-sources">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Advanced</th>
                <th scope="col">Screened</th>
              </tr>
            </thead>
            <tbody>
              {slate.sources.map((s) => (
                <tr key={s.source}>
                  <th scope="row">{s.source}</th>
                  <td>{s.advanced}</td>
                  <td>{s.screened}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function CandidatesSection({ role, candidates }: { role: Role; candidates: CandidateScreenStatus[] }) {
  return (
    <section className="section sourcing-section" aria-labelledby="slate-candidates">
      <h2 id="slate-candidates">Candidates</h2>
      {candidates.length === 0 ? (
        <p className="empty-inline">
          No candidates for this role yet.{' '}
          <Link className="sourcing-inline-link" href={`/candidates/new?role=${role.id}`}>
            Add a candidate
          </Link>
        </p>
      ) : (
        <ul className="loop-list" aria-label="Candidates and their screens">
          {candidates.map((c) => (
            <li key={c.candidateId} className="loop-item">
              <span>
                <span className="loop-name">{c.name}</span>
                <span className="loop-meta">{c.reason ? `${c.label}: ${c.reason}` : c.label}</span>
              </span>
              <Link className="button button-secondary" href={`/candidates/${c.candidateId}/screen`} aria-label={c.status === 'not-screened' ? `Screen ${c.name}` : `Open screen of ${c.name}`}>
                {c.status === 'not-screened' ? 'Screen' : 'Open screen'}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
