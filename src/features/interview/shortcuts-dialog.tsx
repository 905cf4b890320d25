import { useEffect, useRef } from 'react';

export const SHORTCUTS: readonly [string, string][] = [
  ['1 – 4', 'Rate the dimension with focus, or the one in view, at that level'],
  ['0', 'Mark that dimension as not covered'],
  ['Enter', 'In the running notes: add the line, stamped with the time'],
  ['Alt + 1 – 5', 'In the running notes: file the line being typed, or the last one, under that dimension'],
  ['Esc', 'Leave a note box for its dimension'],
  ['] or Alt + ↓', 'Next dimension'],
  ['[ or Alt + ↑', 'Previous dimension'],
  ['?', 'Show these shortcuts'],
];

/**
 * The keyboard shortcuts of the scoring screen, as a native modal <dialog>: showModal() makes the
 * rest of the page inert, so focus cannot leave it, and the browser turns Escape into a close.
 * Closing (Escape or the button) unmounts it, and focus goes back to where it was opened from.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    closeRef.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      opener?.focus();
    };
  }, []);
  return (
    // The native close event covers Escape (after its cancel event) as well as dialog.close().
    <dialog ref={dialogRef} className="modal" aria-labelledby="shortcuts-title" onClose={onClose}>
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
    </dialog>
  );
}
