import { CLEAN_SEARCH_WEEKS, SEARCH_HEALTH_LABELS, searchHealth } from '../../domain/role-facts';
import type { RoleSearch } from '../../domain/pipeline';
import { formatDate } from '../../lib/dates';

/** The role's search clock: the week it is in against the target, or how long it took to close. */
export function SearchClock({ search }: { search: RoleSearch }) {
  if (search.state === 'closed') {
    return (
      <p className="health health-closed">
        <span className="health-badge">Closed</span>{' '}
        <span>
          {search.text}. Offer accepted on {formatDate(search.closedAt)}.
        </span>
      </p>
    );
  }
  const health = searchHealth(search.days);
  return (
    <p className={`health health-${health}`}>
      <span className="health-badge">{SEARCH_HEALTH_LABELS[health]}</span>{' '}
      <span>
        {search.text} · open {search.days} {search.days === 1 ? 'day' : 'days'}; clean searches close in {CLEAN_SEARCH_WEEKS.min}–{CLEAN_SEARCH_WEEKS.max} weeks.
      </span>
    </p>
  );
}
