import type { DueByInterviewer } from '../../domain/scorecards-due';
import { useRepositories } from '../../lib/repositories-context';
import { useLazyLiveQuery } from '../../lib/lazy-live-query';

/** Every scorecard still owed across the loops on this device, per interviewer; undefined while loading. */
export function useScorecardsDue(): DueByInterviewer[] | undefined {
  const repos = useRepositories();
  return useLazyLiveQuery(repos.due, () => repos.due.scorecardsDue(), [repos]).value;
}
