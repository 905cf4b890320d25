import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDb } from '../data/db';
import { createRepositories } from '../data/repositories';
import { RepositoriesProvider } from '../lib/repositories-context';
import { Layout } from './layout';
import { StorageUnavailablePage } from './fallback-pages';
import './app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

async function start(): Promise<void> {
  let db;
  try {
    if (typeof indexedDB === 'undefined') throw new Error('This browser has no IndexedDB.');
    db = createDb();
    await db.open();
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
