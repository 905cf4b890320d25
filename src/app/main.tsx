import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDb, type LoopcardDb } from '../data/db';
import { createRepositories } from '../data/repositories';
import { RepositoriesProvider } from '../lib/repositories-context';
import { Layout } from './layout';
import { StorageUnavailablePage } from './fallback-pages';
import { flushPendingWork } from '../lib/pending-work';
import { raiseCondition } from '../lib/app-events';
import './app.css';

// After a deploy, an old page may ask for a chunk that no longer exists. Save work first; reload
// only when online (offline, a reload could not fetch the new version either).
window.addEventListener('vite:preloadError', (event) => {
  event.preventDefault();
  void flushPendingWork().then(() => {
    if (navigator.onLine) window.location.reload();
    else raiseCondition('chunk-missing-offline');
  });
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

async function start(): Promise<void> {
  let db: LoopcardDb | undefined;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('This browser has no IndexedDB.');
    db = createDb();
    // Another tab opened a newer version of the database: save what can be saved, let go of the
    // connection so that tab is not blocked, and tell the user to reload.
    db.on('versionchange', () => {
      void flushPendingWork().finally(() => {
        db?.close();
        raiseCondition('database-closed');
      });
      return false;
    });
    let opened = false;
    db.on('blocked', () => {
      // Before the app has opened there is no layout to show a banner in: say it on the whole page.
      if (opened) raiseCondition('upgrade-blocked');
      else root.render(<StorageUnavailablePage error={new Error('Another Loopcard tab is still using the previous version of its storage. Close the other Loopcard tabs; this page then opens by itself.')} />);
    });
    root.render(<p className="loading">Opening Loopcard…</p>);
    await db.open();
    opened = true;
  } catch (error) {
    root.render(<StorageUnavailablePage error={error} />);
    return;
  }
  root.render(
    <StrictMode>
      <RepositoriesProvider repositories={createRepositories(db)}>
        <Layout />
      </RepositoriesProvider>
    </StrictMode>,
  );
}

void start();
