// First: the database starts opening before anything else is evaluated.
import { database } from './database';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createStartRepositories } from '../data/start-repositories';
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

function start(): void {
  if ('error' in database) {
    root.render(<StorageUnavailablePage error={database.error} />);
    return;
  }
  const { db } = database;
  const app = (
    <StrictMode>
      <RepositoriesProvider start={createStartRepositories(db)} load={() => import('../data/repositories').then((m) => m.createRepositories(db))}>
        <Layout />
      </RepositoriesProvider>
    </StrictMode>
  );
  let blocked = false;
  // Before the database has opened, the screens cannot work: say it on the whole page. The open
  // goes on, and the app replaces this once the other tabs let go.
  database.onBlockedBeforeOpen(() => {
    blocked = true;
    root.render(<StorageUnavailablePage error={new Error('Another Loopcard tab is still using the previous version of its storage. Close the other Loopcard tabs; this page then opens by itself.')} />);
  });
  // The frame and the first screen's heading paint at once; lists show their place until the
  // database answers.
  root.render(app);
  database.opened.then(
    () => {
      if (blocked) root.render(app);
    },
    (error: unknown) => root.render(<StorageUnavailablePage error={error} />),
  );
}

start();
