import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';

/**
 * A live query over a repository loaded on first use: the repository's code is loaded first (a
 * dynamic import inside the query would hide its reads from Dexie), then the query runs and
 * re-runs whenever what it read changes. Undefined until both are done; an error to show if the
 * code could not be loaded.
 */
export function useLazyLiveQuery<T>(repository: { preload: () => Promise<void> }, query: () => Promise<T>, deps: readonly unknown[]): { value: T | undefined; loadError: unknown } {
  const [ready, setReady] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    repository.preload().then(
      () => live && setReady(true),
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [repository]);
  const value = useLiveQuery(() => (ready ? query() : undefined), [ready, ...deps]);
  return { value, loadError };
}
