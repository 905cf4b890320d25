import { createContext, useContext, type ReactNode } from 'react';
import type { Repositories } from '../data/repositories';

const RepositoriesContext = createContext<Repositories | null>(null);

export function RepositoriesProvider({ repositories, children }: { repositories: Repositories; children: ReactNode }) {
  return <RepositoriesContext.Provider value={repositories}>{children}</RepositoriesContext.Provider>;
}

/** The repositories of the open database; features reach storage only through these. */
export function useRepositories(): Repositories {
  const repositories = useContext(RepositoriesContext);
  if (!repositories) throw new Error('useRepositories needs a RepositoriesProvider above it.');
  return repositories;
}
