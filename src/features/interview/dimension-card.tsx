import { useState } from 'react';
import type { Dimension, ProbeTopic, RatingLevel } from '../../domain/rubric';
import { LEVEL_NAMES, LEVEL_VALUES, NOT_COVERED } from '../../domain/rubric';
import type { DimensionRating } from '../../domain/scorecard';
import { EVIDENCE_MAX_LENGTH } from '../../domain/scorecard';
import { FieldError } from '../../components/field';

type DimensionCardProps = {
  index: number;
  dimension: Dimension;
  probeTopics: readonly ProbeTopic[];
  rating: DimensionRating;
  levelError?: string | undefined;
  evidenceError?: string | undefined;
  onLevel: (level: RatingLevel | typeof NOT_COVERED) => void;
  onEvidence: (text: string) => void;
  onQuickNote: (note: string) => void;
  onProbe: (key: string, covered: boolean) => void;
};

/**
 * One dimension: the anchored levels as a radio group with the anchor text in full, the evidence,
 * a quick time-stamped note, and the probes covered.
 */
export function DimensionCard({ index, dimension, probeTopics, rating, levelError, evidenceError, onLevel, onEvidence, onQuickNote, onProbe }: DimensionCardProps) {
  const [note, setNote] = useState('');
  const key = dimension.key;
  const addNote = () => {
    if (note.trim() === '') return;
    onQuickNote(note);
    setNote('');
  };
  return (
    <section className="dimension" id={`dimension-${key}`} data-dimension={key} tabIndex={-1} aria-labelledby={`dimension-${key}-title`}>
      <h2 id={`dimension-${key}-title`}>
        {index + 1}. {dimension.title}
      </h2>
      <p className="dimension-focus">{dimension.focus}</p>
      <details className="dimension-probes">
        <summary>What good looks like, and what to ask</summary>
        <p>{dimension.good}</p>
        <ul>
          {dimension.probes.map((probe) => (
            <li key={probe}>{probe}</li>
          ))}
        </ul>
      </details>

      <fieldset
        className="levels"
        id={`level-${key}`}
        aria-describedby={levelError ? `level-${key}-error` : undefined}
        aria-invalid={levelError ? true : undefined}
      >
        <legend className="field-label">Level for {dimension.title}</legend>
        {LEVEL_VALUES.map((level) => (
          <label key={level} className="level-option">
            <input type="radio" name={`level-${key}`} value={level} checked={rating.level === level} onChange={() => onLevel(level)} />
            <span>
              <span className="level-name">
                {level} · {LEVEL_NAMES[level]}
              </span>
              <span className="level-anchor">{dimension.anchors[level]}</span>
            </span>
          </label>
        ))}
        <label className="level-option level-not-covered">
          <input type="radio" name={`level-${key}`} value={NOT_COVERED} checked={rating.level === NOT_COVERED} onChange={() => onLevel(NOT_COVERED)} />
          <span className="level-name">Not covered</span>
        </label>
        <FieldError id={`level-${key}-error`} message={levelError} />
      </fieldset>

      <div className="field">
        <label className="field-label" htmlFor={`evidence-${key}`}>
          Evidence for {dimension.title}
        </label>
        <textarea
          id={`evidence-${key}`}
          rows={5}
          value={rating.evidence}
          onChange={(e) => onEvidence(e.target.value)}
          aria-invalid={evidenceError ? true : undefined}
          aria-describedby={[`evidence-${key}-count`, evidenceError ? `evidence-${key}-error` : ''].filter(Boolean).join(' ')}
          dir="auto"
        />
        <p id={`evidence-${key}-count`} className={`field-hint counter${rating.evidence.length > EVIDENCE_MAX_LENGTH ? ' over' : ''}`}>
          {rating.evidence.length.toLocaleString()} / {EVIDENCE_MAX_LENGTH.toLocaleString()} characters
        </p>
        <FieldError id={`evidence-${key}-error`} message={evidenceError} />
      </div>

      <div className="quick-note">
        <label className="field-label" htmlFor={`note-${key}`}>
          Quick note, stamped with the time
        </label>
        <div className="quick-note-row">
          <input
            id={`note-${key}`}
            type="text"
            value={note}
            dir="auto"
            autoComplete="off"
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addNote();
              }
            }}
          />
          <button type="button" className="button button-secondary" onClick={addNote} aria-label={`Add note to ${dimension.title}`}>
            Add note
          </button>
        </div>
      </div>

      <fieldset className="probes">
        <legend className="field-label">Probes covered</legend>
        <div className="probe-options">
          {probeTopics.map((topic) => (
            <label key={topic.key} className="choice">
              <input type="checkbox" checked={rating.probesCovered.includes(topic.key)} onChange={(e) => onProbe(topic.key, e.target.checked)} />
              <span>{topic.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
