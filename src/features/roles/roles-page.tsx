import { Link } from 'wouter';
import { useFlash } from '../../lib/navigation';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { Notice } from '../../components/notice';
import {
  CLEAN_SEARCH_WEEKS,
  COMP_BASIS_LABELS,
  LANE_INFO,
  LEVEL_LABELS,
  SEARCH_HEALTH_LABELS,
  daysOpen,
  formatMoney,
  searchHealth,
  type Role,
} from '../../domain/role';
import { useCandidateCounts, useRoles } from './use-roles';

export function RolesPage() {
  const roles = useRoles();
  const counts = useCandidateCounts();
  const flash = useFlash();
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
      {roles === undefined ? (
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
        <ul className="card-list" aria-label="Roles">
          {roles.map((role) => (
            <RoleCard key={role.id} role={role} candidates={counts?.get(role.id) ?? 0} />
          ))}
        </ul>
      )}
    </Page>
  );
}

function RoleCard({ role, candidates }: { role: Role; candidates: number }) {
  const days = daysOpen(role.openedOn, new Date());
  const health = searchHealth(days);
  const weeks = (days / 7).toFixed(1);
  return (
    <li className="card">
      <h2 className="card-title">{role.title}</h2>
      <p className="card-meta">
        {LANE_INFO[role.lane].label} · {LEVEL_LABELS[role.level]} · {formatMoney(role.compBand.min, role.compBand.currency)}–
        {formatMoney(role.compBand.max, role.compBand.currency)} {COMP_BASIS_LABELS[role.compBand.basis].toLowerCase()}
      </p>
      <p className="mandate">{role.mandate}</p>
      <p className={`health health-${health}`}>
        <span className="health-badge">{SEARCH_HEALTH_LABELS[health]}</span>{' '}
        <span>
          Open {days} {days === 1 ? 'day' : 'days'} ({weeks} weeks) against a {CLEAN_SEARCH_WEEKS.min}–{CLEAN_SEARCH_WEEKS.max} week target; planned{' '}
          {role.targetCloseWeeks} weeks.
        </span>
      </p>
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
      </div>
    </li>
  );
}
