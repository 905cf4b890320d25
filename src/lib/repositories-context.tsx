import { createContext, use, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Repositories } from '../data/repositories';
import type { StartRepositories } from '../data/start-repositories';

type Source = {
  /** What the first screen reads; there from the first render. */
  readonly start: StartRepositories;
  /** Every repository, once loaded. */
  full: Repositories | null;
  /** Loads every repository (once; again after a failure). */
  readonly load: () => Promise<Repositories>;
  /** Calls back once they have loaded. */
  readonly subscribe: (listener: () => void) => () => void;
};

function sourceOf(start: StartRepositories, loadAll: () => Promise<Repositories>): Source {
  let loading: Promise<Repositories> | null = null;
  const listeners = new Set<() => void>();
  const source: Source = {
    start,
    full: null,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load: () =>
      (loading ??= loadAll().then(
        (full) => {
          source.full = full;
          for (const listener of listeners) listener();
          return full;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      )),
  };
  return source;
}

const RepositoriesContext = createContext<Source | null>(null);

/**
 * Gives the screens their repositories: either all of them at once (`repositories`), or the first
 * screen's reads (`start`) with the rest loaded on first need (`load`), so the first screen paints
 * without the code of the others. A screen that needs the rest waits in its Suspense boundary.
 */
export function RepositoriesProvider(
  props: { children: ReactNode } & ({ repositories: Repositories } | { start: StartRepositories; load: () => Promise<Repositories> }),
) {
  const [source] = useState<Source>(() => {
    if (!('repositories' in props)) return sourceOf(props.start, props.load);
    const all = props.repositories;
    const loaded = sourceOf(all, () => Promise.resolve(all));
    loaded.full = all;
    return loaded;
  });
  return <RepositoriesContext.Provider value={source}>{props.children}</RepositoriesContext.Provider>;
}

function useSource(): Source {
  const source = useContext(RepositoriesContext);
  if (!source) throw new Error('Repositories need a RepositoriesProvider above them.');
  return source;
}

/** The repositories of the open database; features reach storage only through these. Suspends until they have loaded. */
export function useRepositories(): Repositories {
  const source = useSource();
  return source.full ?? use(source.load());
}

/** The first screen's reads, never waiting for the rest of the code. */
export function useStartRepositories(): StartRepositories {
  return useSource().start;
}

/** Starts loading every repository, e.g. once the first screen has painted, so the next screen opens at once. */
export function usePreloadRepositories(): () => void {
  const source = useSource();
  return () => void source.load().catch(() => undefined);
}

/** Whether every repository has loaded (the rest of the app can then be fetched ahead of use). */
export function useRepositoriesLoaded(): boolean {
  const source = useSource();
  return useSyncExternalStore(source.subscribe, () => source.full !== null);
}
