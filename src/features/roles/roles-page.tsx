import { Link } from 'wouter';
import { useFlash } from '../../lib/navigation';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import { COMP_BASIS_LABELS, LANE_INFO, LEVEL_LABELS, formatMoney, type Role } from '../../domain/role';
import type { RoleSearch } from '../../domain/pipeline';
import { stackSummary } from '../../domain/stack-summary';
import { useCandidateCounts, useRoleSearches, useRoles } from './use-roles';
import { SearchClock } from './search-clock';

export function RolesPage() {
  const roles = useRoles();
  const counts = useCandidateCounts();
  const { value: searches, loadError } = useRoleSearches();
  const flash = useFlash();
  // Open and closed searches are told apart once the clocks have loaded (a moment after the list).
  const waiting = searches === undefined && !loadError;
  return (
    <Page
      title="Roles"
      actions={
        roles && roles.length > 0 ? (
          <Link className="button button-primary" href="/roles/new">
            New role
          </Link>
        ) : null
      }
    >
      {flash && <Notice tone="success">{flash}</Notice>}
      {/* The only thing that can fail here is loading the clocks' code; the roles stay listed. */}
      {loadError ? <Notice tone="error">The search clocks could not be loaded, so open and closed searches are not told apart. Reload the page to try again.</Notice> : null}
      {roles === undefined || (roles.length > 0 && waiting) ? (
        <Loading />
      ) : roles.length === 0 ? (
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
        <RoleLists roles={roles} searches={loadError ? undefined : searches} counts={counts} />
      )}
    </Page>
  );
}

/** Open searches, then closed ones; one plain list when the clocks could not be loaded. */
function RoleLists({ roles, searches, counts }: { roles: Role[]; searches: Map<string, RoleSearch> | undefined; counts: Map<string, number> | undefined }) {
  const card = (role: Role) => <RoleCard key={role.id} role={role} search={searches?.get(role.id)} candidates={counts?.get(role.id) ?? 0} />;
  if (!searches) {
    return (
      <ul className="card-list" aria-label="Roles">
        {roles.map(card)}
      </ul>
    );
  }
  const closed = roles.filter((r) => searches.get(r.id)?.state === 'closed');
  const open = roles.filter((r) => searches.get(r.id)?.state !== 'closed');
  return (
    <>
      <section aria-labelledby="open-searches" className="searches">
        <h2 id="open-searches">Open searches</h2>
        {open.length === 0 ? (
          <p className="empty-inline">Every search has closed. A new role starts a new search.</p>
        ) : (
          <ul className="card-list" aria-label="Open searches">
            {open.map(card)}
          </ul>
        )}
      </section>
      {closed.length > 0 && (
        <section aria-labelledby="closed-searches" className="searches">
          <h2 id="closed-searches">Closed searches</h2>
          <ul className="card-list" aria-label="Closed searches">
            {closed.map(card)}
          </ul>
        </section>
      )}
    </>
  );
}

function RoleCard({ role, search, candidates }: { role: Role; search: RoleSearch | undefined; candidates: number }) {
  return (
    <li className="card">
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
    </li>
  );
}
