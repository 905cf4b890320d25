import { useId, useRef, useState } from 'react';

/**
 * A search string to paste into a job board: read-only, selectable, with a Copy button. Where the
 * browser refuses the clipboard (or has none), the text is selected so the keyboard shortcut copies
 * it, and the status line says so.
 */
export function SourcingCopyBox({ label, text, hint }: { label: string; text: string; hint?: string }) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');

  const copy = async () => {
    setStatus('');
    try {
      if (!navigator.clipboard?.writeText) throw new Error('No clipboard');
      await navigator.clipboard.writeText(text);
      setStatus('Copied');
    } catch {
      // Refused (permissions, an insecure page) or absent: the user copies the selection themselves.
      box.current?.focus();
      box.current?.select();
      setStatus('Press Ctrl+C to copy');
    }
  };

  return (
    <div className="field sourcing-copy">
      <label className="field-label" htmlFor={`${id}-text`}>
        {label}
      </label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <textarea
        id={`${id}-text`}
        ref={box}
        readOnly
        value={text}
        rows={Math.min(6, Math.max(2, Math.ceil(text.length / 70)))}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="sourcing-copy-actions">
        <button type="button" className="button button-secondary" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
          Copy
        </button>
        <span role="status" aria-live="polite" className="sourcing-copy-status">
          {status}
        </span>
      </div>
    </div>
  );
}
