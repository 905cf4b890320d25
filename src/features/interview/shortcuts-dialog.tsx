import { useEffect, useRef } from 'react';

export const SHORTCUTS: readonly [string, string][] = [
  ['1 – 4', 'Rate the dimension you are in at that level'],
  ['0', 'Mark the dimension you are in as not covered'],
  ['] or Alt + ↓', 'Next dimension'],
  ['[ or Alt + ↑', 'Previous dimension'],
  ['?', 'Show these shortcuts'],
];

/** The keyboard shortcuts of the scoring screen. Escape or the button closes it; focus returns. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closeRef.current?.focus();
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, [onClose]);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <p className="field-hint">Rating keys work when focus is on a dimension, not while typing in a text box. Alt + arrows work everywhere.</p>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([keys, action]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
