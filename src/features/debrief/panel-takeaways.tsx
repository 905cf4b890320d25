import { useState } from 'react';
import type { Scorecard } from '../../domain/scorecard';

/** Longer than this (or more lines), a takeaway starts folded to its first lines, with a button to read it all. */
export const TAKEAWAY_FOLD_CHARACTERS = 280;
export const TAKEAWAY_FOLD_LINES = 3;

const isLong = (text: string) => text.length > TAKEAWAY_FOLD_CHARACTERS || text.split('\n').length > TAKEAWAY_FOLD_LINES;

/** The start of a long takeaway: its first lines, cut at a word near the limit. */
function foldedText(text: string): string {
  const lines = text.split('\n').slice(0, TAKEAWAY_FOLD_LINES).join('\n');
  if (lines.length <= TAKEAWAY_FOLD_CHARACTERS) return `${lines}…`;
  const cut = lines.slice(0, TAKEAWAY_FOLD_CHARACTERS);
  const space = cut.lastIndexOf(' ');
  return `${space > TAKEAWAY_FOLD_CHARACTERS / 2 ? cut.slice(0, space) : cut}…`;
}

/** Each interviewer's key takeaways, under their rubric's matrix; a long one folds to its start. */
export function PanelTakeaways({ scorecards, idPrefix, rubricLabel = null }: { scorecards: readonly Scorecard[]; idPrefix: string; rubricLabel?: string | null }) {
  const headingId = `${idPrefix}-takeaways-heading`;
  return (
    <section className="takeaways" aria-labelledby={headingId}>
      <h4 id={headingId}>
        Key takeaways
        {rubricLabel && <span className="visually-hidden"> ({rubricLabel})</span>}
      </h4>
      <ul className="takeaway-list">
        {scorecards.map((s) => (
          <Takeaway key={s.id} scorecard={s} textId={`${idPrefix}-takeaway-${s.id}`} />
        ))}
      </ul>
    </section>
  );
}

function Takeaway({ scorecard, textId }: { scorecard: Scorecard; textId: string }) {
  const [open, setOpen] = useState(false);
  const text = scorecard.takeaways.trim();
  const long = isLong(text);
  const name = scorecard.interviewerName;
  return (
    <li>
      <strong>{name}</strong>
      {text === '' ? (
        <p className="field-hint">No takeaways written.</p>
      ) : (
        <>
          <p id={textId} className="prewrap" dir="auto">
            {long && !open ? foldedText(text) : text}
          </p>
          {long && (
            <button type="button" className="button button-link" aria-expanded={open} aria-controls={textId} onClick={() => setOpen(!open)}>
              {open ? `Show less of ${name}’s takeaways` : `Show all of ${name}’s takeaways`}
            </button>
          )}
        </>
      )}
    </li>
  );
}
