import { createContext, use, useCallback, useContext, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Repositories } from '../data/repositories';
import type { FirstScreenData } from '../data/first-screen-read';

type Source = {
  /** What the first screen shows, read once at start; undefined while reading, null when there is none. */
  first: FirstScreenData | null | undefined;
  /** Every repository, once loaded. */
  full: Repositories | null;
  /** Loads every repository (once; again after a failure). */
  readonly load: () => Promise<Repositories>;
  /** Calls back when the first read answers and when the repositories have loaded. */
  readonly subscribe: (listener: () => void) => () => void;
};

/** The first screen's read at start: its answer, and the answer itself once it is in (so a render can use it at once). */
export type FirstRead = {
  readonly promise: Promise<FirstScreenData | null>;
  settled: { value: FirstScreenData | null } | undefined;
};

function sourceOf(first: FirstRead, loadAll: () => Promise<Repositories>): Source {
  let loading: Promise<Repositories> | null = null;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const source: Source = {
    first: first.settled?.value,
    full: null,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load: () =>
      (loading ??= loadAll().then(
        (full) => {
          source.full = full;
          changed();
          return full;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      )),
  };
  void first.promise
    .catch(() => null)
    .then((data) => {
      source.first = data;
      changed();
      // No first read to show (an upgrade is due, or IndexedDB refused it): the screens need the
      // database's own code at once.
      if (data === null) void source.load().catch(() => undefined);
    });
  return source;
}

const RepositoriesContext = createContext<Source | null>(null);

/**
 * Gives the screens their repositories: either all of them at once (`repositories`), or what the
 * first screen shows, read once at start (`first`), with every repository loaded on first need
 * (`load`), so the first screen paints without the database code or the other screens'. A screen
 * that needs the repositories waits in its Suspense boundary.
 */
export function RepositoriesProvider(
  props: { children: ReactNode } & ({ repositories: Repositories } | { first: FirstRead; load: () => Promise<Repositories> }),
) {
  const [source] = useState<Source>(() => {
    if (!('repositories' in props)) return sourceOf(props.first, props.load);
    const all = props.repositories;
    const loaded = sourceOf({ promise: new Promise<null>(() => undefined), settled: { value: null } }, () => Promise.resolve(all));
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

/** The repositories if they have loaded, else null (never waits). */
export function useLoadedRepositories(): Repositories | null {
  const source = useSource();
  return useSyncExternalStore(source.subscribe, () => source.full);
}

/** What the first screen shows, read at start: undefined while reading, null when there is none (read through the repositories instead). */
export function useFirstScreen(): FirstScreenData | null | undefined {
  const source = useSource();
  return useSyncExternalStore(source.subscribe, () => source.first);
}

/** Starts loading every repository, e.g. at the first sign of use, so the next screen opens at once. */
export function usePreloadRepositories(): () => void {
  const source = useSource();
  return useCallback(() => void source.load().catch(() => undefined), [source]);
}

/** Every repository, loading them first when they have not loaded yet. */
export function useRepositoriesLoader(): () => Promise<Repositories> {
  return useSource().load;
}

/** Whether every repository has loaded (the rest of the app can then be fetched ahead of use). */
export function useRepositoriesLoaded(): boolean {
  return useLoadedRepositories() !== null;
}
