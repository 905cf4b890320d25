import type { Rubric } from '../../domain/rubric';
import { levelLabel, recommendationLabel } from '../../domain/rubric';
import { evidenceFor } from '../../domain/running-notes';
import type { Scorecard } from '../../domain/scorecard';
import { ratingFor } from '../../domain/scorecard-rules';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }) : '—');

/** A submitted scorecard, read-only, in rubric order. */
export function ScorecardView({ scorecard, rubric, headingLevel = 2 }: { scorecard: Scorecard; rubric: Rubric; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const topic = (key: string) => rubric.probeTopics.find((t) => t.key === key)?.label ?? key;
  return (
    <article className="scorecard-view" aria-label={`Scorecard by ${scorecard.interviewerName}, revision ${scorecard.revision}`}>
      <p className="scorecard-meta">
        Revision {scorecard.revision} by {scorecard.interviewerName}
        {scorecard.submittedAt ? <> · submitted {when(scorecard.submittedAt)}</> : <> · draft</>}
        {scorecard.contentHash && (
          <>
            {' '}
            · SHA-256 <code title={scorecard.contentHash}>{scorecard.contentHash.slice(0, 12)}…</code>
          </>
        )}
      </p>
      {scorecard.revision > 1 && scorecard.amendReason && <p className="amend-reason">Amended because: {scorecard.amendReason}</p>}
      {rubric.dimensions.map((dimension) => {
        const rating = ratingFor(scorecard, dimension.key);
        const level = rating.level;
        return (
          <section key={dimension.key} className="view-dimension">
            <H>{dimension.title}</H>
            <p className={`view-level level-${String(level)}`}>
              {levelLabel(level)}
            </p>
            {typeof level === 'number' && <p className="level-anchor">{dimension.anchors[level]}</p>}
            {evidenceFor(scorecard, dimension.key) && (
              <p className="prewrap evidence" dir="auto">
                {evidenceFor(scorecard, dimension.key)}
              </p>
            )}
            {rating.probesCovered.length > 0 && <p className="field-hint">Probes covered: {rating.probesCovered.map(topic).join(', ')}</p>}
          </section>
        );
      })}
      {(scorecard.topicsCovered ?? []).length > 0 && <p className="field-hint">Probe topics covered: {(scorecard.topicsCovered ?? []).map(topic).join(', ')}</p>}
      <section className="view-dimension">
        <H>Red flags</H>
        {scorecard.redFlags.length === 0 ? (
          <p>None raised.</p>
        ) : (
          <ul>
            {scorecard.redFlags.map((flag) => (
              <li key={flag.key}>
                <strong>{rubric.redFlags.find((f) => f.key === flag.key)?.label ?? flag.key}</strong>
                {flag.note && <> — <span dir="auto">{flag.note}</span></>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="view-dimension">
        <H>Recommendation</H>
        <p className="view-level">{recommendationLabel(rubric, scorecard.recommendation, 'None')}</p>
        {scorecard.takeaways && (
          <>
            <Sub>Key takeaways</Sub>
            <p className="prewrap" dir="auto">
              {scorecard.takeaways}
            </p>
          </>
        )}
      </section>
    </article>
  );
}
