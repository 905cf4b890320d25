import { useCallback, useState } from 'react';

/**
 * A small choice remembered on this device (not in the database: it is about the screen, not the
 * interview), such as whether the anchors are shown. Storage may be unavailable: then it lasts the visit.
 */
export function useDevicePreference(key: string, initial: () => boolean): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState<boolean>(() => {
    try {
      const stored = window.localStorage.getItem(`loopcard:${key}`);
      if (stored === 'true' || stored === 'false') return stored === 'true';
    } catch {
      // Private mode or storage switched off: fall back to the default for this visit.
    }
    return initial();
  });
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        window.localStorage.setItem(`loopcard:${key}`, String(next));
      } catch {
        // Not remembered, but the screen still follows the choice.
      }
    },
    [key],
  );
  return [value, set];
}

/** A laptop-sized screen (the anchors open by default there; a tablet keeps them one tap away). */
export function isWideScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 1100px)').matches;
}
