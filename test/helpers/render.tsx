import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { RepositoriesProvider } from '../../src/lib/repositories-context';
import { freshDb } from './db';

/** Renders a screen over a fresh database, at a given address, as the app would. */
export function renderWithDb(ui: ReactElement, { path = '/' }: { path?: string } = {}) {
  window.history.replaceState(null, '', path);
  const { db, repos } = freshDb();
  const utils = render(<RepositoriesProvider repositories={repos}>{ui}</RepositoriesProvider>);
  return { ...utils, db, repos };
}
