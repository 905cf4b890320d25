import { Link, useSearch } from 'wouter';
import { Page } from '../../components/page';
import { Loading } from '../../components/loading';
import { EmptyState } from '../../components/empty-state';
import { LEVEL_NAMES, LEVEL_VALUES, type Dimension, type Rubric } from '../../domain/rubric';
import { DIMENSION_PART_LABELS, compareRubrics, sameScoredContent, type DimensionComparison, type DimensionPart } from '../../domain/rubric-editing';
import { LANE_INFO } from '../../domain/role';
import { parseRefParam, useRubricVersion, versionPath, versionTitle } from './use-rubrics';

/** Two versions side by side, dimension by dimension: /rubrics/compare?a=<id>@<v>&b=<id>@<v>. */
export function ComparePage() {
  const params = new URLSearchParams(useSearch());
  const refA = parseRefParam(params.get('a'));
  const refB = parseRefParam(params.get('b'));
  const a = useRubricVersion(refA);
  const b = useRubricVersion(refB);
  if (refA === null || refB === null || a === null || b === null) {
    return (
      <Page title="Nothing to compare">
        <EmptyState title="One of these rubric versions is not on this device" action={<Link className="button button-primary" href="/rubrics">Back to rubrics</Link>}>
          <p>Open a rubric version and choose “Compare with…” to pick the other one.</p>
        </EmptyState>
      </Page>
    );
  }
  if (a === undefined || b === undefined) return <Loading />;
  return <Comparison a={a} b={b} />;
}

const partText = (d: Dimension, part: DimensionPart): string => {
  if (part === 'title' || part === 'focus' || part === 'good') return d[part];
  if (part === 'probes') return d.probes.join('\n');
  return d.anchors[Number(part.slice(-1)) as 1 | 2 | 3 | 4];
};

function Comparison({ a, b }: { a: Rubric; b: Rubric }) {
  const comparison = compareRubrics(a, b);
  const scoredSame = sameScoredContent(a, b);
  const nameA = versionTitle(a);
  const nameB = versionTitle(b);
  return (
    <Page title="Compare rubric versions" eyebrow={<Link href="/rubrics">Rubrics</Link>}>
      <p>
        From <Link href={versionPath(a)}>{nameA}</Link> to <Link href={versionPath(b)}>{nameB}</Link>.
      </p>
      <div className={`notice ${scoredSame ? 'notice-success' : 'notice-info'}`} role="status">
        {comparison.identical ? (
          <p>These two versions are identical: same prompt, dimensions, anchors, probes, red flags and agenda.</p>
        ) : scoredSame ? (
          <p>
            <strong>The scored content is identical:</strong> the same dimensions, anchors, red flags and recommendation scale, so scores on the two versions mean the
            same. Only the agenda, the prompt’s wording, the probes or the guidance differ.
          </p>
        ) : (
          <p>
            <strong>The scored content differs:</strong> a score on one version does not mean exactly the same on the other. Read the changes below before comparing
            scores across them.
          </p>
        )}
      </div>

      {comparison.title && (
        <Change heading="Title" before={a.title} after={b.title} />
      )}
      {comparison.prompt && <Change heading="Prompt" before={a.prompt} after={b.prompt} />}

      <section className="section" aria-labelledby="compare-dimensions">
        <h2 id="compare-dimensions">Dimensions</h2>
        <ol className="compare-dimensions">
          {comparison.dimensions.map((d) => (
            <DimensionRow key={`${d.status}-${d.key}`} d={d} />
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="compare-other">
        <h2 id="compare-other">Red flags, probe topics, recommendation and agenda</h2>
        <ul className="compare-list">
          {comparison.redFlags.added.map((f) => (
            <li key={`fa-${f.key}`}>Red flag added: {f.label}</li>
          ))}
          {comparison.redFlags.removed.map((f) => (
            <li key={`fr-${f.key}`}>Red flag removed: {f.label}</li>
          ))}
          {comparison.redFlags.changed.map(({ a: before, b: after }) => (
            <li key={`fc-${after.key}`}>
              Red flag changed: {before.label === after.label ? after.label : `${before.label} → ${after.label}`}
            </li>
          ))}
          {comparison.probeTopics.added.map((t) => (
            <li key={`ta-${t.key}`}>Probe topic added: {t.label}</li>
          ))}
          {comparison.probeTopics.removed.map((t) => (
            <li key={`tr-${t.key}`}>Probe topic removed: {t.label}</li>
          ))}
          {comparison.probeTopics.changed.map(({ a: before, b: after }) => (
            <li key={`tc-${after.key}`}>
              Probe topic renamed: {before.label} → {after.label}
            </li>
          ))}
          {comparison.recommendationLabels.map((r) => (
            <li key={r.value}>
              Recommendation label: {r.a} → {r.b}
            </li>
          ))}
          {comparison.laneEmphasis.map((lane) => (
            <li key={lane}>Extra probes for {LANE_INFO[lane].label} changed</li>
          ))}
          {comparison.agenda.changed && (
            <li>
              Agenda changed: {comparison.agenda.minutes.a} → {comparison.agenda.minutes.b} minutes in total
              {comparison.agenda.added.length > 0 && `; added ${comparison.agenda.added.map((i) => `“${i.title}”`).join(', ')}`}
              {comparison.agenda.removed.length > 0 && `; removed ${comparison.agenda.removed.map((i) => `“${i.title}”`).join(', ')}`}
              {comparison.agenda.changedItems.length > 0 && `; changed ${comparison.agenda.changedItems.map((i) => `“${i.b.title}” (${i.a.minutes} → ${i.b.minutes} min)`).join(', ')}`}
            </li>
          )}
        </ul>
        {comparison.redFlags.added.length + comparison.redFlags.removed.length + comparison.redFlags.changed.length + comparison.probeTopics.added.length + comparison.probeTopics.removed.length + comparison.probeTopics.changed.length + comparison.recommendationLabels.length + comparison.laneEmphasis.length === 0 &&
          !comparison.agenda.changed && <p className="empty-inline">No changes here.</p>}
      </section>
    </Page>
  );
}

function Change({ heading, before, after }: { heading: string; before: string; after: string }) {
  return (
    <section className="section" aria-label={`${heading} changed`}>
      <h2>{heading} changed</h2>
      <div className="compare-pair">
        <div>
          <h3 className="compare-side">Before</h3>
          <p className="prewrap">{before}</p>
        </div>
        <div>
          <h3 className="compare-side">After</h3>
          <p className="prewrap">{after}</p>
        </div>
      </div>
    </section>
  );
}

const STATUS_TEXT: Record<DimensionComparison['status'], string> = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' };

function DimensionRow({ d }: { d: DimensionComparison }) {
  const shown = d.b ?? d.a;
  if (!shown) return null;
  const place = d.moved ? ` · moved from ${d.position.a ?? '?'} to ${d.position.b ?? '?'}` : '';
  return (
    <li className={`card compare-dimension compare-${d.status}`}>
      <h3 className="card-title">
        {shown.title} <span className="compare-status">({STATUS_TEXT[d.status]}{place})</span>
      </h3>
      {d.status === 'changed' && d.a && d.b && (
        <dl className="compare-parts">
          {d.changed.map((part) => (
            <div key={part} className="compare-part">
              <dt>{DIMENSION_PART_LABELS[part]}</dt>
              <dd>
                <div className="compare-pair">
                  <div>
                    <span className="compare-side">Before</span>
                    <p className="prewrap">{partText(d.a as Dimension, part)}</p>
                  </div>
                  <div>
                    <span className="compare-side">After</span>
                    <p className="prewrap">{partText(d.b as Dimension, part)}</p>
                  </div>
                </div>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {(d.status === 'added' || d.status === 'removed') && (
        <ul className="compare-anchors">
          {LEVEL_VALUES.map((level) => (
            <li key={level}>
              {level} · {LEVEL_NAMES[level]}: {shown.anchors[level]}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
