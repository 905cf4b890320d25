import { useId, useRef, useState } from 'react';
import { Notice } from '../../components/notice';
import { highlightSegments, HIGHLIGHT_MAX_CHARS } from '../../domain/screening';
import { suggestScreen, type ScreenSuggestions } from '../../domain/sourcing';
import type { Lane } from '../../domain/role';

/**
 * The optional paste box: the text is scanned on this device and shown with its keywords
 * highlighted. It lives in this component's state only, so it is never saved and is gone when the
 * screener leaves the page.
 */
export function ScreenPaste({ lane, stack, onSuggestions }: { lane: Lane; stack: readonly string[]; onSuggestions: (suggestions: ScreenSuggestions) => void }) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [scanned, setScanned] = useState<{ text: string; suggestions: ScreenSuggestions } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const findKeywords = () => {
    const text = box.current?.value ?? '';
    const result = suggestScreen(text, lane, stack);
    if (!result.ok) {
      setScanned(null);
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setScanned({ text, suggestions: result.suggestions });
    onSuggestions(result.suggestions);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="section screen-paste">
      <h2 id={`${id}-heading`}>Paste a résumé or profile (optional)</h2>
      <div className="field">
        <label htmlFor={`${id}-text`} className="field-label">
          Résumé or profile text
        </label>
        <p id={`${id}-hint`} className="field-hint">
          Loopcard looks for keywords on this device: nothing leaves it, and the text itself is not saved. Only the signals you confirm and the keywords found are.
        </p>
        <textarea id={`${id}-text`} ref={box} rows={8} dir="auto" spellCheck={false} aria-describedby={`${id}-hint`} />
      </div>
      <div className="action-row">
        <button type="button" className="button button-secondary" onClick={findKeywords}>
          Find keywords
        </button>
      </div>
      {problem && <Notice tone="error" title="Nothing was scanned">{problem}</Notice>}
      {scanned && <ScanResult text={scanned.text} suggestions={scanned.suggestions} />}
    </section>
  );
}

function ScanResult({ text, suggestions }: { text: string; suggestions: ScreenSuggestions }) {
  const { segments, truncated, shownChars } = highlightSegments(text, suggestions.matches);
  const found = suggestions.found;
  return (
    <div className="screen-scan">
      <p role="status">
        {found.length === 0
          ? 'No keywords found in this text. Tick the signals yourself from what you read.'
          : `${found.length} keyword${found.length === 1 ? '' : 's'} found: ${found.join(', ')}. The signals they suggest are ticked below for you to confirm.`}
      </p>
      {text.trim() !== '' && (
        // A scrolling box must be reachable by keyboard to be scrolled (axe: scrollable-region-focusable).
        // Text only, never HTML.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="screen-preview" role="region" aria-label="The pasted text, keywords highlighted" tabIndex={0} dir="auto">
          {segments.map((s, i) => (s.keyword === null ? <span key={i}>{s.text}</span> : <mark key={i}>{s.text}</mark>))}
        </div>
      )}
      {truncated && (
        <p className="field-hint">
          Showing the first {shownChars.toLocaleString('en')} of {text.length.toLocaleString('en')} characters highlighted (at most {HIGHLIGHT_MAX_CHARS.toLocaleString('en')}); the keywords were looked for in all of it.
        </p>
      )}
    </div>
  );
}
