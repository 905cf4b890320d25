import { useEffect, useState } from 'react';
import { useFirstScreen, useLoadedRepositories } from '../../lib/repositories-context';
import type { RolesOverview } from '../../data/role-reads';

/**
 * The roles list: roles, their search clocks and candidate counts, in one read; undefined while
 * the database answers. Until the database code has loaded it is the list read at start; from then
 * on it follows every change. A list once shown stays until the live one arrives, so it never
 * blinks back to its placeholder.
 */
export function useRolesOverview(): RolesOverview | undefined {
  const first = useFirstScreen();
  const repos = useLoadedRepositories();
  const [live, setLive] = useState<{ overview?: RolesOverview; error?: unknown }>({});
  useEffect(() => {
    if (!repos) return;
    return repos.roles.watchOverview(
      (overview) => setLive({ overview }),
      (error) => setLive({ error }),
    );
  }, [repos]);
  // The list read at start stands in before the database code loads and, on a screen that showed
  // it, until the live list arrives; never on a later visit (it would be out of date).
  const [showedStartList] = useState(repos === null);
  if (live.error !== undefined) throw live.error;
  return live.overview ?? (!repos || showedStartList ? first?.roles : undefined);
}
