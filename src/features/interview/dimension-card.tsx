import { memo } from 'react';
import type { Dimension, RatingLevel } from '../../domain/rubric';
import { LEVEL_NAMES, LEVEL_VALUES, NOT_COVERED } from '../../domain/rubric';
import type { DimensionRating, PadLine } from '../../domain/scorecard';
import { EVIDENCE_MAX_LENGTH } from '../../domain/scorecard';
import { FieldError } from '../../components/field';

type DimensionCardProps = {
  index: number;
  dimension: Dimension;
  rating: DimensionRating;
  levelError?: string | undefined;
  evidenceError?: string | undefined;
  /** Running-note lines filed under this dimension: part of its evidence. */
  tagged: readonly PadLine[];
  showAnchors: boolean;
  onShowAnchors: (show: boolean) => void;
  onLevel: (dimensionKey: string, level: RatingLevel | typeof NOT_COVERED) => void;
  onEvidence: (dimensionKey: string, title: string, text: string) => void;
  onUntag: (lineId: string) => void;
  /** A small tablet or phone: the probe questions start folded. */
  smallScreen?: boolean;
};

/**
 * One dimension: the levels as one row of large buttons with the chosen level's anchor (all four
 * anchors one tap away), the evidence with the running-note lines filed under it, the rubric's own
 * questions.
 */
function DimensionCardView({ index, dimension, rating, tagged, showAnchors, onShowAnchors, levelError, evidenceError, onLevel, onEvidence, onUntag, smallScreen = false }: DimensionCardProps) {
  const key = dimension.key;
  const chosen = typeof rating.level === 'number' ? rating.level : null;
  return (
    <section className="dimension" id={`dimension-${key}`} data-dimension={key} tabIndex={-1} aria-labelledby={`dimension-${key}-title`}>
      <h2 id={`dimension-${key}-title`}>
        {index + 1}. {dimension.title}
      </h2>
      <p className="dimension-focus">{dimension.focus}</p>

      <fieldset
        className="levels"
        id={`level-${key}`}
        aria-describedby={levelError ? `level-${key}-error` : undefined}
        aria-invalid={levelError ? true : undefined}
      >
        <legend className="field-label">Level for {dimension.title}</legend>
        <div className="level-row">
          {LEVEL_VALUES.map((level) => (
            <label key={level} className="level-button">
              <input type="radio" name={`level-${key}`} value={level} checked={rating.level === level} onChange={() => onLevel(key, level)} />
              <span className="level-name">
                {level} · {LEVEL_NAMES[level]}
              </span>
            </label>
          ))}
          <label className="level-button level-not-covered">
            <input type="radio" name={`level-${key}`} value={NOT_COVERED} checked={rating.level === NOT_COVERED} onChange={() => onLevel(key, NOT_COVERED)} />
            <span className="level-name">Not covered</span>
          </label>
        </div>
        {chosen !== null && !showAnchors && <p className="level-anchor chosen-anchor">{dimension.anchors[chosen]}</p>}
        <FieldError id={`level-${key}-error`} message={levelError} />
      </fieldset>
      <button type="button" className="button-link anchors-toggle" aria-expanded={showAnchors} aria-controls={`anchors-${key}`} onClick={() => onShowAnchors(!showAnchors)}>
        {showAnchors ? 'Hide anchors' : 'Show anchors'}
      </button>
      {showAnchors && (
        <dl className="anchors" id={`anchors-${key}`}>
          {LEVEL_VALUES.map((level) => (
            <div key={level} className={chosen === level ? 'anchor chosen' : 'anchor'}>
              <dt>
                {level} · {LEVEL_NAMES[level]}
              </dt>
              <dd>{dimension.anchors[level]}</dd>
            </div>
          ))}
        </dl>
      )}

      <div className="field">
        <label className="field-label" htmlFor={`evidence-${key}`}>
          Evidence for {dimension.title}
        </label>
        <textarea
          id={`evidence-${key}`}
          rows={3}
          value={rating.evidence}
          onChange={(e) => onEvidence(key, dimension.title, e.target.value)}
          aria-invalid={evidenceError ? true : undefined}
          aria-describedby={[`evidence-${key}-count`, evidenceError ? `evidence-${key}-error` : ''].filter(Boolean).join(' ')}
          dir="auto"
        />
        <p id={`evidence-${key}-count`} className={`field-hint counter${rating.evidence.length > EVIDENCE_MAX_LENGTH ? ' over' : ''}`}>
          {rating.evidence.length.toLocaleString()} / {EVIDENCE_MAX_LENGTH.toLocaleString()} characters
        </p>
        {tagged.length > 0 && (
          <ul className="tagged-lines" aria-label={`Running notes filed under ${dimension.title}`}>
            {tagged.map((line) => (
              <li key={line.id}>
                <span className="pad-stamp">{line.stamp}</span> <span dir="auto">{line.text}</span>{' '}
                <button type="button" className="button-link" onClick={() => onUntag(line.id)} aria-label={`Unfile “${line.text.slice(0, 40)}” from ${dimension.title}`}>
                  Unfile
                </button>
              </li>
            ))}
          </ul>
        )}
        <FieldError id={`evidence-${key}-error`} message={evidenceError} />
      </div>

      <div className="dimension-probes">
        {/* Visible on a laptop and a tablet; folded on a small tablet or phone, where room is short. */}
        <details open={!smallScreen}>
          <summary className="field-label">Ask ({dimension.probes.length} {dimension.probes.length === 1 ? 'question' : 'questions'})</summary>
          <ul>
            {dimension.probes.map((probe) => (
              <li key={probe}>{probe}</li>
            ))}
          </ul>
        </details>
        <details>
          <summary>What good looks like</summary>
          <p>{dimension.good}</p>
        </details>
      </div>

    </section>
  );
}

const sameLines = (a: readonly PadLine[], b: readonly PadLine[]) => a.length === b.length && a.every((line, i) => line === b[i]);

/**
 * Drawn again only when something of its own changed: adding a running-note line or typing in
 * another dimension leaves the other cards alone.
 */
export const DimensionCard = memo(DimensionCardView, (before, after) => {
  const keys = Object.keys(after) as (keyof DimensionCardProps)[];
  return keys.every((k) => (k === 'tagged' ? sameLines(before.tagged, after.tagged) : before[k] === after[k]));
});
