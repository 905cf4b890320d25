import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { padDraftKey, usePersistentDraft } from '../../lib/preferences';
import type { Dimension } from '../../domain/rubric';
import type { PadLine } from '../../domain/scorecard';
import { PAD_MAX_LINES } from '../../domain/scorecard';
import { PAD_FULL_MESSAGE, padRoomFor } from '../../domain/running-notes';

type Props = {
  /** Where the line being typed is kept until Enter (the scorecard's id). */
  draftKey: string;
  lines: readonly PadLine[];
  dimensions: readonly Pick<Dimension, 'key' | 'title'>[];
  onAdd: (text: string, tag: string | null) => void;
  onTag: (lineId: string, tag: string | null) => void;
  onRemove: (lineId: string) => void;
};

/** How many of the latest lines the pad shows before "Show earlier notes". */
const RECENT_LINES = 30;

/** `Alt+1`…`Alt+9` by the key's position, so German or Polish layouts need no AltGr. */
function digitOf(code: string): number | null {
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  return m ? Number(m[1]) : null;
}

/**
 * One place to type while listening. Enter files the line with its stamp; one tap (or Alt+1…5)
 * files the line being typed, or else the last one, under a dimension. Tagging copies nothing.
 */
export function RunningNotesPad({ draftKey, lines, dimensions, onAdd, onTag, onRemove }: Props) {
  // The line being typed survives a reload or a killed tab: it is kept on the device until Enter.
  const [draft, setDraft] = usePersistentDraft(padDraftKey(draftKey));
  // The latest lines are shown; the earlier ones on request, so adding a line stays quick with hundreds.
  const [showAll, setShowAll] = useState(false);
  const hidden = showAll ? 0 : Math.max(0, lines.length - RECENT_LINES);
  const visible = useMemo(() => (hidden > 0 ? lines.slice(hidden) : lines), [lines, hidden]);
  const listRef = useRef<HTMLOListElement>(null);
  const count = lines.length;

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [count]);

  const [noRoom, setNoRoom] = useState(false);
  const commit = (tag: string | null) => {
    if (draft.trim() === '') return false;
    // A passage too long for the lines left stays in the box, with the reason, never half-added.
    if (!padRoomFor(lines, draft)) {
      setNoRoom(true);
      return true;
    }
    setNoRoom(false);
    onAdd(draft, tag);
    setDraft('');
    return true;
  };

  const tagLatest = (tag: string) => {
    if (commit(tag)) return;
    const last = lines[lines.length - 1];
    if (last) onTag(last.id, last.tag === tag ? null : tag);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      commit(null);
      return;
    }
    const digit = e.altKey ? digitOf(e.code) : null;
    const dimension = digit === null ? undefined : dimensions[digit - 1];
    if (dimension) {
      e.preventDefault();
      tagLatest(dimension.key);
    }
  };

  const full = count >= PAD_MAX_LINES;
  return (
    <section className="pad" aria-labelledby="pad-heading">
      <h2 id="pad-heading" className="pad-heading">
        Running notes
      </h2>
      {hidden > 0 && (
        <button type="button" className="button-link pad-earlier" onClick={() => setShowAll(true)}>
          Show {hidden} earlier {hidden === 1 ? 'note' : 'notes'}
        </button>
      )}
      {count > 0 ? (
        <PadLines lines={visible} dimensions={dimensions} onTag={onTag} onRemove={onRemove} listRef={listRef} />
      ) : (
        <p className="field-hint">Type as the candidate talks. Enter stamps the line with the time; then file it under a dimension with one tap.</p>
      )}
      <label className="visually-hidden" htmlFor="pad-input">
        Running notes
      </label>
      <textarea
        id="pad-input"
        className="pad-input"
        rows={2}
        dir="auto"
        value={draft}
        disabled={full}
        placeholder="Type, then Enter"
        aria-describedby="pad-hint"
        onChange={(e) => {
          setDraft(e.target.value);
          if (noRoom) setNoRoom(false);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="pad-hint" className={noRoom ? 'field-error pad-hint' : 'field-hint pad-hint'} role={noRoom ? 'alert' : undefined}>
        {full || noRoom ? PAD_FULL_MESSAGE : `Enter: add the line · Alt+1–${Math.min(9, dimensions.length)}: file it under ${dimensions.map((d, i) => `${i + 1} ${d.title}`).join(', ')}`}
      </p>
      {draft.trim() !== '' && (
        <div className="pad-tags" role="group" aria-label="Add this line under">
          {dimensions.map((d) => (
            <button key={d.key} type="button" className="pad-tag" onClick={() => commit(d.key)}>
              {d.title}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

type LinesProps = Pick<Props, 'lines' | 'dimensions' | 'onTag' | 'onRemove'> & { listRef: RefObject<HTMLOListElement | null> };

/**
 * The lines so far, with their filing buttons. Memoised: typing the next line re-renders only the
 * box being typed in, not hundreds of lines and their buttons.
 */
const PadLines = memo(function PadLines({ lines, dimensions, onTag, onRemove, listRef }: LinesProps) {
  return (
    <ol className="pad-lines" ref={listRef} aria-label="Notes so far">
      {lines.map((line) => (
        <li key={line.id} className="pad-line">
          <p className="pad-text">
            <span className="pad-stamp">{line.stamp}</span> <span dir="auto">{line.text}</span>
          </p>
          <div className="pad-tags" role="group" aria-label={`File “${line.text.slice(0, 40)}” under`}>
            {dimensions.map((d) => (
              <button key={d.key} type="button" className="pad-tag" aria-pressed={line.tag === d.key} onClick={() => onTag(line.id, line.tag === d.key ? null : d.key)}>
                {d.title}
              </button>
            ))}
            <button type="button" className="pad-tag pad-remove" aria-label={`Remove note “${line.text.slice(0, 40)}”`} onClick={() => onRemove(line.id)}>
              ✕
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
});
