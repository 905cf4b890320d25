import { useEffect, useRef, useState } from 'react';
import type { PanelAggregate, RubricAggregate } from '../../domain/aggregate';
import { formatMedian } from '../../domain/aggregate';
import type { Rubric } from '../../domain/rubric';
import { NOT_COVERED, levelLabel, recommendationLabel } from '../../domain/rubric';
import { evidenceFor } from '../../domain/running-notes';
import type { Scorecard } from '../../domain/scorecard';
import { ratingFor } from '../../domain/scorecard-rules';

type Props = {
  rubric: Rubric;
  scorecards: readonly Scorecard[];
  aggregate: RubricAggregate;
  /** The panel's recommendation tally, shown in the matrix when the panel has only this rubric. */
  tally: Pick<PanelAggregate, 'recommendations' | 'split'> | null;
  /** Names the table for assistive technology ("Levels by interviewer and dimension"). */
  caption: string;
  /** Keeps ids unique when the page shows one matrix per rubric. */
  idPrefix: string;
};

const cellText = (level: Scorecard['ratings'][number]['level']) => (level === null ? '—' : level === NOT_COVERED ? 'n/c' : String(level));
const cellLabel = (level: Scorecard['ratings'][number]['level']) => (typeof level === 'number' ? levelLabel(level, ', ') : levelLabel(level).toLowerCase());

/**
 * Whether the table is wider than its box: then the box is a focusable region (arrow keys scroll
 * it) with a visible cue, rather than the whole page scrolling sideways on a tablet.
 */
function useOverflow() {
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setOverflowing(box.scrollWidth > box.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const table = box.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);
  return { ref, overflowing };
}

/**
 * Interviewers × dimensions of one rubric version. Each level is a number and a colour (never the
 * colour alone); each cell opens that interviewer's evidence. The median, range and disagreement
 * flag sit underneath.
 */
export function PanelMatrix({ rubric, scorecards, aggregate, tally, caption, idPrefix }: Props) {
  const [open, setOpen] = useState<{ scorecardId: string; dimensionKey: string } | null>(null);
  const { ref, overflowing } = useOverflow();
  const opened = open ? scorecards.find((s) => s.id === open.scorecardId) : undefined;
  const openedDimension = open ? rubric.dimensions.find((d) => d.key === open.dimensionKey) : undefined;
  const openedRating = opened && openedDimension ? ratingFor(opened, openedDimension.key) : undefined;
  const recLabel = (value: string | null) => recommendationLabel(rubric, value);
  const evidenceId = `${idPrefix}-evidence`;
  const cueId = `${idPrefix}-scroll-cue`;

  return (
    <div>
      {overflowing && (
        <p id={cueId} className="field-hint scroll-cue">
          The table is wider than the screen: scroll it sideways (or focus it and use the arrow keys) to see every dimension. →
        </p>
      )}
      <div
        ref={ref}
        className={`matrix-wrap${overflowing ? ' matrix-wrap-scrolls' : ''}`}
        {...(overflowing ? { tabIndex: 0, role: 'region', 'aria-label': caption, 'aria-describedby': cueId } : {})}
      >
        <table className="matrix">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Interviewer</th>
              {rubric.dimensions.map((d) => (
                <th key={d.key} scope="col">
                  {d.title}
                </th>
              ))}
              <th scope="col">Recommendation</th>
            </tr>
          </thead>
          <tbody>
            {scorecards.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  {s.interviewerName}
                  {s.revision > 1 && <span className="field-hint"> (rev. {s.revision})</span>}
                </th>
                {rubric.dimensions.map((d) => {
                  const level = ratingFor(s, d.key).level;
                  const isOpen = open?.scorecardId === s.id && open.dimensionKey === d.key;
                  return (
                    <td key={d.key}>
                      <button
                        type="button"
                        className={`cell level-${typeof level === 'number' ? level : 'none'}`}
                        aria-expanded={isOpen}
                        aria-controls={evidenceId}
                        aria-label={`${s.interviewerName}, ${d.title}: ${cellLabel(level)}. Show evidence`}
                        onClick={() => setOpen(isOpen ? null : { scorecardId: s.id, dimensionKey: d.key })}
                      >
                        {cellText(level)}
                      </button>
                    </td>
                  );
                })}
                <td className={`rec rec-${s.recommendation ?? 'none'}`}>{recLabel(s.recommendation)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Median</th>
              {aggregate.dimensions.map((d) => (
                <td key={d.dimensionKey}>{formatMedian(d.median)}</td>
              ))}
              <td rowSpan={2} className="tally">
                {tally && (
                  <>
                    {rubric.recommendationScale.map((o) => (
                      <span key={o.value} className="tally-item">
                        {o.label} {tally.recommendations[o.value]}
                      </span>
                    ))}
                    {tally.split && <span className="flag">⚠ Split between yes and no</span>}
                  </>
                )}
              </td>
            </tr>
            <tr>
              <th scope="row">Range</th>
              {aggregate.dimensions.map((d) => (
                <td key={d.dimensionKey}>
                  {d.range === null ? '—' : `${d.min}–${d.max}`}
                  {d.disagreement && <span className="flag"> ⚠ Disagreement</span>}
                  {d.notCovered > 0 && <span className="field-hint"> ({d.notCovered} not covered)</span>}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <div id={evidenceId} className="matrix-evidence" aria-live="polite">
        {opened && openedDimension && openedRating && (
          <section aria-label={`${opened.interviewerName} on ${openedDimension.title}`}>
            <h4>
              {opened.interviewerName} on {openedDimension.title}: {cellLabel(openedRating.level)}
            </h4>
            {typeof openedRating.level === 'number' && <p className="level-anchor">{openedDimension.anchors[openedRating.level]}</p>}
            <p className="prewrap evidence" dir="auto">
              {(opened && evidenceFor(opened, openedRating.dimensionKey)) || 'No evidence written.'}
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
