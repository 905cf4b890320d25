import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

const OFFLINE_READY_SHOWN_MS = 8_000;

/**
 * The service worker never takes over on its own: when a new version is waiting, this offers the
 * reload and the user chooses the moment.
 */
export function ReloadPrompt() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();

  // "Ready to work offline" is good news, not a task: it leaves by itself.
  useEffect(() => {
    if (!offlineReady) return;
    const hide = setTimeout(() => setOfflineReady(false), OFFLINE_READY_SHOWN_MS);
    return () => clearTimeout(hide);
  }, [offlineReady, setOfflineReady]);

  if (!offlineReady && !needRefresh) return null;
  return (
    <div className="toast" role="status">
      {needRefresh ? (
        <>
          <p>A new version of Loopcard is ready.</p>
          <div className="toast-actions">
            <button type="button" className="button button-primary" onClick={() => void updateServiceWorker(true)}>
              Reload
            </button>
            <button type="button" className="button button-secondary" onClick={() => setNeedRefresh(false)}>
              Later
            </button>
          </div>
        </>
      ) : (
        <>
          <p>Loopcard is ready to work offline.</p>
          <div className="toast-actions">
            <button type="button" className="button button-secondary" onClick={() => setOfflineReady(false)}>
              Dismiss
            </button>
          </div>
        </>
      )}
    </div>
  );
}
