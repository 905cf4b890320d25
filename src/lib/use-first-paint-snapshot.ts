import { useEffect, useRef, type RefObject } from 'react';
import { whenIdle } from './idle';
import { buildOf, saveSnapshot } from './first-paint-snapshot';

/**
 * Keeps what the returned element draws as the next start's snapshot, when the device is idle
 * after each change of `content`, while `ready` (the list shows its data and nothing that a new
 * start would not: no message, only its first page).
 */
export function useFirstPaintSnapshot<T extends HTMLElement>(ready: boolean, content: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!ready) return;
    return whenIdle(() => {
      const element = ref.current;
      const build = buildOf(document);
      if (!element || build === null) return;
      saveSnapshot(element.outerHTML, { storage: () => window.localStorage, build, now: new Date() });
    });
  }, [ready, content]);
  return ref;
}
