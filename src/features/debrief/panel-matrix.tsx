import { useEffect, useMemo, useRef, useState } from 'react';
import type { PanelAggregate, RubricAggregate } from '../../domain/aggregate';
import { formatMedian } from '../../domain/aggregate';
import type { Dimension, Rubric } from '../../domain/rubric';
import { NOT_COVERED, levelLabel, recommendationLabel } from '../../domain/rubric';
import type { Scorecard } from '../../domain/scorecard';
import { ratingFor } from '../../domain/scorecard-rules';
import { AmendmentChanges, changesByScorecard } from './amendment-changes';
import { DimensionEvidence } from './dimension-evidence';
import { PanelTakeaways } from './panel-takeaways';

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
  /** Every submitted revision on the device, so an amendment can say what it changed. */
  revisions?: readonly Scorecard[];
  /** The rubric's name when the page shows several, so each matrix's parts are named apart for screen readers. */
  rubricLabel?: string | null;
};

type Level = Scorecard['ratings'][number]['level'];
type Layout = 'wide' | 'stacked';

const cellText = (level: Level) => (level === null ? '—' : level === NOT_COVERED ? 'n/c' : String(level));
const cellLabel = (level: Level) => (typeof level === 'number' ? levelLabel(level, ', ') : levelLabel(level).toLowerCase());

/**
 * Fits the matrix to its box, never clipping it: interviewers as rows and dimensions as columns
 * when that fits; otherwise stacked, dimensions as rows (a long rubric on a portrait tablet); and
 * if even that is wider than the box (a phone), the box is a focusable region (arrow keys scroll
 * it) with a visible cue, rather than the whole page scrolling sideways.
 */
function useFittedLayout() {
  const ref = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<Layout>('wide');
  const [overflowing, setOverflowing] = useState(false);
  /** The width the wide table needed when it last did not fit: wide again once the box has it. */
  const wideNeeds = useRef<number | null>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const over = box.scrollWidth > box.clientWidth + 1;
      if (layout === 'wide' && over) {
        wideNeeds.current = box.scrollWidth;
        setLayout('stacked');
        return;
      }
      if (layout === 'stacked' && wideNeeds.current !== null && box.clientWidth >= wideNeeds.current) {
        setLayout('wide');
        return;
      }
      setOverflowing(over);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    const table = box.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [layout]);
  return { ref, layout, overflowing };
}

/**
 * Interviewers × dimensions of one rubric version. Each level is a number and a colour (never the
 * colour alone). A dimension's button (its heading, or any of its cells) opens the side-by-side
 * view of every interviewer's evidence on it. The median, range and disagreement flag sit with it;
 * what amendments changed and the key takeaways follow.
 */
export function PanelMatrix({ rubric, scorecards, aggregate, tally, caption, idPrefix, revisions = [], rubricLabel = null }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const { ref, layout, overflowing } = useFittedLayout();
  const dimensionButtons = useRef(new Map<string, HTMLButtonElement>());
  const changes = useMemo(() => changesByScorecard(scorecards, revisions), [scorecards, revisions]);
  const openDimension = open ? rubric.dimensions.find((d) => d.key === open) : undefined;
  const recLabel = (value: string | null) => recommendationLabel(rubric, value);
  const viewId = `${idPrefix}-evidence`;
  const cueId = `${idPrefix}-scroll-cue`;
  const dimensionOf = (key: string) => aggregate.dimensions.find((d) => d.dimensionKey === key);

  const close = () => {
    const key = open;
    setOpen(null);
    if (key) dimensionButtons.current.get(key)?.focus();
  };

  const dimensionButton = (d: Dimension) => (
    <button
      type="button"
      className="dimension-button"
      ref={(el) => {
        if (el) dimensionButtons.current.set(d.key, el);
        else dimensionButtons.current.delete(d.key);
      }}
      aria-expanded={open === d.key}
      aria-controls={viewId}
      onClick={() => setOpen(open === d.key ? null : d.key)}
    >
      {d.title}
    </button>
  );
  const levelCell = (s: Scorecard, d: Dimension) => {
    const level = ratingFor(s, d.key).level;
    return (
      <td key={`${s.id}-${d.key}`}>
        <button
          type="button"
          className={`cell level-${typeof level === 'number' ? level : 'none'}${open === d.key ? ' cell-open' : ''}`}
          aria-controls={viewId}
          aria-label={`${s.interviewerName}, ${d.title}: ${cellLabel(level)}. Show evidence`}
          onClick={() => setOpen(d.key)}
        >
          {cellText(level)}
        </button>
      </td>
    );
  };
  const interviewerName = (s: Scorecard) => (
    <>
      {s.interviewerName}
      {s.revision > 1 && <span className="field-hint"> (rev. {s.revision})</span>}
    </>
  );
  const tallyContent = tally && (
    <>
      {rubric.recommendationScale.map((o) => (
        <span key={o.value} className="tally-item">
          {o.label} {tally.recommendations[o.value]}
        </span>
      ))}
      {tally.split && <span className="flag">⚠ Split between yes and no</span>}
    </>
  );
  const rangeContent = (key: string) => {
    const d = dimensionOf(key);
    if (!d) return '—';
    return (
      <>
        {d.range === null ? '—' : `${d.min}–${d.max}`}
        {d.disagreement && <span className="flag"> ⚠ Disagreement</span>}
        {d.notCovered > 0 && <span className="field-hint"> ({d.notCovered} not covered)</span>}
      </>
    );
  };

  const wide = (
    <table className="matrix">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Interviewer</th>
          {rubric.dimensions.map((d) => (
            <th key={d.key} scope="col">
              {dimensionButton(d)}
            </th>
          ))}
          <th scope="col">Recommendation</th>
        </tr>
      </thead>
      <tbody>
        {scorecards.map((s) => (
          <tr key={s.id}>
            <th scope="row">{interviewerName(s)}</th>
            {rubric.dimensions.map((d) => levelCell(s, d))}
            <td className={`rec rec-${s.recommendation ?? 'none'}`}>{recLabel(s.recommendation)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Median</th>
          {rubric.dimensions.map((d) => (
            <td key={d.key}>{formatMedian(dimensionOf(d.key)?.median ?? null)}</td>
          ))}
          <td rowSpan={2} className="tally">
            {tallyContent}
          </td>
        </tr>
        <tr>
          <th scope="row">Range</th>
          {rubric.dimensions.map((d) => (
            <td key={d.key}>{rangeContent(d.key)}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );

  // Stacked: one row per dimension, one column per interviewer; the recommendation is the last row.
  const stacked = (
    <table className="matrix matrix-stacked">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Dimension</th>
          {scorecards.map((s) => (
            <th key={s.id} scope="col">
              {interviewerName(s)}
            </th>
          ))}
          <th scope="col">Median</th>
          <th scope="col">Range</th>
        </tr>
      </thead>
      <tbody>
        {rubric.dimensions.map((d) => (
          <tr key={d.key}>
            <th scope="row">{dimensionButton(d)}</th>
            {scorecards.map((s) => levelCell(s, d))}
            <td>{formatMedian(dimensionOf(d.key)?.median ?? null)}</td>
            <td>{rangeContent(d.key)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Recommendation</th>
          {scorecards.map((s) => (
            <td key={s.id} className={`rec rec-${s.recommendation ?? 'none'}`}>
              {recLabel(s.recommendation)}
            </td>
          ))}
          <td colSpan={2} className="tally">
            {tallyContent}
          </td>
        </tr>
      </tfoot>
    </table>
  );

  return (
    <div>
      {overflowing && (
        <p id={cueId} className="field-hint scroll-cue">
          The table is wider than the screen: scroll it sideways (or focus it and use the arrow keys) to see every interviewer. →
        </p>
      )}
      <div
        ref={ref}
        className={`matrix-wrap${overflowing ? ' matrix-wrap-scrolls' : ''}`}
        data-layout={layout}
        {...(overflowing ? { tabIndex: 0, role: 'region', 'aria-label': caption, 'aria-describedby': cueId } : {})}
      >
        {layout === 'wide' ? wide : stacked}
      </div>
      <div id={viewId} className="matrix-evidence">
        {openDimension && (
          <DimensionEvidence
            rubric={rubric}
            dimension={openDimension}
            scorecards={scorecards}
            aggregate={dimensionOf(openDimension.key)}
            changes={changes}
            idPrefix={idPrefix}
            rubricLabel={rubricLabel}
            onOpen={setOpen}
            onClose={close}
          />
        )}
      </div>
      <AmendmentChanges rubric={rubric} scorecards={scorecards} changes={changes} idPrefix={idPrefix} rubricLabel={rubricLabel} />
      <PanelTakeaways scorecards={scorecards} idPrefix={idPrefix} rubricLabel={rubricLabel} />
    </div>
  );
}
