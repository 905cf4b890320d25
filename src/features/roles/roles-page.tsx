import { Link } from 'wouter';
import { useFlash } from '../../lib/navigation';
import { Page } from '../../components/page';
import { ListSkeleton } from '../../components/loading';
import { PagedList, usePaging, type Paging } from '../../components/paged-list';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { COMP_BASIS_LABELS, LANE_INFO, LEVEL_LABELS, formatMoney } from '../../domain/role-facts';
import type { Role } from '../../domain/role';
import type { RoleSearch } from '../../domain/role-search';
import { stackSummary } from '../../domain/stack-summary';
import { useRolesOverview } from './use-roles-overview';
import { SearchClock } from './search-clock';
import { useFirstPaintSnapshot } from '../../lib/use-first-paint-snapshot';

export function RolesPage() {
  const overview = useRolesOverview();
  const flash = useFlash();
  const openPaging = usePaging();
  const closedPaging = usePaging();
  // The list as drawn here is what the next start shows first: only as a new start draws it, with
  // its data, no message and each list at its first page.
  const firstPages = openPaging.limit === openPaging.pageSize && closedPaging.limit === closedPaging.pageSize;
  const snapshot = useFirstPaintSnapshot<HTMLDivElement>(overview !== undefined && !flash && firstPages, overview);
  return (
    <div className="screen-body" ref={snapshot}>
      <Page
        title="Roles"
        actions={
          overview?.roles.length === 0 ? null : (
            <Link className="button button-primary" href="/roles/new">
              New role
            </Link>
          )
        }
      >
        {flash && <Notice tone="success">{flash}</Notice>}
        {overview === undefined ? (
          <ListSkeleton label="Loading roles…" />
        ) : overview.roles.length === 0 ? (
          <EmptyState
            title="No roles yet"
            action={
              <Link className="button button-primary" href="/roles/new">
                Set up your first role
              </Link>
            }
          >
            <p>
              A role is where a search starts: pick one lane, write the one-sentence mandate, and set a band. Every candidate for the role then gets
              the same interviews, each scored on its own rubric.
            </p>
          </EmptyState>
        ) : (
          <RoleLists
            roles={overview.roles}
            searches={overview.searches}
            counts={overview.candidateCounts}
            openPaging={openPaging}
            closedPaging={closedPaging}
          />
        )}
      </Page>
    </div>
  );
}

/** Open searches, then closed ones, each a page at a time. */
function RoleLists({
  roles,
  searches,
  counts,
  openPaging,
  closedPaging,
}: {
  roles: Role[];
  searches: Map<string, RoleSearch>;
  counts: Map<string, number>;
  openPaging: Paging;
  closedPaging: Paging;
}) {
  const card = (role: Role) => <RoleCard role={role} search={searches.get(role.id)} candidates={counts.get(role.id) ?? 0} />;
  const closed = roles.filter((r) => searches.get(r.id)?.state === 'closed');
  const open = roles.filter((r) => searches.get(r.id)?.state !== 'closed');
  return (
    <>
      <section aria-labelledby="open-searches" className="searches">
        <h2 id="open-searches">Open searches</h2>
        {open.length === 0 ? (
          <p className="empty-inline">Every search has closed. A new role starts a new search.</p>
        ) : (
          <PagedList items={open} paging={openPaging} label="Open searches" noun={OPEN_NOUN} itemKey={(r) => r.id} renderItem={card} />
        )}
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="closed-searches" className="searches">
          <h2 id="closed-searches">Closed searches</h2>
          <PagedList items={closed} paging={closedPaging} label="Closed searches" noun={CLOSED_NOUN} itemKey={(r) => r.id} renderItem={card} />
        </section>
      )}
    </>
  );
}

const OPEN_NOUN = { one: 'open search', other: 'open searches' };
const CLOSED_NOUN = { one: 'closed search', other: 'closed searches' };

function RoleCard({ role, search, candidates }: { role: Role; search: RoleSearch | undefined; candidates: number }) {
  return (
    <>
      <h3 className="card-title">{role.title}</h3>
      <p className="card-meta">
        {LANE_INFO[role.lane].label} · {LEVEL_LABELS[role.level]} · {formatMoney(role.compBand.min, role.compBand.currency)}–
        {formatMoney(role.compBand.max, role.compBand.currency)} {COMP_BASIS_LABELS[role.compBand.basis].toLowerCase()}
      </p>
      <p className="mandate">{role.mandate}</p>
      <p className="card-meta">
        {role.stack?.length ? `Stack: ${stackSummary(role.stack)}` : 'No stack set'} · {role.mission ? '90-day mission set' : 'No 90-day mission yet'}
      </p>
      {search && <SearchClock search={search} />}
      <div className="card-actions">
        <Link className="button button-secondary" href={`/candidates?role=${role.id}`} aria-label={`${candidates} ${candidates === 1 ? 'candidate' : 'candidates'} for ${role.title}`}>
          {candidates} {candidates === 1 ? 'candidate' : 'candidates'}
        </Link>
        <Link className="button button-secondary" href={`/candidates/new?role=${role.id}`} aria-label={`Add a candidate to ${role.title}`}>
          Add candidate
        </Link>
        <Link className="button button-secondary" href={`/roles/${role.id}/edit`} aria-label={`Edit ${role.title}`}>
          Edit
        </Link>
        <Link className="button button-secondary" href={`/roles/${role.id}/sourcing`} aria-label={`Sourcing and slate for ${role.title}`}>
          Sourcing
        </Link>
      </div>
    </>
  );
}
