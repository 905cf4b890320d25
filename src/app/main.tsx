// First: the roles list is read from IndexedDB while everything else is evaluated.
import { firstScreenRead, releaseFirstRead, snapshotShown } from './first-read';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Repositories } from '../data/repositories';
import { RepositoriesProvider } from '../lib/repositories-context';
import { Layout } from './layout';
import { StorageUnavailablePage } from './fallback-pages';
import { flushPendingWork } from '../lib/pending-work';
import { raiseCondition } from '../lib/app-events';
import { firstPaintDone } from '../lib/first-paint-snapshot';
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

/**
 * The database code and every repository, loaded on first need (the first screen shows what was
 * read at start without them). Opening the database can fail or wait for other tabs: say so on
 * the whole page.
 */
async function loadRepositories(showApp: () => void): Promise<Repositories> {
  const { database } = await import('./database');
  if ('error' in database) {
    root.render(<StorageUnavailablePage error={database.error} />);
    throw database.error;
  }
  let blocked = false;
  // Before the database has opened, the screens cannot work: say it on the whole page. The open
  // goes on, and the app replaces this once the other tabs let go.
  database.onBlockedBeforeOpen(() => {
    blocked = true;
    root.render(<StorageUnavailablePage error={new Error('Another Loopcard tab is still using the previous version of its storage. Close the other Loopcard tabs; this page then opens by itself.')} />);
  });
  database.opened.then(
    () => {
      releaseFirstRead();
      if (blocked) showApp();
    },
    (error: unknown) => root.render(<StorageUnavailablePage error={error} />),
  );
  const { createRepositories } = await import('../data/repositories');
  return createRepositories(database.db);
}

function start(): void {
  const showApp = () => root.render(app);
  const app = (
    <StrictMode>
      <RepositoriesProvider first={firstScreenRead} load={() => loadRepositories(showApp)}>
        <Layout />
      </RepositoriesProvider>
    </StrictMode>
  );
  // The frame and the first screen paint at once; lists show their place until their data is in.
  // When the list as last drawn is on screen, React draws over it once the database has answered
  // (never a placeholder over it; a read that takes over a second gets one) and the page has painted it.
  if (snapshotShown) {
    const answered = Promise.race([firstScreenRead.promise.catch(() => null), new Promise((resolve) => setTimeout(resolve, 1_000))]);
    void Promise.all([answered, firstPaintDone()]).then(showApp);
  } else showApp();
}

start();
