/** A repository whose methods all return promises, so it can be loaded on first use. */
type AsyncRepository = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * Stands in for a repository that most screens never use (gathering files, packets, backups), so
 * its code and the schemas it needs load on first call rather than with the first screen.
 */
export function lazyRepository<T extends AsyncRepository>(load: () => Promise<T>): T & Preloadable {
  let loaded: Promise<T> | null = null;
  let instance: T | null = null;
  const get = () => {
    loaded ??= load().then(
      (repository) => (instance = repository),
      (error: unknown) => {
        loaded = null;
        throw error;
      },
    );
    return loaded;
  };
  const call = (repository: T, method: string, args: unknown[]) => {
    const fn = repository[method];
    if (typeof fn !== 'function') throw new Error(`The repository has no method ${method}.`);
    return (fn as (...a: unknown[]) => Promise<unknown>).apply(repository, args);
  };
  return new Proxy({} as T & Preloadable, {
    // A property set on the stand-in (a test's spy) wins over the loaded method.
    get: (target, method: string) => {
      if (method in target) return (target as Record<string, unknown>)[method];
      if (method === 'preload') return () => get().then(() => undefined);
      // Once loaded, a call goes straight to the repository: inside a live query nothing but
      // Dexie's own promises stands between the query and its reads, so Dexie tracks them.
      return (...args: unknown[]) => (instance ? call(instance, method, args) : get().then((repository) => call(repository, method, args)));
    },
  });
}

/** Loads a lazy repository's code; after it resolves, its methods may run inside a live query. */
export type Preloadable = { preload: () => Promise<void> };
