import { useEffect, type RefObject } from 'react';
import { registerPendingWork } from './pending-work';

/**
 * What every autosaving editor does when the person may be leaving: an update or a reload the app
 * starts saves this first (and waits if it cannot), and hiding the page, switching app, locking the
 * tablet or leaving the screen saves now rather than when the timer fires.
 */
export function useSaveOnLeave(
  flushRef: RefObject<() => Promise<void>>,
  dirtyRef: RefObject<boolean>,
  timerRef: RefObject<ReturnType<typeof setTimeout> | null>,
): void {
  useEffect(
    () =>
      registerPendingWork(async () => {
        await flushRef.current();
        return !dirtyRef.current;
      }),
    [flushRef, dirtyRef],
  );

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushRef.current();
    };
    const onPageHide = () => void flushRef.current();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      if (timerRef.current !== null) clearTimeout(timerRef.current);
      timerRef.current = null;
      // The latest flush on purpose: it saves what is on screen when the editor goes away.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      void flushRef.current();
    };
  }, [flushRef, timerRef]);
}
