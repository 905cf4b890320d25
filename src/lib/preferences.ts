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
/** A phone or a small tablet (up to 720 px wide), where the probe questions start folded. */
export function isSmallScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(max-width: 720px)').matches;
}

export function isWideScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 1100px)').matches;
}

const draftStorageKey = (key: string) => `loopcard:draft:${key}`;

/** The draft key of a scorecard's running-notes line. */
export const padDraftKey = (scorecardId: string) => `pad:${scorecardId}`;

/** Forgets a draft (after erasure: nothing about the candidate stays on the device). */
export function clearPersistentDraft(key: string): void {
  try {
    window.localStorage.removeItem(draftStorageKey(key));
  } catch {
    // Storage switched off: nothing was kept there either.
  }
}

/**
 * Text being typed that is not yet part of a record (the running-notes line before Enter), kept in
 * localStorage on every change so a reload or a killed tab gives it back. Cleared when committed.
 */
export function usePersistentDraft(key: string): [string, (value: string) => void] {
  const storageKey = draftStorageKey(key);
  const [value, setValue] = useState<string>(() => {
    try {
      return window.localStorage.getItem(storageKey) ?? '';
    } catch {
      return '';
    }
  });
  const set = useCallback(
    (next: string) => {
      setValue(next);
      try {
        if (next === '') window.localStorage.removeItem(storageKey);
        else window.localStorage.setItem(storageKey, next);
      } catch {
        // Storage full or switched off: the text stays on screen and in memory.
      }
    },
    [storageKey],
  );
  return [value, set];
}
