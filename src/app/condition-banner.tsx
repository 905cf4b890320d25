import { useSyncExternalStore } from 'react';
import { currentConditions, subscribeConditions, type AppCondition } from '../lib/app-events';

const MESSAGES: Record<AppCondition, { title: string; text: string; reload: boolean }> = {
  'database-closed': {
    title: 'Loopcard was updated in another tab',
    text: 'This tab has let go of its storage so the update could finish. Your saved work is safe; reload to carry on.',
    reload: true,
  },
  'upgrade-blocked': {
    title: 'Waiting for other Loopcard tabs',
    text: 'Another tab is still using the previous version of Loopcard’s storage. Close or reload the other Loopcard tabs.',
    reload: false,
  },
  'chunk-missing-offline': {
    title: 'Part of Loopcard is not on this device yet',
    text: 'A newer version was installed and this screen needs a part of it. Connect to the network and reload; your work is saved.',
    reload: true,
  },
};

/** Conditions that affect every screen, shown above whichever screen is open. */
export function ConditionBanner() {
  // Read during render: nothing in force at start means no second render after the first paint.
  const conditions = useSyncExternalStore(subscribeConditions, currentConditions);
  if (conditions.size === 0) return null;
  return (
    <div className="condition-banner" role="alert">
      {[...conditions].map((c) => (
        <div key={c}>
          <p className="notice-title">{MESSAGES[c].title}</p>
          <p>{MESSAGES[c].text}</p>
          {MESSAGES[c].reload && (
            <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
