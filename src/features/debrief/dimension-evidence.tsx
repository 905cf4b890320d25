import { useEffect, useRef } from 'react';
import type { DimensionAggregate } from '../../domain/aggregate';
import { formatMedian } from '../../domain/aggregate';
import { evidenceParts } from '../../domain/evidence';
import type { Dimension, Rubric } from '../../domain/rubric';
import { levelLabel } from '../../domain/rubric';
import { describeDelta, type RevisionChanges } from '../../domain/revision-diff';
import type { Scorecard } from '../../domain/scorecard';
import { ratingFor } from '../../domain/scorecard-rules';

type Props = {
  rubric: Rubric;
  dimension: Dimension;
  scorecards: readonly Scorecard[];
  aggregate: DimensionAggregate | undefined;
  /** What each amended scorecard's latest revision changed, by scorecard id. */
  changes: ReadonlyMap<string, RevisionChanges>;
  idPrefix: string;
  /** Names the rubric for screen readers when the page shows several. */
  rubricLabel?: string | null;
  /** Opens another dimension of the same rubric (previous / next). */
  onOpen: (dimensionKey: string) => void;
  /** Back to the matrix (focus returns to the dimension's button there). */
  onClose: () => void;
};

/**
 * One dimension, every interviewer side by side: level, its anchor, evidence (typed text, then the
 * running-note lines filed under the dimension with their stamps), the red flags each raised, and
 * what an amendment changed here. Columns on a tablet, stacked cards on a narrow screen (CSS grid).
 * Opening it moves focus to its heading; Escape or "Back to the matrix" returns.
 */
export function DimensionEvidence({ rubric, dimension, scorecards, aggregate, changes, idPrefix, rubricLabel = null, onOpen, onClose }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const viewRef = useRef<HTMLElement>(null);
  const at = rubric.dimensions.findIndex((d) => d.key === dimension.key);
  const previous = rubric.dimensions[at - 1];
  const next = rubric.dimensions[at + 1];
  const headingId = `${idPrefix}-side-by-side-heading`;

  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
    // Bring the whole view on screen only when it does not fit where it opened: the matrix stays
    // in sight whenever there is room for both.
    const view = viewRef.current;
    if (!view || typeof view.scrollIntoView !== 'function') return;
    const box = view.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      const calm = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      view.scrollIntoView({ block: 'start', behavior: calm ? 'auto' : 'smooth' });
    }
  }, [dimension.key]);

  // Escape anywhere in the view goes back to the matrix, like closing a disclosure.
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onClose();
    };
    view.addEventListener('keydown', onKeyDown);
    return () => view.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
  const flagLabel = (key: string) => rubric.redFlags.find((f) => f.key === key)?.label ?? key;

  return (
    <section ref={viewRef} className="side-by-side" aria-labelledby={headingId}>
      <div className="side-by-side-head">
        <h4 id={headingId} ref={headingRef} tabIndex={-1}>
          {dimension.title}: the panel side by side
          {rubricLabel && <span className="visually-hidden"> ({rubricLabel})</span>}
        </h4>
        {aggregate && (
          <p className="field-hint">
            Median {formatMedian(aggregate.median)} · range {aggregate.range === null ? '—' : `${aggregate.min}–${aggregate.max}`}
            {aggregate.notCovered > 0 && <> · {aggregate.notCovered} not covered</>}
            {aggregate.disagreement && <span className="flag"> ⚠ Disagreement</span>}
          </p>
        )}
        <div className="side-by-side-nav">
          <button type="button" className="button button-secondary" onClick={onClose}>
            Back to the matrix
          </button>
          {previous && (
            <button type="button" className="button button-link" onClick={() => onOpen(previous.key)}>
              ← {previous.title}
            </button>
          )}
          {next && (
            <button type="button" className="button button-link" onClick={() => onOpen(next.key)}>
              {next.title} →
            </button>
          )}
        </div>
      </div>
      <div className="side-by-side-columns">
        {scorecards.map((s) => (
          <InterviewerColumn key={s.id} scorecard={s} dimension={dimension} changes={changes.get(s.id)} flagLabel={flagLabel} />
        ))}
      </div>
    </section>
  );
}

function InterviewerColumn({ scorecard, dimension, changes, flagLabel }: { scorecard: Scorecard; dimension: Dimension; changes: RevisionChanges | undefined; flagLabel: (key: string) => string }) {
  const { level } = ratingFor(scorecard, dimension.key);
  const { typed, lines } = evidenceParts(scorecard, dimension.key);
  const levelChange = changes?.levels.find((c) => c.dimensionKey === dimension.key);
  const evidenceChange = changes?.evidence.find((c) => c.dimensionKey === dimension.key);
  const name = scorecard.interviewerName;
  return (
    <section className="side-by-side-card" aria-label={`${name} on ${dimension.title}`}>
      <h5>
        {name}
        {scorecard.revision > 1 && <span className="field-hint"> (rev. {scorecard.revision})</span>}
      </h5>
      <p className={`side-by-side-level level-${typeof level === 'number' ? level : 'none'}`}>{levelLabel(level)}</p>
      {typeof level === 'number' && <p className="level-anchor side-by-side-anchor">{dimension.anchors[level]}</p>}
      <div className="evidence">
        {typed.trim() === '' && lines.length === 0 ? (
          <p className="field-hint">No evidence written.</p>
        ) : (
          <>
            {typed.trim() !== '' && (
              <p className="prewrap" dir="auto">
                {typed}
              </p>
            )}
            {lines.length > 0 && (
              <ul className="stamped-lines" aria-label="Running notes filed here">
                {lines.map((line) => (
                  <li key={line.id} dir="auto">
                    {line.stamp && <span className="stamp">{line.stamp}</span>} {line.text}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {scorecard.redFlags.length > 0 && (
        <div className="side-by-side-flags">
          <p className="field-label">Red flags raised (whole interview)</p>
          <ul>
            {scorecard.redFlags.map((f) => (
              <li key={f.key}>
                <strong>{flagLabel(f.key)}</strong>
                {f.note && <> — “{f.note}”</>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {changes && (levelChange || evidenceChange) && (
        <p className="side-by-side-amended">
          Amended in revision {changes.toRevision}
          {levelChange && <>: level {levelLabel(levelChange.before)} → {levelLabel(levelChange.after)}</>}
          {evidenceChange && <>{levelChange ? ';' : ':'} evidence changed ({describeDelta(evidenceChange.delta)})</>}
          {changes.reason && <>. Reason: “{changes.reason}”</>}
        </p>
      )}
    </section>
  );
}
