import { useEffect, useState } from 'react';
import { flushPendingWork } from '../lib/pending-work';
import { useRegisterSW } from 'virtual:pwa-register/react';

const OFFLINE_READY_SHOWN_MS = 8_000;
const UPDATE_CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * The service worker never takes over on its own: when a new version is waiting, this offers the
 * reload and the user chooses the moment.
 */
export function ReloadPrompt() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    // Look for a new version every hour while the app is open (and online); installing it is
    // still the user's choice.
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch((error: unknown) => console.warn('Update check failed', error));
      }, UPDATE_CHECK_EVERY_MS);
    },
  });
  const [unsaved, setUnsaved] = useState(false);

  // Work in progress is saved before the new version takes over; if it cannot be, nothing reloads.
  const reload = async () => {
    if (!(await flushPendingWork())) {
      setUnsaved(true);
      return;
    }
    await updateServiceWorker(true);
  };

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
          {unsaved && <p className="field-error">Your latest changes are not saved yet, so Loopcard did not reload. Save or download them, then try again.</p>}
          <div className="toast-actions">
            <button type="button" className="button button-primary" onClick={() => void reload()}>
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
