/** A repository whose methods all return promises, so it can be loaded on first use. */
type AsyncRepository = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * Stands in for a repository that most screens never use (gathering files, packets, backups), so
 * its code and the schemas it needs load on first call rather than with the first screen.
 */
export function lazyRepository<T extends AsyncRepository>(load: () => Promise<T>): T {
  let loaded: Promise<T> | null = null;
  const get = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
  return new Proxy({} as T, {
    // A property set on the stand-in (a test's spy) wins over the loaded method.
    get: (target, method: string) =>
      method in target
        ? (target as Record<string, unknown>)[method]
        : async (...args: unknown[]) => {
        const repository = await get();
        const fn = repository[method];
        if (typeof fn !== 'function') throw new Error(`The repository has no method ${method}.`);
        return (fn as (...a: unknown[]) => Promise<unknown>).apply(repository, args);
          },
  });
}
