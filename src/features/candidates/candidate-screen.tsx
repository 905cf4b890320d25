import { Link } from 'wouter';
import { useRepositories } from '../../lib/repositories-context';
import { useLazyLiveQuery } from '../../lib/lazy-live-query';
import { describeError } from '../../lib/errors';
import { screenSummary } from '../../domain/screening';

/** The candidate's screen in one line, and the way to it; the screen's code loads after the page. */
export function CandidateScreen({ candidateId }: { candidateId: string }) {
  const repos = useRepositories();
  const { value, loadError } = useLazyLiveQuery(repos.sourcing, async () => (await repos.sourcing.getScreen(candidateId)) ?? null, [repos, candidateId]);
  if (loadError) return <p className="field-hint">{describeError(loadError, 'loading')}</p>;
  if (value === undefined) return null;
  return (
    <section aria-labelledby="screen-heading" className="section candidate-screen">
      <h2 id="screen-heading">Screen</h2>
      <p>{value ? screenSummary(value) : 'Not screened yet.'}</p>
      <Link className="button button-secondary" href={`/candidates/${candidateId}/screen`}>
        {value ? 'Open the screen' : 'Screen'}
      </Link>
    </section>
  );
}
